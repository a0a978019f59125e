#include "core/index/VectorIndex.h"

#include "core/common/AtomicFile.h"
#include "core/common/QuantizedVector.h"
#include "core/index/IndexFiles.h"
#include "core/index/QuantizedSpace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace weft {

namespace {

using Hnsw = hnswlib::HierarchicalNSW<float>;
using hnswlib::linklistsizeint;
using hnswlib::tableint;
using indexfiles::Checksummer;
using indexfiles::checksum;
using indexfiles::crashHere;
using indexfiles::DataFile;
using indexfiles::SequentialWriter;

// The data files hold hnswlib's structures as they are in memory.
static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the index files are little-endian");
static_assert(sizeof(tableint) == 4 && sizeof(linklistsizeint) == 4 && sizeof(hnswlib::labeltype) == 8,
              "hnswlib's element layout as the file format describes it");

const QString kHeaderName = QStringLiteral("index.json");
const QString kFormatName = QStringLiteral("weft-hnsw");
constexpr std::size_t kInitialCapacity = 1024;
constexpr int kMaxDim = 1 << 16;
constexpr int kMaxM = 1000;
// hnswlib draws levels as floor(−ln(u) / ln(M)); they stay far below this.
constexpr int kMaxLevel = 255;
constexpr qint64 kMaxElements = std::numeric_limits<qint32>::max();
constexpr std::size_t kReadChunk = std::size_t(8) << 20;
// The oldest index.json format that load() reads: format 2 lays out the data files
// as format 3 does, but its saves journaled the new elements' records too.
constexpr int kOldestReadableFormat = 2;
// Format 4 pads stored vectors to a multiple of 8 values (VectorIndex::storedBytes):
// the files of a dimension that already was one are laid out as before.
constexpr int kFirstPaddedFormat = 4;
// Records of old elements are compared with their saved form a window of the file
// at a time.
constexpr std::size_t kReadWindow = std::size_t(64) << 10;
// Two runs of changed bytes at most this far apart are journaled as one: a run's
// head in the journal costs about as much as two bytes written twice.
constexpr std::size_t kRunGap = 2;
// In place, two runs at most this far apart are written with one system call, with
// the bytes between them as the save leaves them: on a small change of many records
// the calls, not the bytes, take the time.
constexpr quint64 kJoinGap = 16;

const char kJournalMagic[8] = {'W', 'E', 'F', 'T', 'J', 'N', 'L', '3'};
const char kJournalEnd[8] = {'W', 'E', 'F', 'T', 'J', 'E', 'N', 'D'};
constexpr std::size_t kJournalTrailer = 16;    // kJournalEnd, XXH3 of all before it
// Offsets of runs in the journal stay below this; the files never get near it.
constexpr quint64 kMaxOffset = quint64(1) << 50;

enum FileKind { LinksFile, VectorsFile, UpperFile, SumsFile, kFileKinds };
const char* const kSuffixes[kFileKinds] = {"links", "vectors", "upper", "sums"};

// Per element in the sums file: XXH3 of its links, vectors and upper record.
struct Sums {
    quint64 links = 0;
    quint64 vector = 0;
    quint64 upper = 0;
    bool operator==(const Sums& other) const { return links == other.links && vector == other.vector && upper == other.upper; }
    bool operator!=(const Sums& other) const { return !(*this == other); }
};
static_assert(sizeof(Sums) == 24, "one sums record");
constexpr std::size_t kSumsRecord = sizeof(Sums);

// Record sizes, from hnswlib's element layout.
struct Layout {
    std::size_t links = 0;       // level-0 list: count word + maxM0 ids
    std::size_t vector = 0;      // stored vector + label
    std::size_t upperLevel = 0;  // one upper-level list: count word + maxM ids
    std::size_t upperRecord(int level) const { return 8 + std::size_t(level) * upperLevel; }

    static Layout of(std::size_t dim, std::size_t M)
    {
        Layout layout;
        layout.links = sizeof(linklistsizeint) + 2 * M * sizeof(tableint);
        layout.vector = VectorIndex::storedBytes(int(dim)) + sizeof(hnswlib::labeltype);
        layout.upperLevel = sizeof(linklistsizeint) + M * sizeof(tableint);
        return layout;
    }
};

hnswlib::labeltype toLabel(qint64 id) { return static_cast<hnswlib::labeltype>(static_cast<quint64>(id)); }
qint64 toId(hnswlib::labeltype label) { return static_cast<qint64>(static_cast<quint64>(label)); }

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }

QString dataFileName(quint64 generation, int kind) { return QStringLiteral("index-%1.%2").arg(generation).arg(QLatin1String(kSuffixes[kind])); }
QString journalFileName(quint64 generation) { return QStringLiteral("index-%1.journal").arg(generation); }

// Every file of every generation, this format's and the first's (index-G.hnsw).
const QRegularExpression& indexFilePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^index-(\\d{1,18})\\.(links|vectors|upper|sums|journal|hnsw)$"));
    return pattern;
}

[[noreturn]] void throwDamaged(const QString& folder, const QString& detail)
{
    throw Error(QStringLiteral("The search index in %1 is damaged (%2). Opening the library for writing rebuilds it from the catalog, "
                               "as `weft-cli repair` or Repair in Weft do; deleting %3 has the same effect.")
                    .arg(nativePath(folder), detail, nativePath(QDir(folder).filePath(kHeaderName))));
}

// Throws on a wrong size, zero or non-finite values.
void checkVector(const std::vector<float>& vector, int dim, const QString& what)
{
    if (vector.size() != static_cast<std::size_t>(dim))
        throw Error(QStringLiteral("%1 has %2 values but the search index holds %3-dimensional vectors; "
                                   "the index was probably built with another feature extractor, delete it to rebuild it.")
                        .arg(what).arg(vector.size()).arg(dim));
    bool nonZero = false;
    for (float value : vector) {
        if (!std::isfinite(value))
            throw Error(QStringLiteral("%1 contains an invalid number (NaN or infinity)").arg(what));
        nonZero = nonZero || value != 0;
    }
    if (!nonZero)
        throw Error(QStringLiteral("%1 is all zeros and cannot be compared").arg(what));
}

// The stored form of `vector` (VectorIndex::storedBytes(dim) bytes, the padding
// zero); throws as checkVector().
std::vector<char> storedForm(const std::vector<float>& vector, int dim, const QString& what)
{
    checkVector(vector, dim, what);
    std::vector<char> stored(VectorIndex::storedBytes(dim));
    if (!quantizeInto(vector.data(), vector.size(), stored.data()))
        throw Error(QStringLiteral("%1 cannot be stored").arg(what));  // not reached after checkVector()
    return stored;
}

bool searchHitBefore(const SearchHit& a, const SearchHit& b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.id < b.id;
}

// The upper record of element `i` (level > 0) into `out`: id, level, its lists.
void upperRecordOf(const Hnsw& hnsw, const Layout& layout, tableint i, std::vector<char>& out)
{
    const int level = hnsw.element_levels_[i];
    out.resize(layout.upperRecord(level));
    const quint32 head[2] = {quint32(i), quint32(level)};
    std::memcpy(out.data(), head, sizeof head);
    std::memcpy(out.data() + sizeof head, hnsw.linkLists_[i], std::size_t(level) * layout.upperLevel);
}

const char* linksOf(const Hnsw& hnsw, tableint i) { return reinterpret_cast<const char*>(hnsw.get_linklist0(i)); }
const char* vectorOf(const Hnsw& hnsw, tableint i) { return hnsw.getDataByInternalId(i); }  // vector, then label

// Writes the records of a run of elements to the four data files of a generation,
// each file from a given offset on, and computes the elements' sums on the way.
class RecordWriter {
public:
    // `mode` Create makes new files (written from their start), ReadWrite writes into
    // the existing ones from `starts` on.
    RecordWriter(const QDir& dir, quint64 generation, DataFile::Mode mode, const std::array<qint64, kFileKinds>& starts)
    {
        for (int kind = 0; kind < kFileKinds; ++kind) {
            const std::size_t k = std::size_t(kind);
            m_files[k] = std::make_unique<DataFile>(dir.filePath(dataFileName(generation, kind)), mode);
            m_starts[k] = mode == DataFile::Mode::Create ? 0 : starts[k];
            m_out[k] = std::make_unique<SequentialWriter>(*m_files[k], nullptr, m_starts[k]);
        }
    }

    // The records of elements [first, end), their sums into `sums` (end − first).
    void write(const Hnsw& h, const Layout& sizes, tableint first, tableint end, Sums* sums)
    {
        for (tableint i = first; i < end; ++i) {
            Sums& s = sums[i - first];
            s = {};
            s.links = checksum(linksOf(h, i), sizes.links);
            m_out[LinksFile]->write(linksOf(h, i), sizes.links);
            s.vector = checksum(vectorOf(h, i), sizes.vector);
            m_out[VectorsFile]->write(vectorOf(h, i), sizes.vector);
            if (h.element_levels_[i] > 0) {
                upperRecordOf(h, sizes, i, m_upper);
                s.upper = checksum(m_upper.data(), m_upper.size());
                m_out[UpperFile]->write(m_upper.data(), m_upper.size());
            }
            m_out[SumsFile]->write(&s, sizeof s);
        }
    }

