#include "core/imaging/HeifReader.h"

#include <QColorSpace>

#include <libheif/heif.h>

#include <cstring>
#include <mutex>

namespace weft {

namespace {

// libheif loads its decoders once per process; without it newer versions find none.
void initialiseOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { heif_init(nullptr); });
}

QString messageOf(const heif_error& error)
{
    return QString::fromUtf8(error.message ? error.message : "unknown libheif error").trimmed();
}

HeifReader::Problem problemOf(const heif_error& error)
{
    // No decoder for the compression (HEVC without libde265), or a kind of image
    // this libheif does not know (VVC, say).
    if (error.subcode == heif_suberror_Unsupported_codec || error.subcode == heif_suberror_Unsupported_image_type)
        return HeifReader::Problem::NoDecoder;
    if (error.subcode == heif_suberror_Security_limit_exceeded)
        return HeifReader::Problem::TooLarge;
    if (error.code == heif_error_Memory_allocation_error)
        return HeifReader::Problem::OutOfMemory;
    return HeifReader::Problem::Damaged;
}

}  // namespace

bool HeifReader::looksLikeHeif(const QByteArray& head)
{
    // ISO base media file: a box of type 'ftyp' first, whose major brand says HEIF.
    // (mif1 and msf1 files may hold AVIF too; libheif reads those as well.)
    if (head.size() < 12 || head.mid(4, 4) != "ftyp")
        return false;
    static const QByteArrayList brands{"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"};
    return brands.contains(head.mid(8, 4));
}

QString HeifReader::libraryVersion()
{
    return QString::fromLatin1(heif_get_version());
}

HeifReader::HeifReader(const QByteArray& data)
{
    initialiseOnce();
    m_context = heif_context_alloc();
    if (!m_context) {
        setProblem(Problem::OutOfMemory, {});
        return;
    }
    heif_error error = heif_context_read_from_memory_without_copy(m_context, data.constData(), size_t(data.size()), nullptr);
    if (error.code == heif_error_Ok)
        error = heif_context_get_primary_image_handle(m_context, &m_handle);
    if (error.code != heif_error_Ok) {
        setProblem(problemOf(error), messageOf(error));
        return;
    }
    // With the rotation applied, as heif_decode_image() will return it.
    m_size = QSize(heif_image_handle_get_width(m_handle), heif_image_handle_get_height(m_handle));
    if (m_size.isEmpty())
        setProblem(Problem::Damaged, QStringLiteral("the image has no pixels"));
}

HeifReader::~HeifReader()
{
    if (m_handle)
        heif_image_handle_release(m_handle);
    if (m_context)
        heif_context_free(m_context);
}

void HeifReader::setProblem(Problem problem, const QString& detail)
{
    m_problem = problem;
    m_detail = detail;
}

QImage HeifReader::read()
{
    if (m_problem != Problem::None)
        return {};
    const bool alpha = heif_image_handle_has_alpha_channel(m_handle);
    heif_image* decoded = nullptr;
    // No options: libheif applies the file's rotation, mirroring and crop.
    const heif_error error = heif_decode_image(m_handle, &decoded, heif_colorspace_RGB,
                                               alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nullptr);
    if (error.code != heif_error_Ok) {
        if (decoded)
            heif_image_release(decoded);
        setProblem(problemOf(error), messageOf(error));
        return {};
    }

    const int width = heif_image_get_width(decoded, heif_channel_interleaved);
    const int height = heif_image_get_height(decoded, heif_channel_interleaved);
    int stride = 0;
    const uint8_t* pixels = heif_image_get_plane_readonly(decoded, heif_channel_interleaved, &stride);
    QImage image;
    if (pixels && width > 0 && height > 0)
        image = QImage(width, height, alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    if (image.isNull()) {
        heif_image_release(decoded);
        setProblem(pixels ? Problem::OutOfMemory : Problem::Damaged, {});
        return {};
    }
    const size_t rowBytes = size_t(width) * (alpha ? 4 : 3);
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), pixels + qsizetype(y) * stride, rowBytes);
    heif_image_release(decoded);

    // Phone photos carry their colour space (Display P3 on iPhones) as an ICC profile.
    const heif_color_profile_type profile = heif_image_handle_get_color_profile_type(m_handle);
    if (profile == heif_color_profile_type_prof || profile == heif_color_profile_type_rICC) {
        QByteArray icc(qsizetype(heif_image_handle_get_raw_color_profile_size(m_handle)), Qt::Uninitialized);
        if (!icc.isEmpty() && heif_image_handle_get_raw_color_profile(m_handle, icc.data()).code == heif_error_Ok)
            image.setColorSpace(QColorSpace::fromIccProfile(icc));
    }
    return image;
}

}  // namespace weft
