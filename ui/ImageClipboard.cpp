#include "ui/ImageClipboard.h"

#include "core/imaging/ImageDecoder.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFutureWatcher>
#include <QMimeData>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace weft {
namespace ui {

namespace {

struct Picture {
    QImage image;
    QString error;
};

Picture readPicture(const QString& path)
{
    DecodeOptions fullSize;
    fullSize.maxSide = 0;
    try {
        return {ImageDecoder::decode(path, fullSize).image, {}};
    } catch (const Error& error) {
        return {{}, error.message()};
    }
}

}  // namespace

ImageClipboard::ImageClipboard(QObject* parent) : QObject(parent) {}

void ImageClipboard::copy(const QString& path)
{
    const quint64 request = ++m_latest;
    auto* watcher = new QFutureWatcher<Picture>(this);
    connect(watcher, &QFutureWatcher<Picture>::finished, this, [this, watcher, request, path] {
        watcher->deleteLater();
        if (request != m_latest)
            return;   // the user has since copied another one
        const Picture picture = watcher->result();
        if (picture.image.isNull()) {
            emit failed(picture.error);
            return;
        }
        auto* mime = new QMimeData;
        mime->setImageData(picture.image);
        mime->setUrls({QUrl::fromLocalFile(path)});
        mime->setText(QDir::toNativeSeparators(path));
        QApplication::clipboard()->setMimeData(mime);
        emit copied(path);
    });
    watcher->setFuture(QtConcurrent::run(readPicture, path));
}

}  // namespace ui
}  // namespace weft