    // Everything given to write() out to the files, each file cut where it ends
    // (dropping what an interrupted save left past it).
    void flush()
    {
        for (std::size_t k = 0; k < m_out.size(); ++k) {
            m_out[k]->flush();
            m_files[k]->resize(m_starts[k] + m_out[k]->written());
        }
    }

    void sync()
    {
        for (const auto& file : m_files)
            file->sync();
    }

    qint64 written(int kind) const { return m_out[std::size_t(kind)]->written(); }
    qint64 written() const
    {
        qint64 bytes = 0;
        for (const auto& out : m_out)
            bytes += out->written();
        return bytes;
    }

private:
    std::array<std::unique_ptr<DataFile>, kFileKinds> m_files;
    std::array<qint64, kFileKinds> m_starts{};
    std::array<std::unique_ptr<SequentialWriter>, kFileKinds> m_out;
    std::vector<char> m_upper;
};

// Removes the files of every generation but `generation` and temporary headers:
// what crashed or superseded saves left. Failing to remove one is harmless.
void removeLeftovers(const QDir& dir, quint64 generation)
{
    static const QRegularExpression temporaryHeader(QStringLiteral("^\\.index\\.json\\..*\\.tmp$"));
    for (const QString& name : dir.entryList({QStringLiteral("index-*"), QStringLiteral(".index.json.*")}, QDir::Files | QDir::Hidden)) {
        const auto match = indexFilePattern().match(name);
        if ((match.hasMatch() && match.captured(1).toULongLong() != generation) || temporaryHeader.match(name).hasMatch())
            QFile::remove(dir.filePath(name));
    }
}

// index.json as parsed.
struct Header {
    qint64 version = 0;
    int dim = 0;
    QString method;
    int M = 0;
    int efConstruction = 0;
    quint64 fileGeneration = 0;
    qint64 count = 0;
    qint64 live = 0;
    qint64 maxLevel = -1;
    qint64 entryPoint = -1;
    qint64 upperBytes = 0;
    QString catalogId;
    quint64 checkpointGeneration = 0;
};

// Throws IndexMissing for an older format, weft::Error for a newer or damaged one.
Header parseHeader(const QString& folder, const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        throwDamaged(folder, QStringLiteral("%1 is not a valid index header").arg(kHeaderName));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != kFormatName)
        throwDamaged(folder, QStringLiteral("%1 is not a Weft index header").arg(kHeaderName));

    auto integer = [&](const char* key, double min, double max) -> qint64 {
        const QJsonValue value = object.value(QLatin1String(key));
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || !(number >= min && number <= max) || number != std::floor(number))
            throwDamaged(folder, QStringLiteral("%1 has no valid \"%2\"").arg(kHeaderName, QLatin1String(key)));
        return static_cast<qint64>(number);
    };
    auto string = [&](const char* key) -> QString {
        const QJsonValue value = object.value(QLatin1String(key));
        if (!value.isString())
            throwDamaged(folder, QStringLiteral("%1 has no valid \"%2\"").arg(kHeaderName, QLatin1String(key)));
        return value.toString();
    };
    auto unsigned64 = [&](const char* key) -> quint64 {
        const QString text = string(key);
        bool ok = false;
        const quint64 number = text.toULongLong(&ok);
        if (!ok || text.isEmpty() || !text.front().isDigit())
            throwDamaged(folder, QStringLiteral("%1 has no valid \"%2\"").arg(kHeaderName, QLatin1String(key)));
        return number;
    };

    Header header;
    header.version = integer("format_version", 1, 1e15);
    if (header.version > VectorIndex::kFormatVersion)
        throw Error(QStringLiteral("The search index in %1 was made by a newer version of Weft (index format %2; this version reads up to %3). "
                                   "Update Weft, or delete %4 and Weft rebuilds the index from the catalog.")
                        .arg(nativePath(folder)).arg(header.version).arg(VectorIndex::kFormatVersion)
                        .arg(nativePath(QDir(folder).filePath(kHeaderName))));
    if (header.version < kOldestReadableFormat)  // its float vectors are made again anyway
        throw IndexMissing(QStringLiteral("The search index in %1 has an older format (%2); Weft rebuilds it from the catalog")
                               .arg(nativePath(folder)).arg(header.version));
    header.dim = int(integer("dim", 1, kMaxDim));
    if (header.version < kFirstPaddedFormat && VectorIndex::storedBytes(header.dim) != quantizedBytes(std::size_t(header.dim)))
        throw IndexMissing(QStringLiteral("The search index in %1 has an older format (%2) whose vectors are laid out otherwise; "
                                          "Weft rebuilds it from the catalog")
                               .arg(nativePath(folder)).arg(header.version));
    header.method = string("method");
    header.M = int(integer("M", 2, kMaxM));
    header.efConstruction = int(integer("ef_construction", 1, std::numeric_limits<int>::max()));
    header.fileGeneration = quint64(integer("file_generation", 1, 1e15));
    header.count = integer("count", 0, double(kMaxElements));
    header.live = integer("live", 0, double(header.count));
    header.maxLevel = integer("max_level", -1, kMaxLevel);
    header.entryPoint = integer("entry_point", -1, double(kMaxElements));
    header.upperBytes = integer("upper_bytes", 0, 1e18);
    header.catalogId = string("catalog_id");
    header.checkpointGeneration = unsigned64("generation");
    if ((header.count == 0) != (header.maxLevel == -1) || (header.count == 0) != (header.entryPoint == -1)
        || header.entryPoint >= header.count)
        throwDamaged(folder, QStringLiteral("%1 has no valid entry point").arg(kHeaderName));
    return header;
}

QByteArray readWholeFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(path), file.errorString()));
    return file.readAll();
}

// Unsigned LEB128, for the journal's run heads.
void putVarint(std::vector<char>& out, quint64 value)
{
    do {
        const auto byte = char((value & 0x7f) | (value > 0x7f ? 0x80 : 0));
        out.push_back(byte);
        value >>= 7;
    } while (value != 0);
}

