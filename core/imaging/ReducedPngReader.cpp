#include "core/imaging/ReducedPngReader.h"

#include <QColorSpace>

#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <new>
#include <vector>

namespace weft {
namespace {

// Shared with libpng's callbacks. libpng reports errors by longjmp, which skips destructors,
// so everything it can jump over is trivially destructible: this struct, and the locals of
// the two functions that call setjmp (readHeader and readRows).
struct Context {
    QIODevice* device;
    char message[200];
};

void readFromDevice(png_structp png, png_bytep data, size_t length)
{
    auto* context = static_cast<Context*>(png_get_io_ptr(png));
    if (context->device->read(reinterpret_cast<char*>(data), qint64(length)) != qint64(length))
        png_error(png, "the file ends early");
}

[[noreturn]] void keepMessage(png_structp png, png_const_charp message)
{
    auto* context = static_cast<Context*>(png_get_error_ptr(png));
    qstrncpy(context->message, message, sizeof context->message);
    png_longjmp(png, 1);
}

void ignoreWarning(png_structp, png_const_charp) {}

struct Header {
    png_uint_32 width;
    png_uint_32 height;
    bool interlaced;
    bool hasAlpha;
};

// Reads up to the first row and asks libpng for 8-bit RGBA rows whatever is stored.
bool readHeader(png_structp png, png_infop info, Header* header)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_read_info(png, info);
    int bitDepth = 0;
    int colourType = 0;
    int interlace = 0;
    png_get_IHDR(png, info, &header->width, &header->height, &bitDepth, &colourType, &interlace, nullptr, nullptr);
    header->interlaced = interlace != PNG_INTERLACE_NONE;
    header->hasAlpha = (colourType & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    png_set_expand(png);   // palette to RGB, grey below 8 bits to 8, a transparent colour to alpha
    if (bitDepth == 16)
        png_set_scale_16(png);
    if ((colourType & PNG_COLOR_MASK_COLOR) == 0)
        png_set_gray_to_rgb(png);
    if (!header->hasAlpha)
        png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != size_t(header->width) * 4)
        png_error(png, "unexpected row layout");
    return true;
}

// Averages full rows of 8-bit RGBA into the reduced image, one output row at a time.
class RowAverager {
public:
    RowAverager(QImage& output, png_uint_32 width, png_uint_32 height)
        : m_output(output), m_height(height), m_column(width), m_columnCount(std::size_t(output.width()), 0),
          m_sums(std::size_t(output.width()) * 4, 0)
    {
        for (png_uint_32 x = 0; x < width; ++x) {
            m_column[x] = int(std::uint64_t(x) * std::uint64_t(output.width()) / width);
            ++m_columnCount[std::size_t(m_column[x])];
        }
    }

    void add(const png_byte* row, png_uint_32 y)
    {
        const int outputRow = int(std::uint64_t(y) * std::uint64_t(m_output.height()) / m_height);
        if (outputRow != m_row)
            flush();
        m_row = outputRow;
        ++m_rowsAdded;
        // Colour weighted by opacity, so a transparent pixel's colour counts for nothing.
        for (std::size_t x = 0; x < m_column.size(); ++x, row += 4) {
            std::uint64_t* sum = &m_sums[std::size_t(m_column[x]) * 4];
            sum[0] += unsigned(row[0]) * row[3];
            sum[1] += unsigned(row[1]) * row[3];
            sum[2] += unsigned(row[2]) * row[3];
            sum[3] += row[3];
        }
    }

