#pragma once

// Private to the index module (and its tests): checksums and plain positioned file
// I/O for the index's data files, see VectorIndex.h for the format.

#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <functional>
#include <vector>

namespace weft::indexfiles {

// 64-bit XXH3 of `size` bytes. It runs at memory speed and detects damage (a torn
// write, a flipped bit, a file cut short); it is no defence against tampering.
quint64 checksum(const void* data, std::size_t size);

// XXH3 of data given in pieces; the same value as checksum() of the pieces joined.
class Checksummer {
public:
    Checksummer();
    ~Checksummer();
    Checksummer(const Checksummer&) = delete;
    Checksummer& operator=(const Checksummer&) = delete;

    void add(const void* data, std::size_t size);
    quint64 value() const;

private:
    void* m_state;  // XXH3_state_t, kept out of this header
};

// A file read and written at given offsets with the system's calls (pread, pwrite,
// fsync), bypassing any user-space buffering. Every failure throws weft::Error
// naming the path and the system's reason.
class DataFile {
public:
    enum class Mode {
        Read,       // must exist
        ReadWrite,  // must exist
        Create,     // created or emptied
    };
    DataFile(const QString& path, Mode mode);
    ~DataFile();
    DataFile(const DataFile&) = delete;
    DataFile& operator=(const DataFile&) = delete;

    const QString& path() const { return m_path; }
    qint64 size() const;
    // Reads exactly `size` bytes; a file ending earlier throws.
    void readAt(qint64 offset, void* buffer, std::size_t size) const;
    void writeAt(qint64 offset, const void* data, std::size_t size);
    // Cuts the file to `size` bytes (or extends it with zeros).
    void resize(qint64 size);
    void sync();

private:
    int m_fd = -1;
    QString m_path;
};

// Prepares freshly allocated memory that is about to be filled: asks Linux to back
// it with huge pages and to map it in one go. A first touch of each 4 KiB page
// otherwise costs a page fault, which dominates loading a big index (on a virtual
// machine by a factor of ten: 1.8 s against 0.05 s for 400 MB). Only advice:
// does nothing where the system cannot.
void prepareForFilling(void* memory, std::size_t size);

// Writes a DataFile front to back from `offset` on through a large buffer;
// optionally feeds every byte to a Checksummer too.
class SequentialWriter {
public:
    explicit SequentialWriter(DataFile& file, Checksummer* checksummer = nullptr, qint64 offset = 0);
    void write(const void* data, std::size_t size);
    void flush();
    qint64 written() const { return m_written; }  // bytes given to write()

private:
    DataFile& m_file;
    Checksummer* m_checksummer;
    std::vector<char> m_buffer;
    std::size_t m_used = 0;
    qint64 m_flushed = 0;
    qint64 m_written = 0;
};

// For tests of crash safety only. VectorIndex::save() calls crashHere() at each
// step of a save (the step's name and a number, e.g. how many records it applied);
// when the probe returns true, save() returns at once and cleans nothing up, as if
// the process had died there. Not thread-safe; without a probe it returns false.
using CrashProbe = std::function<bool(const char* step, qint64 n)>;
void setCrashProbeForTesting(CrashProbe probe);
bool crashHere(const char* step, qint64 n = 0);

}  // namespace weft::indexfiles