// Reads one at `at` (advanced past it) before `end`; false when it does not fit.
bool getVarint(const char* bytes, std::size_t end, std::size_t& at, quint64& value)
{
    value = 0;
    for (int shift = 0; shift < 64 && at < end; shift += 7) {
        const auto byte = static_cast<unsigned char>(bytes[at++]);
        value |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

// What a journaled save changes inside the committed data files, per file, as runs
// of changed bytes at ascending offsets.
class Patch {
public:
    struct Run {
        quint64 offset;
        std::size_t at;  // in bytes
        std::size_t size;
    };
    struct File {
        std::vector<Run> runs;
        std::vector<char> bytes;
    };

    void add(int kind, quint64 offset, const void* data, std::size_t size)
    {
        File& file = m_files[std::size_t(kind)];
        Q_ASSERT(file.runs.empty() || file.runs.back().offset + file.runs.back().size <= offset);
        if (!file.runs.empty() && file.runs.back().offset + file.runs.back().size == offset)
            file.runs.back().size += size;
        else
            file.runs.push_back({offset, file.bytes.size(), size});
        const char* in = static_cast<const char*>(data);
        file.bytes.insert(file.bytes.end(), in, in + size);
        m_bytes += qint64(size);
    }

    // The bytes in which the record `now` differs from its saved form `old` (both
    // `size` bytes, at `offset` in file `kind`), as runs.
    void addChanges(int kind, quint64 offset, const void* old, const void* now, std::size_t size)
    {
        const auto* before = static_cast<const char*>(old);
        const auto* after = static_cast<const char*>(now);
        for (std::size_t i = 0; i < size;) {
            if (before[i] == after[i]) {
                ++i;
                continue;
            }
            std::size_t end = i + 1;
            for (std::size_t j = end; j < size && j <= end + kRunGap; ++j)
                if (before[j] != after[j])
                    end = j + 1;
            add(kind, offset + i, after + i, end - i);
            i = end;
        }
    }

    const File& file(int kind) const { return m_files[std::size_t(kind)]; }
    qint64 bytes() const { return m_bytes; }

    // The journal's body after its head: per file with runs, its kind (one byte)
    // and the number of runs, then per run the distance from the previous run's end
    // (from the file's start for the first), its length and its bytes; the numbers
    // as unsigned LEB128.
    std::vector<char> encoded() const
    {
        std::vector<char> out;
        out.reserve(std::size_t(m_bytes) + 4 * runCount() + 64);
        for (int kind = 0; kind < kFileKinds; ++kind) {
            const File& file = m_files[std::size_t(kind)];
            if (file.runs.empty())
                continue;
            out.push_back(char(kind));
            putVarint(out, file.runs.size());
            quint64 end = 0;
            for (const Run& run : file.runs) {
                putVarint(out, run.offset - end);
                putVarint(out, run.size);
                out.insert(out.end(), file.bytes.data() + run.at, file.bytes.data() + run.at + run.size);
                end = run.offset + run.size;
            }
        }
        return out;
    }

private:
    std::size_t runCount() const
    {
        std::size_t runs = 0;
        for (const File& file : m_files)
            runs += file.runs.size();
        return runs;
    }

    std::array<File, kFileKinds> m_files;
    qint64 m_bytes = 0;
};

// Reads records of a data file as the last save left it, through a window of the
// file, up to `end` (the size index.json counts).
class SavedRecords {
public:
    SavedRecords(const QString& path, qint64 end) : m_path(path), m_end(end) {}

    // The `size` bytes at `offset`, valid until the next call; nullptr when they lie
    // beyond the counted end.
    const char* read(qint64 offset, std::size_t size)
    {
        if (offset < 0 || offset + qint64(size) > m_end)
            return nullptr;
        if (offset < m_start || offset + qint64(size) > m_start + qint64(m_window.size())) {
            if (!m_file)
                m_file = std::make_unique<DataFile>(m_path, DataFile::Mode::Read);
            m_window.resize(std::size_t(std::min<qint64>(qint64(std::max(size, kReadWindow)), m_end - offset)));
            m_file->readAt(offset, m_window.data(), m_window.size());
            m_start = offset;
        }
        return m_window.data() + (offset - m_start);
    }

private:
    QString m_path;
    qint64 m_end;
    std::unique_ptr<DataFile> m_file;
    std::vector<char> m_window;
    qint64 m_start = 0;
};

[[noreturn]] void throwBadJournal(const QString& folder, const QString& journalPath)
{
    throwDamaged(folder, QStringLiteral("its journal %1 is invalid").arg(QFileInfo(journalPath).fileName()));
}

// Finishes the save `journalPath` was written for when it is complete and index.json
// (`current`, as read into `header`) is the one it commits: replays its runs onto
// the data files of `header`'s generation and sets the sums they change. Removes the
// journal in any case (one that does not commit index.json is from a save that
// stopped before changing anything in place, or a leftover).
void recoverJournal(const QString& folder, const QString& journalPath, const Header& header, const QByteArray& current)
{
    const quint64 generation = header.fileGeneration;
    QFile journal(journalPath);
    if (!journal.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(journalPath), journal.errorString()));
    const qint64 size = journal.size();
    // A journal that is not replayed can stay when it cannot be removed (a read-only
    // folder): it is recognised the same way again, and the next save replaces it.
    auto discard = [&] {
        journal.close();
        QFile::remove(journalPath);
    };
    if (size < qint64(sizeof kJournalMagic + 8 + kJournalTrailer))
        return discard();
    // Read into a buffer of the journal's size: a QByteArray may be its shared empty
    // one, which GCC then takes the comparisons below to overrun.
    std::vector<char> copy;
    const char* bytes = reinterpret_cast<const char*>(journal.map(0, size));
    if (!bytes) {
        copy.resize(std::size_t(size));
        if (journal.read(copy.data(), size) != size)
            throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(journalPath), journal.errorString()));
        bytes = copy.data();
    }
    const std::size_t body = std::size_t(size) - kJournalTrailer;
    if (std::memcmp(bytes + body, kJournalEnd, sizeof kJournalEnd) != 0 || std::memcmp(bytes, kJournalMagic, sizeof kJournalMagic) != 0
        || qFromLittleEndian<quint64>(bytes + body + sizeof kJournalEnd) != checksum(bytes, body))
        return discard();  // cut short by a crash: the data files are untouched

    std::size_t at = sizeof kJournalMagic;
    const quint64 committedHeader = qFromLittleEndian<quint64>(bytes + at);
    at += 8;
    if (committedHeader != checksum(current.constData(), std::size_t(current.size())))
        return discard();  // index.json was not replaced yet: nothing was written in place

    // Complete, so written by us: still check every bound before writing anything.
    struct Run {
        int kind;
        quint64 offset;
        const char* data;
        std::size_t size;
    };
    std::vector<Run> runs;
    while (at < body) {
        const int kind = static_cast<unsigned char>(bytes[at++]);
        quint64 count = 0;
        if (kind >= kFileKinds || !getVarint(bytes, body, at, count))
            throwBadJournal(folder, journalPath);
        quint64 end = 0;
        for (quint64 k = 0; k < count; ++k) {
            quint64 gap = 0, length = 0;
            if (!getVarint(bytes, body, at, gap) || !getVarint(bytes, body, at, length) || gap >= kMaxOffset
                || end + gap >= kMaxOffset || length > body - at)
                throwBadJournal(folder, journalPath);
            runs.push_back({kind, end + gap, bytes + at, std::size_t(length)});
            end += gap + length;
            at += std::size_t(length);
        }
    }

    // The runs change records inside what index.json counts; the records of new
    // elements were written and flushed past those ends before the journal was.
    std::array<std::unique_ptr<DataFile>, kFileKinds> files;
    std::array<quint64, kFileKinds> fileSizes{};
    auto file = [&](int kind) -> DataFile& {
        std::unique_ptr<DataFile>& opened = files[std::size_t(kind)];
        if (!opened) {
            const QString path = QDir(folder).filePath(dataFileName(generation, kind));
            if (!QFileInfo::exists(path))
                throwDamaged(folder, QStringLiteral("its data file %1 is missing").arg(dataFileName(generation, kind)));
            opened = std::make_unique<DataFile>(path, DataFile::Mode::ReadWrite);
            fileSizes[std::size_t(kind)] = quint64(opened->size());
        }
        return *opened;
    };
    for (const Run& run : runs) {
        DataFile& data = file(run.kind);
        if (run.offset + run.size > fileSizes[std::size_t(run.kind)])
            throwBadJournal(folder, journalPath);
        data.writeAt(qint64(run.offset), run.data, run.size);
    }
    // Then the links and vector sums of the links and vectors records the runs
    // changed, from the records as they now are.
    const Layout sizes = Layout::of(std::size_t(header.dim), std::size_t(header.M));
    DataFile& sumsFile = file(SumsFile);
    const quint64 sumsSize = fileSizes[SumsFile];
    struct Derived {
        int kind;
        std::size_t recordBytes;
        std::size_t field;  // in a sums record
    };
    std::vector<char> record;
    for (const Derived& derived : {Derived{LinksFile, sizes.links, offsetof(Sums, links)}, Derived{VectorsFile, sizes.vector, offsetof(Sums, vector)}}) {
        const int kind = derived.kind;
        const std::size_t recordBytes = derived.recordBytes;
        std::vector<quint64> touched;
        for (const Run& run : runs)
            if (run.kind == kind && run.size > 0)
                for (quint64 r = run.offset / recordBytes; r <= (run.offset + run.size - 1) / recordBytes; ++r)
                    touched.push_back(r);
        std::sort(touched.begin(), touched.end());
        touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
        record.resize(recordBytes);
        for (const quint64 r : touched) {
            if ((r + 1) * recordBytes > fileSizes[std::size_t(kind)] || (r + 1) * kSumsRecord > sumsSize)
                throwBadJournal(folder, journalPath);
            file(kind).readAt(qint64(r * recordBytes), record.data(), recordBytes);
            const quint64 sum = qToLittleEndian(checksum(record.data(), recordBytes));
            sumsFile.writeAt(qint64(r * kSumsRecord + derived.field), &sum, sizeof sum);
        }
    }
    for (const auto& opened : files)
        if (opened)
            opened->sync();
    discard();
}

}  // namespace

struct VectorIndex::Impl {
    int dim = 0;
    QString method;
    int M = 16;
    int efConstruction = 200;
    int ef = kDefaultEf;
    QString catalogId;
    quint64 checkpointGeneration = 0;
    // hnswlib keeps a pointer into the space (its dimension), so it must outlive hnsw.
    std::unique_ptr<QuantizedSpace> space;
    std::unique_ptr<Hnsw> hnsw;

    // What the folder `savedFolder` holds, as the last save() wrote it or load() read
    // it: file generation, index.json, each element's checksums (their count is the
    // element count on disk), the size of the upper file; and the elements whose
    // vector add() replaced since. Guarded by saveMutex: save() is const and may run
    // next to searches (see the class comment).
    mutable std::mutex saveMutex;
    mutable QString savedFolder;
    mutable quint64 savedGeneration = 0;
    mutable QByteArray savedHeader;
    mutable qint64 savedFormat = 0;  // format_version of savedHeader
    mutable std::vector<Sums> savedSums;
    // The level-0 link records as saved, after which add() orders the lists it
    // changes (see alignToSaved()).
    mutable std::vector<char> savedLinks;
    mutable qint64 savedUpperBytes = 0;
    mutable std::unordered_set<tableint> replacedVectors;
    mutable SaveStats lastStats;

    Layout layout() const { return Layout::of(std::size_t(dim), std::size_t(M)); }

