#include "core/index/IndexFiles.h"

#include "core/common/Error.h"

#include <QDir>
#include <QFile>

#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <new>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace weft::indexfiles {

namespace {

constexpr std::size_t kWriteBuffer = std::size_t(4) << 20;
// One system call moves at most this much (Linux moves at most about 2 GiB anyway).
constexpr std::size_t kMaxIo = std::size_t(1) << 30;

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }

QString systemReason(int error) { return QString::fromLocal8Bit(std::strerror(error)); }

CrashProbe& crashProbe()
{
    static CrashProbe probe;
    return probe;
}

}  // namespace

quint64 checksum(const void* data, std::size_t size) { return XXH3_64bits(data, size); }

Checksummer::Checksummer() : m_state(XXH3_createState())
{
    if (!m_state)
        throw std::bad_alloc();
    XXH3_64bits_reset(static_cast<XXH3_state_t*>(m_state));
}

Checksummer::~Checksummer() { XXH3_freeState(static_cast<XXH3_state_t*>(m_state)); }

void Checksummer::add(const void* data, std::size_t size) { XXH3_64bits_update(static_cast<XXH3_state_t*>(m_state), data, size); }

quint64 Checksummer::value() const { return XXH3_64bits_digest(static_cast<const XXH3_state_t*>(m_state)); }

DataFile::DataFile(const QString& path, Mode mode) : m_path(path)
{
    const QByteArray name = QFile::encodeName(path);
    int flags = O_CLOEXEC;
    switch (mode) {
    case Mode::Read: flags |= O_RDONLY; break;
    case Mode::ReadWrite: flags |= O_RDWR; break;
    case Mode::Create: flags |= O_RDWR | O_CREAT | O_TRUNC; break;
    }
    do {
        m_fd = ::open(name.constData(), flags, 0644);
    } while (m_fd < 0 && errno == EINTR);
    if (m_fd < 0)
        throw Error(QStringLiteral("Cannot open %1: %2").arg(nativePath(path), systemReason(errno)));
}

DataFile::~DataFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 DataFile::size() const
{
    struct stat info;
    if (::fstat(m_fd, &info) != 0)
        throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(m_path), systemReason(errno)));
    return qint64(info.st_size);
}

void DataFile::readAt(qint64 offset, void* buffer, std::size_t size) const
{
    char* out = static_cast<char*>(buffer);
    while (size > 0) {
        const ssize_t got = ::pread(m_fd, out, std::min(size, kMaxIo), off_t(offset));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(m_path), systemReason(errno)));
        if (got == 0)
            throw Error(QStringLiteral("Cannot read %1: the file ends early").arg(nativePath(m_path)));
        out += got;
        offset += got;
        size -= std::size_t(got);
    }
}

void DataFile::writeAt(qint64 offset, const void* data, std::size_t size)
{
    const char* in = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t put = ::pwrite(m_fd, in, std::min(size, kMaxIo), off_t(offset));
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            throw Error(QStringLiteral("Cannot write %1: %2").arg(nativePath(m_path), put < 0 ? systemReason(errno) : QStringLiteral("no space left?")));
        in += put;
        offset += put;
        size -= std::size_t(put);
    }
}

void DataFile::resize(qint64 size)
{
    int result;
    do {
        result = ::ftruncate(m_fd, off_t(size));
    } while (result != 0 && errno == EINTR);
    if (result != 0)
        throw Error(QStringLiteral("Cannot write %1: %2").arg(nativePath(m_path), systemReason(errno)));
}

void DataFile::sync()
{
    int result;
    do {
        result = ::fsync(m_fd);
    } while (result != 0 && errno == EINTR);
    if (result != 0)
        throw Error(QStringLiteral("Cannot write %1 to disk: %2").arg(nativePath(m_path), systemReason(errno)));
}

SequentialWriter::SequentialWriter(DataFile& file, Checksummer* checksummer, qint64 offset)
    : m_file(file), m_checksummer(checksummer), m_buffer(kWriteBuffer), m_flushed(offset)
{
}

void SequentialWriter::write(const void* data, std::size_t size)
{
    if (m_checksummer)
        m_checksummer->add(data, size);
    m_written += qint64(size);
    const char* in = static_cast<const char*>(data);
    while (size > 0) {
        if (m_used == 0 && size >= m_buffer.size()) {  // large pieces go straight out
            m_file.writeAt(m_flushed, in, size);
            m_flushed += qint64(size);
            return;
        }
        const std::size_t piece = std::min(size, m_buffer.size() - m_used);
        std::memcpy(m_buffer.data() + m_used, in, piece);
        m_used += piece;
        in += piece;
        size -= piece;
        if (m_used == m_buffer.size())
            flush();
    }
}

void SequentialWriter::flush()
{
    if (m_used == 0)
        return;
    m_file.writeAt(m_flushed, m_buffer.data(), m_used);
    m_flushed += qint64(m_used);
    m_used = 0;
}

void prepareForFilling(void* memory, std::size_t size)
{
#if defined(__linux__)
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pageSize <= 0)
        return;
    const auto page = std::uintptr_t(pageSize);
    const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(memory) + page - 1) & ~(page - 1);
    const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(memory) + size) & ~(page - 1);
    if (end <= begin)
        return;
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#if defined(MADV_POPULATE_WRITE)
    ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);  // Linux 5.14 and later
#endif
#else
    (void)memory;
    (void)size;
#endif
}

void setCrashProbeForTesting(CrashProbe probe) { crashProbe() = std::move(probe); }

bool crashHere(const char* step, qint64 n)
{
    const CrashProbe& probe = crashProbe();
    return probe && probe(step, n);
}

}  // namespace weft::indexfiles
