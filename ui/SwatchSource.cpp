#include "ui/SwatchSource.h"

#include "core/imaging/ImageDecoder.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QMimeDatabase>

#include <algorithm>

namespace weft {
namespace ui {

namespace {

QString pastedName()
{
    return QCoreApplication::translate("weft::ui::SwatchSource", "pasted image");
}

bool decoderReads(const QMimeType& type)
{
    const QStringList& supported = ImageDecoder::supportedSuffixes();
    const QStringList suffixes = type.suffixes();
    return std::any_of(suffixes.begin(), suffixes.end(), [&](const QString& suffix) { return supported.contains(suffix.toLower()); });
}

// By its suffix; a file without a known one (a photo saved as "swatch") by what its content looks like.
bool isImageFile(const QUrl& url)
{
    if (!url.isLocalFile())
        return false;
    const QFileInfo info(url.toLocalFile());
    if (!info.isFile())
        return false;
    return ImageDecoder::supportedSuffixes().contains(info.suffix().toLower()) || decoderReads(QMimeDatabase().mimeTypeForFile(info));
}

bool isImageFormat(const QString& format)
{
    return format.startsWith(QLatin1String("image/")) && decoderReads(QMimeDatabase().mimeTypeForName(format));
}

bool isRemoteImage(const QUrl& url)
{
    return (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) &&
           ImageDecoder::supportedSuffixes().contains(QFileInfo(url.path()).suffix().toLower());
}

}  // namespace

SwatchOffer SwatchSource::fromMimeData(const QMimeData* mime)
{
    SwatchOffer offer;
    if (!mime)
        return offer;
    for (const QUrl& url : mime->urls()) {
        if (isImageFile(url)) {
            offer.source.path = url.toLocalFile();
            offer.source.name = QFileInfo(offer.source.path).fileName();
            return offer;
        }
    }
    // Encoded bytes are passed on as they are, so the decoder sees the original
    // file (EXIF orientation, colour profile) rather than a re-encoded copy.
    for (const QString& format : mime->formats()) {
        if (isImageFormat(format) && !mime->data(format).isEmpty()) {
            offer.source.encoded = mime->data(format);
            offer.source.name = pastedName();
            return offer;
        }
    }
    if (mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull()) {
            QBuffer buffer(&offer.source.encoded);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            offer.source.name = pastedName();
            return offer;
        }
    }
    for (const QUrl& url : mime->urls()) {
        if (isRemoteImage(url)) {
            offer.remote = url;
            return offer;
        }
    }
    return offer;
}

bool SwatchSource::canAccept(const QMimeData* mime)
{
    if (!mime)
        return false;
    if (mime->hasImage())
        return true;
    const QStringList formats = mime->formats();
    if (std::any_of(formats.begin(), formats.end(), isImageFormat))
        return true;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl& url) { return isImageFile(url) || isRemoteImage(url); });
}

QString SwatchSource::folderIn(const QMimeData* mime)
{
    if (!mime)
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            return QFileInfo(url.toLocalFile()).absoluteFilePath();
    return {};
}

}  // namespace ui
}  // namespace weft