    // The k of `candidates` (internal ids) nearest to the stored query, by brute force.
    std::vector<SearchHit> nearestOf(const std::vector<char>& stored, int k, const std::vector<tableint>& candidates) const
    {
        if (k <= 0)
            return {};
        std::vector<SearchHit> hits;
        hits.reserve(candidates.size());
        for (tableint i : candidates) {
            // The same expression as the graph search's distance, so scores agree exactly.
            const float distance = QuantizedSpace::distance(stored.data(), hnsw->getDataByInternalId(i), hnsw->dist_func_param_);
            hits.push_back({toId(hnsw->getExternalLabel(i)), 1.0f - distance});
        }
        const std::size_t wanted = std::min(static_cast<std::size_t>(k), hits.size());
        std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(wanted), hits.end(), searchHitBefore);
        hits.resize(wanted);
        return hits;
    }

    bool isLive(hnswlib::labeltype label) const
    {
        const auto it = hnsw->label_lookup_.find(label);
        return it != hnsw->label_lookup_.end() && !hnsw->isMarkedDeleted(it->second);
    }

    // index.json for the current state, naming file generation `generation`.
    QByteArray header(quint64 generation, qint64 upperBytes) const
    {
        const bool empty = hnsw->cur_element_count == 0;
        QJsonObject object;
        object[QStringLiteral("format")] = kFormatName;
        object[QStringLiteral("format_version")] = kFormatVersion;
        object[QStringLiteral("dim")] = dim;
        object[QStringLiteral("method")] = method;
        object[QStringLiteral("M")] = M;
        object[QStringLiteral("ef_construction")] = efConstruction;
        object[QStringLiteral("file_generation")] = qint64(generation);
        object[QStringLiteral("count")] = qint64(hnsw->cur_element_count);
        object[QStringLiteral("live")] = qint64(hnsw->cur_element_count - hnsw->num_deleted_);
        object[QStringLiteral("max_level")] = empty ? -1 : hnsw->maxlevel_;
        object[QStringLiteral("entry_point")] = empty ? qint64(-1) : qint64(hnsw->enterpoint_node_);
        object[QStringLiteral("upper_bytes")] = upperBytes;
        object[QStringLiteral("catalog_id")] = catalogId;
        object[QStringLiteral("generation")] = QString::number(checkpointGeneration);
        return QJsonDocument(object).toJson(QJsonDocument::Indented);
    }

    // Copies the level-0 link records of elements [first, end) to savedLinks.
    void keepSavedLinks(tableint first, tableint end) const
    {
        const std::size_t bytes = hnsw->size_links_level0_;
        savedLinks.resize(std::max(savedLinks.size(), std::size_t(end) * bytes));
        for (tableint i = first; i < end; ++i)
            std::memcpy(savedLinks.data() + std::size_t(i) * bytes, linksOf(*hnsw, i), bytes);
    }
    void alignToSaved(tableint i);
    // The level-0 lists an insertion of `i` changed are its neighbours' (all of them
    // for a new item; for a replaced one, more lists changed besides).
    void alignNeighboursOf(tableint i)
    {
        const linklistsizeint* list = hnsw->get_linklist0(i);
        const auto* neighbours = reinterpret_cast<const tableint*>(list + 1);
        for (std::size_t k = 0, n = hnsw->getListCount(const_cast<linklistsizeint*>(list)); k < n; ++k)
            alignToSaved(neighbours[k]);
        alignToSaved(i);
    }

    bool folderAsSaved(const QDir& dir, const QString& folder) const;
    void saveFull(const QDir& dir, const QString& folder) const;
    // Returns false when the change is too big for a journal.
    bool saveJournaled(const QDir& dir) const;
    Patch joinedInPlace(const Patch& journaled, const Patch& derived, const std::vector<std::pair<tableint, Sums>>& changedSums) const;
};