    void flush()
    {
        if (m_rowsAdded == 0)
            return;
        const bool premultiplied = m_output.format() == QImage::Format_RGBA8888_Premultiplied;
        uchar* out = m_output.scanLine(m_row);
        for (std::size_t x = 0; x < m_columnCount.size(); ++x) {
            const std::uint64_t pixels = std::uint64_t(m_columnCount[x]) * m_rowsAdded;
            std::uint64_t* sum = &m_sums[x * 4];
            const std::uint64_t weight = premultiplied ? pixels * 255 : sum[3];   // opaque: sum[3] is 255 per pixel
            for (int c = 0; c < 3; ++c)
                *out++ = weight ? uchar((sum[c] + weight / 2) / weight) : 0;
            if (premultiplied)
                *out++ = uchar((sum[3] + pixels / 2) / pixels);
            std::fill(sum, sum + 4, 0);
        }
        m_rowsAdded = 0;
    }

private:
    QImage& m_output;
    png_uint_32 m_height;
    std::vector<int> m_column;               // output column of each stored column
    std::vector<std::uint32_t> m_columnCount;
    std::vector<std::uint64_t> m_sums;       // per output pixel of the current row: R·A, G·A, B·A, A
    int m_row = -1;
    std::uint32_t m_rowsAdded = 0;
};

bool readRows(png_structp png, png_infop info, png_uint_32 height, png_byte* row, RowAverager* averager)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    for (png_uint_32 y = 0; y < height; ++y) {
        png_read_row(png, row, nullptr);
        averager->add(row, y);
    }
    png_read_end(png, nullptr);
    return true;
}

// The colour space the way Qt's PNG reader finds it: an ICC profile, else the sRGB chunk,
// else a gamma (with sRGB's primaries).
QColorSpace declaredColourSpace(png_structp png, png_infop info)
{
    png_charp name = nullptr;
    int compression = 0;
    png_bytep profile = nullptr;
    png_uint_32 length = 0;
    if (png_get_iCCP(png, info, &name, &compression, &profile, &length) && profile && length > 0)
        return QColorSpace::fromIccProfile(QByteArray(reinterpret_cast<const char*>(profile), qsizetype(length)));
    if (png_get_valid(png, info, PNG_INFO_sRGB))
        return QColorSpace::SRgb;
    double gamma = 0;
    if (png_get_gAMA(png, info, &gamma) && gamma > 0)
        return QColorSpace(QColorSpace::Primaries::SRgb, float(1.0 / gamma));
    return {};
}

}  // namespace

ReducedPngReader::ReducedPngReader(QIODevice& device) : m_device(device) {}

ReducedPngReader::Outcome ReducedPngReader::read(QSize target)
{
    m_image = {};
    m_error.clear();
    if (!m_device.seek(0)) {
        m_error = m_device.errorString();
        return Outcome::Damaged;
    }
    Context context{&m_device, {}};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &context, keepMessage, ignoreWarning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        return Outcome::OutOfMemory;
    }
    struct Release {
        png_structp& png;
        png_infop& info;
        ~Release() { png_destroy_read_struct(&png, &info, nullptr); }
    } release{png, info};
    png_set_read_fn(png, &context, readFromDevice);

    const auto damaged = [&] {
        m_error = QString::fromUtf8(context.message);
        return Outcome::Damaged;
    };
    Header header{};
    if (!readHeader(png, info, &header))
        return damaged();
    if (header.interlaced)
        return Outcome::Interlaced;
    const QSize size(std::min<int>(target.width(), int(header.width)), std::min<int>(target.height(), int(header.height)));
    if (size.isEmpty())
        return damaged();

    QImage output(size, header.hasAlpha ? QImage::Format_RGBA8888_Premultiplied : QImage::Format_RGB888);
    if (output.isNull())
        return Outcome::OutOfMemory;
    try {
        std::vector<png_byte> row(std::size_t(header.width) * 4);
        RowAverager averager(output, header.width, header.height);
        if (!readRows(png, info, header.height, row.data(), &averager))
            return damaged();
        averager.flush();
    } catch (const std::bad_alloc&) {
        return Outcome::OutOfMemory;
    }
    output.setColorSpace(declaredColourSpace(png, info));
    m_image = std::move(output);
    return Outcome::Read;
}

}  // namespace weft
