#pragma once

// Inputs a careless user or a hostile file system puts in a library folder, made at test
// time (no binary files in the repository): damaged and mislabelled images, a decompression
// bomb, extreme shapes, special files, and a few good images beside them. Each entry says
// what indexing must make of it.

#include <QList>
#include <QSize>
#include <QString>

namespace weft::testcorpus {

enum class Expectation {
    Indexed,           // a readable image, whatever its name says
    Failed,            // never an image: must be failed with a reason that names it
    IndexedOrFailed,   // either, but a failure must name it (thin shapes, images some decoders take)
};

struct CorpusEntry {
    QString path;
    QString what;   // for test messages, e.g. "truncated JPEG"
    Expectation expected;
};

// Writes the corpus into `folder` (which must exist) and lists what it wrote. A directory
// named like an image is not an entry itself: the good image inside it is. Throws
// std::runtime_error when the corpus cannot be made.
QList<CorpusEntry> writeBadInputCorpus(const QString& folder);

// A PNG of `size` 16-bit RGBA pixels: the left half kLeft (opaque), the right half kRight
// (half transparent). Flat rows compress about 1000:1, so 12000×12000 (1.1 GB of pixels) is
// a 1.1 MB file written in seconds. Adam7-interlaced when `interlaced`. Throws
// std::runtime_error when it cannot be written.
struct Rgba64 {
    quint16 red, green, blue, alpha;
};
constexpr Rgba64 kLeft{0xC000, 0x2000, 0x1000, 0xFFFF};
constexpr Rgba64 kRight{0x1000, 0x4000, 0xE000, 0x8000};
void writeSixteenBitRgbaPng(const QString& path, QSize size, bool interlaced = false);

}  // namespace weft::testcorpus