VectorIndex::VectorIndex(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

VectorIndex::VectorIndex(int dim, const QString& method, int M, int efConstruction) : d(std::make_unique<Impl>())
{
    if (dim < 1 || dim > kMaxDim)
        throw Error(QStringLiteral("Cannot make a search index for %1-dimensional vectors").arg(dim));
    if (M < 2 || M > kMaxM || efConstruction < 1)
        throw Error(QStringLiteral("Invalid search index parameters M=%1, ef_construction=%2").arg(M).arg(efConstruction));
    d->dim = dim;
    d->method = method;
    d->M = M;
    d->efConstruction = efConstruction;
    d->space = std::make_unique<QuantizedSpace>(static_cast<std::size_t>(dim));
    try {
        d->hnsw = std::make_unique<Hnsw>(d->space.get(), kInitialCapacity, static_cast<std::size_t>(M),
                                         static_cast<std::size_t>(efConstruction));
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot make a search index: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    // hnswlib leaves these statistics counters uninitialised.
    d->hnsw->metric_distance_computations = 0;
    d->hnsw->metric_hops = 0;
    d->hnsw->setEf(static_cast<std::size_t>(d->ef));
}

VectorIndex::~VectorIndex() = default;

int VectorIndex::dim() const { return d->dim; }
QString VectorIndex::method() const { return d->method; }
int VectorIndex::M() const { return d->M; }
int VectorIndex::efConstruction() const { return d->efConstruction; }
std::size_t VectorIndex::size() const { return d->hnsw->cur_element_count - d->hnsw->num_deleted_; }

void VectorIndex::setCheckpoint(const QString& catalogId, quint64 generation)
{
    d->catalogId = catalogId;
    d->checkpointGeneration = generation;
}

QString VectorIndex::checkpointCatalogId() const { return d->catalogId; }
quint64 VectorIndex::checkpointGeneration() const { return d->checkpointGeneration; }

VectorIndex::SaveStats VectorIndex::lastSave() const
{
    std::lock_guard<std::mutex> lock(d->saveMutex);
    return d->lastStats;
}

void VectorIndex::setEf(int ef)
{
    d->ef = std::max(ef, 1);
    d->hnsw->setEf(static_cast<std::size_t>(d->ef));
}

int VectorIndex::ef() const { return d->ef; }

void VectorIndex::add(qint64 id, const std::vector<float>& vector)
{
    const std::vector<char> stored = storedForm(vector, d->dim, QStringLiteral("The feature vector of item %1").arg(id));
    Hnsw& hnsw = *d->hnsw;
    const hnswlib::labeltype label = toLabel(id);
    try {
        // addPoint() with a known label updates that point (and clears its deleted mark).
        const auto existing = hnsw.label_lookup_.find(label);
        if (existing != hnsw.label_lookup_.end()) {
            std::lock_guard<std::mutex> lock(d->saveMutex);
            d->replacedVectors.insert(existing->second);
        } else if (hnsw.cur_element_count >= hnsw.max_elements_) {
            hnsw.resizeIndex(std::max<std::size_t>(kInitialCapacity, hnsw.max_elements_ * 2));
        }
        hnsw.addPoint(stored.data(), label);
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot add item %1 to the search index: %2").arg(id).arg(QString::fromLocal8Bit(e.what())));
    }
    std::lock_guard<std::mutex> lock(d->saveMutex);
    d->alignNeighboursOf(hnsw.label_lookup_.at(label));
}

void VectorIndex::addBatch(const std::vector<qint64>& ids, const std::vector<std::vector<float>>& vectors, int threads,
                           const ShouldStop& shouldStop)
{
    if (ids.size() != vectors.size())
        throw Error(QStringLiteral("Cannot add %1 ids with %2 vectors to the search index").arg(ids.size()).arg(vectors.size()));
    std::unordered_set<qint64> seen;
    seen.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (!seen.insert(ids[i]).second)
            throw Error(QStringLiteral("Cannot add item %1 to the search index twice at once").arg(ids[i]));
        checkVector(vectors[i], d->dim, QStringLiteral("The feature vector of item %1").arg(ids[i]));
    }

    // Replacements one by one (hnswlib's update is not safe to run in parallel);
    // new items in parallel, into capacity reserved up front. (hnswlib 0.6.2 draws
    // each new item's level from one random generator without a lock, as in its own
    // Python bindings' parallel insertion: two items may draw the same number, which
    // leaves the level distribution as it is.)
    Hnsw& hnsw = *d->hnsw;
    std::vector<std::size_t> fresh;
    fresh.reserve(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (hnsw.label_lookup_.count(toLabel(ids[i])))
            add(ids[i], vectors[i]);
        else
            fresh.push_back(i);
    }
    if (fresh.empty())
        return;
    try {
        if (hnsw.cur_element_count + fresh.size() > hnsw.max_elements_)
            hnsw.resizeIndex(hnsw.cur_element_count + fresh.size());
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot make room for %1 items in the search index: %2").arg(fresh.size()).arg(QString::fromLocal8Bit(e.what())));
    }

    const tableint firstNew = tableint(hnsw.cur_element_count);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::atomic<bool> stopping{false};
    std::mutex errorMutex, stopMutex;
    // Asked every kStopPoll items of each worker, by one worker at a time.
    constexpr std::size_t kStopPoll = 64;
    auto askToStop = [&] {
        std::lock_guard<std::mutex> lock(stopMutex);
        if (shouldStop && shouldStop())
            stopping = true;
    };
    std::exception_ptr error;
    qint64 failedId = 0;
    auto work = [&] {
        std::vector<char> stored(storedBytes(d->dim));   // the padding stays zero
        for (std::size_t k = next++; k < fresh.size() && !failed && !stopping; k = next++) {
            if (k % kStopPoll == 0)
                askToStop();
            const std::size_t i = fresh[k];
            try {
                quantizeInto(vectors[i].data(), vectors[i].size(), stored.data());  // checked above
                hnsw.addPoint(stored.data(), toLabel(ids[i]));
            } catch (...) {
                std::lock_guard<std::mutex> lock(errorMutex);
                if (!error) {
                    error = std::current_exception();
                    failedId = ids[i];
                }
                failed = true;
            }
        }
    };
    std::size_t workers = threads > 0 ? std::size_t(threads) : std::max(1u, std::thread::hardware_concurrency());
    workers = std::min(workers, fresh.size());
    if (workers <= 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        pool.reserve(workers);
        try {
            for (std::size_t t = 0; t < workers; ++t)
                pool.emplace_back(work);
        } catch (...) {  // no more threads: the started ones finish the work
            if (pool.empty())
                work();
        }
        for (std::thread& thread : pool)
            thread.join();
    }
    {
        // A big batch may have changed any saved list: comparing them all costs about
        // as much as copying them once. A small one changed (mostly) its items'
        // neighbours' lists (one that a later item pruned from an item's list stays
        // as hnswlib left it, which costs a few bytes more at the next save).
        std::lock_guard<std::mutex> lock(d->saveMutex);
        const std::size_t saved = d->savedLinks.size() / hnsw.size_links_level0_;
        if (fresh.size() * hnsw.maxM0_ >= saved) {
            for (tableint i = 0; i < tableint(saved); ++i)
                d->alignToSaved(i);
        } else {
            for (tableint i = firstNew; i < tableint(hnsw.cur_element_count); ++i)
                d->alignNeighboursOf(i);
        }
    }
    if (error) {
        try {
            std::rethrow_exception(error);
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            throw Error(QStringLiteral("Cannot add item %1 to the search index: %2").arg(failedId).arg(QString::fromLocal8Bit(e.what())));
        }
    }
    if (stopping)
        throw WorkStopped();
}

void VectorIndex::remove(qint64 id)
{
    Hnsw& hnsw = *d->hnsw;
    const auto it = hnsw.label_lookup_.find(toLabel(id));
    if (it == hnsw.label_lookup_.end() || hnsw.isMarkedDeleted(it->second))
        return;
    hnsw.markDeletedInternal(it->second);
}

bool VectorIndex::contains(qint64 id) const { return d->isLive(toLabel(id)); }

std::vector<qint64> VectorIndex::ids() const
{
    std::vector<qint64> result;
    result.reserve(size());
    for (const auto& [label, internalId] : d->hnsw->label_lookup_) {
        if (!d->hnsw->isMarkedDeleted(internalId))
            result.push_back(toId(label));
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<SearchHit> VectorIndex::search(const std::vector<float>& query, int k) const
{
    const std::vector<char> stored = storedForm(query, d->dim, QStringLiteral("The query vector"));
    const std::size_t live = size();
    if (k <= 0 || live == 0)
        return {};
    const std::size_t wanted = std::min(static_cast<std::size_t>(k), live);
    const Hnsw& hnsw = *d->hnsw;

    // hnswlib skips deleted points but may then find fewer than asked (the graph
    // walk can end early); ask for more candidates until there are enough.
    std::size_t request = wanted;
    std::vector<SearchHit> hits;
    for (;;) {
        auto queue = hnsw.searchKnn(stored.data(), request);  // furthest on top
        hits.clear();
        hits.reserve(queue.size());
        while (!queue.empty()) {
            const auto [distance, label] = queue.top();
            queue.pop();
            if (d->isLive(label))
                hits.push_back({toId(label), 1.0f - distance});
        }
        std::reverse(hits.begin(), hits.end());
        if (hits.size() >= wanted || request >= hnsw.cur_element_count)
            break;
        request = std::min(hnsw.cur_element_count, std::max(request * 2, wanted + hnsw.num_deleted_));
    }
    if (hits.size() < wanted)  // a graph cut apart by deletions; still answer fully
        return searchExact(query, k);
    hits.resize(wanted);
    return hits;
}

std::vector<SearchHit> VectorIndex::searchExact(const std::vector<float>& query, int k) const
{
    const Hnsw& hnsw = *d->hnsw;
    std::vector<tableint> live;
    live.reserve(size());
    for (tableint i = 0; i < hnsw.cur_element_count; ++i)
        if (!hnsw.isMarkedDeleted(i))
            live.push_back(i);
    return d->nearestOf(storedForm(query, d->dim, QStringLiteral("The query vector")), k, live);
}

std::vector<SearchHit> VectorIndex::searchAmong(const std::vector<float>& query, int k, const std::vector<qint64>& among) const
{
    const std::vector<char> stored = storedForm(query, d->dim, QStringLiteral("The query vector"));
    const Hnsw& hnsw = *d->hnsw;
    std::vector<tableint> members;
    for (qint64 id : among) {
        const auto it = hnsw.label_lookup_.find(toLabel(id));
        if (it != hnsw.label_lookup_.end() && !hnsw.isMarkedDeleted(it->second))
            members.push_back(it->second);
    }
    if (k <= 0 || members.empty())
        return {};
    const std::size_t wanted = std::min(static_cast<std::size_t>(k), members.size());
    // Were the members spread evenly, this many neighbours would hold `wanted` of
    // them. A graph walk for n neighbours compares about n·M vectors.
    std::size_t request = wanted * (size() / members.size() + 1);
    while (request * std::size_t(d->M) < members.size()) {
        std::vector<SearchHit> hits = search(query, int(std::min<std::size_t>(request, std::size_t(std::numeric_limits<int>::max()))));
        hits.erase(std::remove_if(hits.begin(), hits.end(),
                                  [&](const SearchHit& hit) { return !std::binary_search(among.begin(), among.end(), hit.id); }),
                   hits.end());
        if (hits.size() >= wanted) {
            hits.resize(wanted);
            return hits;
        }
        request *= 4;
    }
    return d->nearestOf(stored, k, members);
}

quint64 VectorIndex::contentChecksum() const
{
    const Hnsw& hnsw = *d->hnsw;
    const Layout layout = d->layout();
    Checksummer sum;
    for (tableint i = 0; i < hnsw.cur_element_count; ++i) {
        sum.add(linksOf(hnsw, i), layout.links);
        sum.add(vectorOf(hnsw, i), layout.vector);
        const qint32 level = hnsw.element_levels_[i];
        sum.add(&level, sizeof level);
        if (level > 0)
            sum.add(hnsw.linkLists_[i], std::size_t(level) * layout.upperLevel);
    }
    const quint64 count = hnsw.cur_element_count;
    const qint32 maxLevel = count ? hnsw.maxlevel_ : -1;
    const quint32 entryPoint = count ? hnsw.enterpoint_node_ : 0;
    sum.add(&count, sizeof count);
    sum.add(&maxLevel, sizeof maxLevel);
    sum.add(&entryPoint, sizeof entryPoint);
    return sum.value();
}

// ---- Saving ----------------------------------------------------------------------

// hnswlib keeps a level-0 list in no particular order: new neighbours are appended,
// and a full list that takes one more is rewritten in order of distance, which
// moves most ids. Put back in their saved places, only the places of ids that came
// or went change, and a save writes a few bytes of the list instead of most of it.
// So: ids that the saved list holds stay at their saved places, the others fill the
// free places in their order, and the places past the count (unused by hnswlib)
// hold their saved bytes. Needs saveMutex and exclusive access to the index.
void VectorIndex::Impl::alignToSaved(tableint i)
{
    const std::size_t bytes = hnsw->size_links_level0_;
    if (std::size_t(i) >= savedLinks.size() / bytes)
        return;  // new since the last save
    linklistsizeint* list = hnsw->get_linklist0(i);
    const char* saved = savedLinks.data() + std::size_t(i) * bytes;
    if (std::memcmp(list, saved, bytes) == 0)
        return;
    const std::size_t places = hnsw->maxM0_;
    const std::size_t count = hnsw->getListCount(list);
    linklistsizeint savedHead;
    std::memcpy(&savedHead, saved, sizeof savedHead);
    const std::size_t stay = std::min<std::size_t>({savedHead & 0xffff, count, places});
    auto* ids = reinterpret_cast<tableint*>(list + 1);
    std::vector<tableint> savedIds(places);
    std::memcpy(savedIds.data(), saved + sizeof(linklistsizeint), places * sizeof(tableint));

    std::vector<tableint> present(ids, ids + count);
    std::sort(present.begin(), present.end());
    std::vector<tableint> kept;
    std::vector<tableint> result(savedIds);
    std::vector<bool> taken(places, false);
    for (std::size_t p = 0; p < stay; ++p) {
        if (std::binary_search(present.begin(), present.end(), savedIds[p])) {
            kept.push_back(savedIds[p]);
            taken[p] = true;
        }
    }
    std::sort(kept.begin(), kept.end());
    std::size_t free = 0;
    for (std::size_t k = 0; k < count; ++k) {
        if (std::binary_search(kept.begin(), kept.end(), ids[k]))
            continue;
        while (taken[free])
            ++free;
        result[free] = ids[k];
        taken[free] = true;
    }
    std::memcpy(ids, result.data(), places * sizeof(tableint));
}

bool VectorIndex::Impl::folderAsSaved(const QDir& dir, const QString& folder) const
{
    // A folder of an older format gets a full save: that version's readers must not
    // meet this format's journal or an unfinished save's records past the ends.
    if (savedFolder.isEmpty() || savedFolder != folder || savedFormat != kFormatVersion)
        return false;
    const QString headerPath = dir.filePath(kHeaderName);
    QFile headerFile(headerPath);
    if (!headerFile.open(QIODevice::ReadOnly) || headerFile.readAll() != savedHeader)
        return false;
    const Layout sizes = layout();
    const qint64 count = qint64(savedSums.size());
    const qint64 expected[kFileKinds] = {count * qint64(sizes.links), count * qint64(sizes.vector), savedUpperBytes,
                                         count * qint64(kSumsRecord)};
    for (int kind = 0; kind < kFileKinds; ++kind) {
        const QFileInfo info(dir.filePath(dataFileName(savedGeneration, kind)));
        if (!info.exists() || info.size() < expected[kind])  // longer: an interrupted save's new records
            return false;
    }
    return true;
}

void VectorIndex::Impl::saveFull(const QDir& dir, const QString& folder) const
{
    // A new, never used generation: the files index.json names stay untouched.
    quint64 generation = 0;
    const QStringList existing = dir.entryList({QStringLiteral("index-*")}, QDir::Files | QDir::Hidden);
    for (const QString& name : existing) {
        const auto match = indexFilePattern().match(name);
        if (match.hasMatch())
            generation = std::max(generation, match.captured(1).toULongLong());
    }
    ++generation;

    const Hnsw& h = *hnsw;
    const tableint count = tableint(h.cur_element_count);
    std::vector<Sums> sums(count);
    QStringList written;
    for (int kind = 0; kind < kFileKinds; ++kind)
        written.append(dir.filePath(dataFileName(generation, kind)));
    qint64 dataBytes = 0;
    qint64 upperBytes = 0;
    try {
        RecordWriter out(dir, generation, DataFile::Mode::Create, {});
        out.write(h, layout(), 0, count, sums.data());
        out.flush();
        out.sync();
        dataBytes = out.written();
        upperBytes = out.written(UpperFile);
        syncToDisk(dir.absolutePath());
    } catch (...) {
        for (const QString& path : written)
            QFile::remove(path);
        throw;
    }
    if (crashHere("full:data", dataBytes))
        return;

    const QByteArray header = this->header(generation, upperBytes);
    try {
        writeFileAtomically(dir.filePath(kHeaderName), header);
    } catch (...) {
        for (const QString& path : written)
            QFile::remove(path);
        throw;
    }
    if (crashHere("full:header"))
        return;

    removeLeftovers(dir, generation);
    savedFolder = folder;
    savedGeneration = generation;
    savedHeader = header;
    savedFormat = kFormatVersion;
    savedSums = std::move(sums);
    savedLinks.clear();
    keepSavedLinks(0, count);
    savedUpperBytes = upperBytes;
    replacedVectors.clear();
    lastStats = {dataBytes + qint64(header.size()), dataBytes, true};
}

// What a journaled save writes in place: the journaled runs and the derived ones
// (sums), in order of offset, two runs of a file of fixed-size records at most
// kJoinGap bytes apart joined by the bytes between them as the save leaves them
// (the records in memory, the sums as `changedSums` makes them).
Patch VectorIndex::Impl::joinedInPlace(const Patch& journaled, const Patch& derived,
                                       const std::vector<std::pair<tableint, Sums>>& changedSums) const
{
    const Layout sizes = layout();
    auto recordOf = [&](int kind, tableint i) -> const char* {
        if (kind == LinksFile)
            return linksOf(*hnsw, i);
        if (kind == VectorsFile)
            return vectorOf(*hnsw, i);
        const auto changed = std::lower_bound(changedSums.begin(), changedSums.end(), i,
                                              [](const std::pair<tableint, Sums>& c, tableint id) { return c.first < id; });
        return reinterpret_cast<const char*>(changed != changedSums.end() && changed->first == i ? &changed->second : &savedSums[i]);
    };
    struct Piece {
        quint64 offset;
        const char* data;
        std::size_t size;
    };
    Patch joined;
    std::vector<Piece> pieces;
    std::vector<char> gap;
    for (int kind = 0; kind < kFileKinds; ++kind) {
        pieces.clear();
        for (const Patch* changes : {&journaled, &derived})
            for (const Patch::Run& run : changes->file(kind).runs)
                pieces.push_back({run.offset, changes->file(kind).bytes.data() + run.at, run.size});
        std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.offset < b.offset; });
        const std::size_t recordBytes = kind == LinksFile ? sizes.links : kind == VectorsFile ? sizes.vector : kind == SumsFile ? kSumsRecord : 0;
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            const quint64 end = k > 0 ? pieces[k - 1].offset + pieces[k - 1].size : 0;
            if (k > 0 && recordBytes > 0 && pieces[k].offset - end <= kJoinGap) {
                gap.resize(std::size_t(pieces[k].offset - end));
                for (std::size_t at = 0; at < gap.size();) {
                    const quint64 offset = end + at;
                    const std::size_t within = std::size_t(offset % recordBytes);
                    const std::size_t n = std::min(recordBytes - within, gap.size() - at);
                    std::memcpy(gap.data() + at, recordOf(kind, tableint(offset / recordBytes)) + within, n);
                    at += n;
                }
                joined.add(kind, end, gap.data(), gap.size());
            }
            joined.add(kind, pieces[k].offset, pieces[k].data, pieces[k].size);
        }
    }
    return joined;
}

