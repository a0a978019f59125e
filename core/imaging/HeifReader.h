#pragma once

// HEIF images (HEIC phone photos) through libheif, for ImageDecoder: Qt 6 on
// Debian has no image plugin for them.

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

struct heif_context;
struct heif_image_handle;

namespace weft {

class HeifReader {
public:
    // What went wrong, for ImageDecoder to word for the user.
    enum class Problem {
        None,
        Damaged,       // not a readable HEIF container, or its pixel data is cut short or broken
        NoDecoder,     // this system's libheif cannot decode the image's compression
        TooLarge,      // over libheif's own size limits
        OutOfMemory,
    };

    // Whether `head` (the first bytes of a file) is an ISO media file of a HEIF brand
    // (heic, heix, hevc, heim, heis, hevx, mif1, msf1).
    static bool looksLikeHeif(const QByteArray& head);
    // libheif's version, for messages.
    static QString libraryVersion();

    // Reads the container of `data` (which must outlive the reader), no pixels yet.
    explicit HeifReader(const QByteArray& data);
    ~HeifReader();
    HeifReader(const HeifReader&) = delete;
    HeifReader& operator=(const HeifReader&) = delete;

    Problem problem() const { return m_problem; }
    QString detail() const { return m_detail; }   // libheif's own words on the problem
    // The primary image's size with its rotation applied (as it will be decoded);
    // read from the header, so a decompression bomb is caught before decoding.
    QSize size() const { return m_size; }
    // The primary image, rotated and mirrored as the file says, in 8-bit RGB (RGBA
    // when it has transparency) with the file's colour profile attached. A null
    // image on failure: see problem().
    QImage read();

private:
    void setProblem(Problem problem, const QString& detail);

    heif_context* m_context = nullptr;
    heif_image_handle* m_handle = nullptr;
    Problem m_problem = Problem::None;
    QString m_detail;
    QSize m_size;
};

}  // namespace weft
