#include "ui/SwatchSource.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>

namespace weft {
namespace ui {

namespace {

QString pastedName()
{
    return QCoreApplication::translate("weft::ui::SwatchSource", "pasted image");
}

}  // namespace

SwatchOffer SwatchSource::fromMimeData(const QMimeData* mime)
{
    SwatchOffer offer;
    if (!mime)
        return offer;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) {
            offer.source.path = url.toLocalFile();
            offer.source.name = QFileInfo(offer.source.path).fileName();
            return offer;
        }
    }
    // Encoded bytes are passed on as they are, so the decoder sees the original
    // file (EXIF orientation, colour profile) rather than a re-encoded copy.
    for (const QString& format : mime->formats()) {
        if (format.startsWith(QLatin1String("image/")) && !mime->data(format).isEmpty()) {
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
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")) {
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
    for (const QString& format : mime->formats())
        if (format.startsWith(QLatin1String("image/")))
            return true;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() || url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            return true;
    return false;
}

}  // namespace ui
}  // namespace weft