bool VectorIndex::Impl::saveJournaled(const QDir& dir) const
{
    const Hnsw& h = *hnsw;
    const Layout sizes = layout();
    const tableint count = tableint(h.cur_element_count);
    const tableint savedCount = tableint(savedSums.size());
    if (count < savedCount)
        return false;  // not the files this object wrote; cannot happen

    // The new elements' records go past the committed ends of the files (the tail),
    // where nothing needs a journal. A full save writes the old ones besides.
    const qint64 perElement = qint64(sizes.links + sizes.vector + kSumsRecord);
    qint64 tailUpper = 0;
    for (tableint i = savedCount; i < count; ++i)
        if (h.element_levels_[i] > 0)
            tailUpper += qint64(sizes.upperRecord(h.element_levels_[i]));
    const qint64 tailBytes = qint64(count - savedCount) * perElement + tailUpper;
    const qint64 upperBytes = savedUpperBytes + tailUpper;
    const qint64 allBytes = qint64(count) * perElement + upperBytes;

    // The old elements' records: the bytes that differ from the files, which are
    // read back and checked against the sums they were saved with.
    // The links and vector sums of changed records are not journaled: they follow
    // from the records, and a replay recomputes them. They go only in place.
    Patch patch;
    Patch derived;
    std::vector<std::pair<tableint, Sums>> changedSums;
    SavedRecords savedLinks(dir.filePath(dataFileName(savedGeneration, LinksFile)), qint64(savedCount) * qint64(sizes.links));
    SavedRecords savedVectors(dir.filePath(dataFileName(savedGeneration, VectorsFile)), qint64(savedCount) * qint64(sizes.vector));
    SavedRecords savedUpper(dir.filePath(dataFileName(savedGeneration, UpperFile)), savedUpperBytes);
    // False when the record on disk is not the one saved: the files changed behind
    // this object's back.
    auto addChanges = [&](SavedRecords& saved, int kind, qint64 offset, const char* now, std::size_t size, quint64 savedSum) {
        const char* old = saved.read(offset, size);
        if (!old || checksum(old, size) != savedSum)
            return false;
        patch.addChanges(kind, quint64(offset), old, now, size);
        return true;
    };
    std::vector<char> upper;
    qint64 upperOffset = 0;
    for (tableint i = 0; i < savedCount; ++i) {
        const Sums old = savedSums[i];
        Sums now = old;
        now.links = checksum(linksOf(h, i), sizes.links);
        if (now.links != old.links
            && !addChanges(savedLinks, LinksFile, qint64(i) * qint64(sizes.links), linksOf(h, i), sizes.links, old.links))
            return false;
        if (replacedVectors.count(i)) {
            now.vector = checksum(vectorOf(h, i), sizes.vector);
            if (now.vector != old.vector
                && !addChanges(savedVectors, VectorsFile, qint64(i) * qint64(sizes.vector), vectorOf(h, i), sizes.vector, old.vector))
                return false;
        }
        if (h.element_levels_[i] > 0) {
            upperRecordOf(h, sizes, i, upper);
            now.upper = checksum(upper.data(), upper.size());
            if (now.upper != old.upper && !addChanges(savedUpper, UpperFile, upperOffset, upper.data(), upper.size(), old.upper))
                return false;
            upperOffset += qint64(upper.size());
        }
        if (now != old) {
            derived.addChanges(SumsFile, quint64(i) * kSumsRecord, &old, &now, offsetof(Sums, upper));
            patch.addChanges(SumsFile, quint64(i) * kSumsRecord + offsetof(Sums, upper), &old.upper, &now.upper, sizeof now.upper);
            changedSums.emplace_back(i, now);
        }
        if (tailBytes + 2 * patch.bytes() + derived.bytes() > allBytes)
            return false;  // a full save writes less
    }
    if (upperOffset != savedUpperBytes)
        return false;  // not the files this object wrote; cannot happen

    const QByteArray header = this->header(savedGeneration, upperBytes);
    const QString headerPath = dir.filePath(kHeaderName);
    std::vector<Sums> tailSums(std::size_t(count - savedCount));
    auto commit = [&] {
        savedHeader = header;
        for (const auto& [i, sums] : changedSums) {
            savedSums[i] = sums;
            keepSavedLinks(i, i + 1);
        }
        savedSums.insert(savedSums.end(), tailSums.begin(), tailSums.end());
        keepSavedLinks(savedCount, count);
        savedUpperBytes = upperBytes;
        replacedVectors.clear();
    };
    Q_ASSERT(patch.bytes() > 0 || derived.bytes() == 0);  // sums change with records
    if (patch.bytes() == 0 && tailBytes == 0) {
        if (header != savedHeader) {  // only the caller's checkpoint changed
            writeFileAtomically(headerPath, header);
            lastStats = {qint64(header.size()), 0, false};
        } else {
            lastStats = {};
        }
        commit();
        removeLeftovers(dir, savedGeneration);
        return true;
    }
    const Patch inPlace = joinedInPlace(patch, derived, changedSums);
    const qint64 inPlaceBytes = inPlace.bytes();
    const std::vector<char> body = patch.bytes() > 0 ? patch.encoded() : std::vector<char>{};
    const qint64 journalBytes = body.empty() ? 0 : qint64(sizeof kJournalMagic + 8 + body.size() + kJournalTrailer);
    if (tailBytes + journalBytes + inPlaceBytes >= allBytes)
        return false;  // all new (or nearly), or most old records changed

    // 1. The tail, flushed before the index.json that counts it. Until then load()
    // ignores it and the next save overwrites it.
    if (tailBytes > 0) {
        RecordWriter out(dir, savedGeneration, DataFile::Mode::ReadWrite,
                         {qint64(savedCount) * qint64(sizes.links), qint64(savedCount) * qint64(sizes.vector), savedUpperBytes,
                          qint64(savedCount) * qint64(kSumsRecord)});
        out.write(h, sizes, savedCount, count, tailSums.data());
        out.flush();
        if (crashHere("tail:written", tailBytes))
            return true;
        out.sync();
        if (crashHere("tail:synced", tailBytes))
            return true;
    }

    const QString journalPath = dir.filePath(journalFileName(savedGeneration));
    if (!body.empty()) {
        // 2. The journal of the changes inside the committed ends, naming the new
        // index.json by its checksum, made durable (its folder entry too) before
        // index.json is replaced.
        try {
            DataFile journal(journalPath, DataFile::Mode::Create);
            Checksummer sum;
            SequentialWriter out(journal, &sum);
            out.write(kJournalMagic, sizeof kJournalMagic);
            const quint64 committedHeader = qToLittleEndian(checksum(header.constData(), std::size_t(header.size())));
            out.write(&committedHeader, sizeof committedHeader);
            out.write(body.data(), body.size());
            char trailer[kJournalTrailer];
            std::memcpy(trailer, kJournalEnd, sizeof kJournalEnd);
            qToLittleEndian(sum.value(), trailer + sizeof kJournalEnd);
            out.write(trailer, sizeof trailer);
            out.flush();
            Q_ASSERT(out.written() == journalBytes);
            if (crashHere("journal:written", journalBytes))
                return true;
            journal.sync();
            syncToDisk(dir.absolutePath());
        } catch (...) {
            QFile::remove(journalPath);
            throw;
        }
        if (crashHere("journal:synced", journalBytes))
            return true;
    }

    // 3. index.json, the commit point; then the changes in place. From the commit on
    // a failure leaves files that only the journal can settle: load() replays it, and
    // this object forgets the folder so that its next save writes a new generation.
    // (A failed replacement may have happened or not: the journal stays either way.)
    try {
        writeFileAtomically(headerPath, header);
        if (crashHere("header:written"))
            return true;
        qint64 applied = 0;
        for (int kind = 0; kind < kFileKinds; ++kind) {
            const Patch::File& file = inPlace.file(kind);
            if (file.runs.empty())
                continue;
            DataFile data(dir.filePath(dataFileName(savedGeneration, kind)), DataFile::Mode::ReadWrite);
            for (const Patch::Run& run : file.runs) {
                data.writeAt(qint64(run.offset), file.bytes.data() + run.at, run.size);
                if (crashHere("apply:run", ++applied))
                    return true;
            }
            data.sync();
        }
        if (crashHere("apply:synced", applied))
            return true;
    } catch (...) {
        if (!body.empty())
            savedFolder.clear();
        throw;
    }
    if (!body.empty())
        QFile::remove(journalPath);  // a leftover would be replayed again, changing nothing

    lastStats = {tailBytes + journalBytes + inPlaceBytes + qint64(header.size()), tailBytes + inPlaceBytes, false};
    commit();
    removeLeftovers(dir, savedGeneration);
    return true;
}

void VectorIndex::save(const QString& folder) const
{
    std::lock_guard<std::mutex> lock(d->saveMutex);
    if (!QDir(folder).exists() && !QDir().mkpath(folder))
        throw Error(QStringLiteral("Cannot create the folder %1 for the search index").arg(nativePath(folder)));
    const QString canonical = QFileInfo(folder).canonicalFilePath();
    const QDir dir(canonical);
    if (d->hnsw->cur_element_count >= std::size_t(kMaxElements))
        throw Error(QStringLiteral("The search index holds too many items to save"));
    if (d->folderAsSaved(dir, canonical) && d->saveJournaled(dir))
        return;
    d->saveFull(dir, canonical);
}

// ---- Loading ---------------------------------------------------------------------

std::unique_ptr<VectorIndex> VectorIndex::load(const QString& folder, Writes writes)
{
    const QDir dir(folder);
    const QString headerPath = dir.filePath(kHeaderName);
    if (!QFileInfo::exists(headerPath))
        throw IndexMissing(QStringLiteral("There is no search index in %1 yet").arg(nativePath(folder)));
    const QByteArray headerBytes = readWholeFile(headerPath);
    const Header header = parseHeader(folder, headerBytes);
    const QString journalPath = dir.filePath(journalFileName(header.fileGeneration));
    if (writes == Writes::None && QFileInfo::exists(journalPath))
        throw IndexBeingSaved(QStringLiteral("The search index in %1 is being saved by another program").arg(nativePath(folder)));
    if (QFileInfo::exists(journalPath) && header.version < kFormatVersion)  // that version's journal is not replayed here
        throw IndexMissing(QStringLiteral("The search index in %1 has an unfinished save of an older format (%2); Weft rebuilds it from the catalog")
                               .arg(nativePath(folder)).arg(header.version));
    if (QFileInfo::exists(journalPath))
        recoverJournal(folder, journalPath, header, headerBytes);

    auto impl = std::make_unique<Impl>();
    impl->dim = header.dim;
    impl->method = header.method;
    impl->M = header.M;
    impl->efConstruction = header.efConstruction;
    impl->catalogId = header.catalogId;
    impl->checkpointGeneration = header.checkpointGeneration;
    const Layout sizes = impl->layout();
    const qint64 count = header.count;
    const quint64 generation = header.fileGeneration;

    // Sizes first: they tell a file cut short or one of other dimensions. A file may
    // be longer: what an interrupted save wrote past the end that index.json counts.
    std::array<std::unique_ptr<DataFile>, kFileKinds> files;
    const qint64 expected[kFileKinds] = {count * qint64(sizes.links), count * qint64(sizes.vector), header.upperBytes,
                                         count * qint64(kSumsRecord)};
    for (int kind = 0; kind < kFileKinds; ++kind) {
        const QString name = dataFileName(generation, kind);
        const QString path = dir.filePath(name);
        if (!QFileInfo::exists(path))
            throwDamaged(folder, QStringLiteral("its data file %1 is missing").arg(name));
        files[std::size_t(kind)] = std::make_unique<DataFile>(path, DataFile::Mode::Read);
        const qint64 size = files[std::size_t(kind)]->size();
        if (size < expected[kind])
            throwDamaged(folder, QStringLiteral("its data file %1 has %2 bytes instead of %3").arg(name).arg(size).arg(expected[kind]));
    }

    impl->space = std::make_unique<QuantizedSpace>(std::size_t(header.dim));
    try {
        impl->hnsw = std::make_unique<Hnsw>(impl->space.get(), std::max(std::size_t(count), kInitialCapacity), std::size_t(header.M),
                                            std::size_t(header.efConstruction));
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot load the search index in %1: %2").arg(nativePath(folder), QString::fromLocal8Bit(e.what())));
    }
    Hnsw& h = *impl->hnsw;
    h.metric_distance_computations = 0;
    h.metric_hops = 0;
    Q_ASSERT(h.size_links_level0_ == sizes.links && h.data_size_ + sizeof(hnswlib::labeltype) == sizes.vector
             && h.size_links_per_element_ == sizes.upperLevel);
    // From here on the destructor frees the upper lists of levels set so far; the
    // others stay at level 0 (the constructor zeroes element_levels_).
    std::fill(h.linkLists_, h.linkLists_ + count, nullptr);
    h.cur_element_count = std::size_t(count);
    // hnswlib's malloc left the element memory untouched: map it in one go.
    indexfiles::prepareForFilling(h.data_level0_memory_, std::size_t(count) * h.size_data_per_element_);

    auto damagedRecord = [&](int kind, qint64 element, const char* what) {
        throwDamaged(folder, QStringLiteral("%1 of item %2 in its data file %3 %4")
                                 .arg(kind == VectorsFile ? QStringLiteral("the vector") : QStringLiteral("a link list"))
                                 .arg(element).arg(dataFileName(generation, kind), QLatin1String(what)));
    };

    // Checksums.
    std::vector<Sums> sums(static_cast<std::size_t>(count));
    files[SumsFile]->readAt(0, sums.data(), sums.size() * kSumsRecord);

    // Upper levels, read in chunks of whole records, each checked against its sum.
    const std::size_t largestUpper = sizes.upperRecord(kMaxLevel);
    std::vector<char> buffer(std::max(kReadChunk, largestUpper));
    {
        qint64 fileAt = 0;
        std::size_t at = 0, have = 0;
        auto ensure = [&](std::size_t bytes) {
            if (have - at >= bytes)
                return true;
            std::memmove(buffer.data(), buffer.data() + at, have - at);
            have -= at;
            at = 0;
            const std::size_t more = std::size_t(std::min<qint64>(qint64(buffer.size() - have), header.upperBytes - fileAt));
            files[UpperFile]->readAt(fileAt, buffer.data() + have, more);
            fileAt += qint64(more);
            have += more;
            return have >= bytes;
        };
        qint64 nextId = 0;  // elements before it are accounted for
        while (fileAt < header.upperBytes || at < have) {
            if (!ensure(8))
                throwDamaged(folder, QStringLiteral("its data file %1 ends inside a record").arg(dataFileName(generation, UpperFile)));
            quint32 head[2];
            std::memcpy(head, buffer.data() + at, sizeof head);
            const qint64 id = head[0];
            const int level = int(std::min<quint32>(head[1], kMaxLevel + 1));
            if (id < nextId || id >= count || level < 1 || level > kMaxLevel)
                throwDamaged(folder, QStringLiteral("its data file %1 has an invalid record").arg(dataFileName(generation, UpperFile)));
            const std::size_t recordBytes = sizes.upperRecord(level);
            if (!ensure(recordBytes))
                throwDamaged(folder, QStringLiteral("its data file %1 ends inside a record").arg(dataFileName(generation, UpperFile)));
            for (qint64 j = nextId; j < id; ++j)
                if (sums[std::size_t(j)].upper != 0)
                    damagedRecord(UpperFile, j, "is missing");
            if (checksum(buffer.data() + at, recordBytes) != sums[std::size_t(id)].upper)
                damagedRecord(UpperFile, id, "does not match its checksum");
            char* lists = static_cast<char*>(std::malloc(recordBytes - 8 + 1));  // hnswlib allocates one byte more
            if (!lists)
                throw Error(QStringLiteral("Cannot load the search index in %1: not enough memory").arg(nativePath(folder)));
            std::memcpy(lists, buffer.data() + at + 8, recordBytes - 8);
            lists[recordBytes - 8] = 0;
            h.linkLists_[id] = lists;
            h.element_levels_[std::size_t(id)] = level;
            at += recordBytes;
            nextId = id + 1;
        }
        for (qint64 j = nextId; j < count; ++j)
            if (sums[std::size_t(j)].upper != 0)
                damagedRecord(UpperFile, j, "is missing");
    }

    // Level 0 links, checked and copied into hnswlib's element memory.
    const tableint elements = tableint(count);
    std::size_t deleted = 0;
    {
        const std::size_t perChunk = std::max<std::size_t>(1, kReadChunk / sizes.links);
        for (tableint first = 0; first < elements; first += tableint(perChunk)) {
            const std::size_t n = std::min<std::size_t>(perChunk, elements - first);
            files[LinksFile]->readAt(qint64(first) * qint64(sizes.links), buffer.data(), n * sizes.links);
            for (std::size_t j = 0; j < n; ++j) {
                const tableint i = first + tableint(j);
                const char* record = buffer.data() + j * sizes.links;
                if (checksum(record, sizes.links) != sums[i].links)
                    damagedRecord(LinksFile, i, "does not match its checksum");
                const auto* bytes = reinterpret_cast<const unsigned char*>(record);
                const std::size_t links = std::size_t(bytes[0]) | std::size_t(bytes[1]) << 8;
                bool valid = links <= h.maxM0_ && (bytes[2] & ~Hnsw::DELETE_MARK) == 0 && bytes[3] == 0;
                const auto* neighbours = reinterpret_cast<const tableint*>(record + sizeof(linklistsizeint));
                for (std::size_t k = 0; valid && k < links; ++k) {
                    tableint neighbour;
                    std::memcpy(&neighbour, neighbours + k, sizeof neighbour);
                    valid = neighbour < elements;
                }
                if (!valid)
                    damagedRecord(LinksFile, i, "is invalid");
                deleted += bytes[2] & Hnsw::DELETE_MARK;
                std::memcpy(h.get_linklist0(i), record, sizes.links);
            }
        }
    }

    // Vectors and ids.
    h.label_lookup_.reserve(std::size_t(count));
    {
        const std::size_t perChunk = std::max<std::size_t>(1, kReadChunk / sizes.vector);
        const std::size_t vectorBytes = storedBytes(header.dim);
        for (tableint first = 0; first < elements; first += tableint(perChunk)) {
            const std::size_t n = std::min<std::size_t>(perChunk, elements - first);
            files[VectorsFile]->readAt(qint64(first) * qint64(sizes.vector), buffer.data(), n * sizes.vector);
            for (std::size_t j = 0; j < n; ++j) {
                const tableint i = first + tableint(j);
                const char* record = buffer.data() + j * sizes.vector;
                if (checksum(record, sizes.vector) != sums[i].vector)
                    damagedRecord(VectorsFile, i, "does not match its checksum");
                if (!isPlausibleQuantized(record, std::size_t(header.dim)))
                    damagedRecord(VectorsFile, i, "is not a valid stored vector");
                std::memcpy(h.getDataByInternalId(i), record, sizes.vector);
                hnswlib::labeltype label;
                std::memcpy(&label, record + vectorBytes, sizeof label);
                if (!h.label_lookup_.emplace(label, i).second)
                    throwDamaged(folder, QStringLiteral("its data file %1 holds item %2 twice").arg(dataFileName(generation, VectorsFile)).arg(toId(label)));
            }
        }
    }

    // The upper levels' links: in range, to elements that reach that level.
    int maxLevel = count ? 0 : -1;
    for (tableint i = 0; i < elements; ++i) {
        const int level = h.element_levels_[i];
        maxLevel = std::max(maxLevel, level);
        for (int l = 1; l <= level; ++l) {
            const auto* list = reinterpret_cast<const unsigned char*>(h.get_linklist(i, l));
            const std::size_t links = std::size_t(list[0]) | std::size_t(list[1]) << 8;
            bool valid = links <= h.maxM_ && list[2] == 0 && list[3] == 0;
            const auto* neighbours = reinterpret_cast<const tableint*>(list + sizeof(linklistsizeint));
            for (std::size_t k = 0; valid && k < links; ++k)
                valid = neighbours[k] < elements && h.element_levels_[neighbours[k]] >= l;
            if (!valid)
                damagedRecord(UpperFile, i, "is invalid");
        }
    }
    if (maxLevel != header.maxLevel || (count > 0 && h.element_levels_[tableint(header.entryPoint)] != maxLevel))
        throwDamaged(folder, QStringLiteral("its entry point does not match %1").arg(kHeaderName));
    if (count - qint64(deleted) != header.live)
        throwDamaged(folder, QStringLiteral("its data files hold %1 items instead of %2").arg(count - qint64(deleted)).arg(header.live));

    h.maxlevel_ = maxLevel;
    h.enterpoint_node_ = count ? tableint(header.entryPoint) : tableint(-1);
    h.num_deleted_ = deleted;
    h.setEf(static_cast<std::size_t>(impl->ef));

    impl->savedFolder = QFileInfo(folder).canonicalFilePath();
    impl->savedGeneration = generation;
    impl->savedHeader = headerBytes;
    impl->savedFormat = header.version;
    impl->savedSums = std::move(sums);
    impl->keepSavedLinks(0, elements);
    impl->savedUpperBytes = header.upperBytes;
    return std::unique_ptr<VectorIndex>(new VectorIndex(std::move(impl)));
}

}  // namespace weft
