#include "ui/ThumbnailProvider.h"

#include "core/imaging/ImageDecoder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

namespace weft {
namespace ui {

namespace {

QImage makeThumbnail(const QString& cacheFolder, const QString& path)
{
    const QString cached = cacheFolder.isEmpty() ? QString() : ThumbnailProvider::cacheFile(cacheFolder, path);
    if (!cached.isEmpty() && QFileInfo::exists(cached)) {
        QImage image(cached);
        if (!image.isNull())
            return image;
    }
    QImage image;
    try {
        image = ImageDecoder::decode(path, {ThumbnailProvider::kSide}).image;
    } catch (const std::exception&) {
        return {};
    }
    if (!cached.isEmpty() && QDir().mkpath(QFileInfo(cached).absolutePath())) {
        // Written to a temporary name and renamed, so a reader never sees half a file.
        const QString temporary = cached + QStringLiteral(".part");
        if (image.save(temporary, "PNG"))
            QFile::rename(temporary, cached) || QFile::remove(temporary);
    }
    return image;
}

}  // namespace

ThumbnailProvider::ThumbnailProvider(QObject* parent) : QObject(parent)
{
    // Two decoders keep the grid filling without starving indexing and queries.
    m_pool.setMaxThreadCount(2);
}

ThumbnailProvider::~ThumbnailProvider()
{
    m_pool.clear();
    m_pool.waitForDone();
}

void ThumbnailProvider::setCacheFolder(const QString& folder)
{
    m_cacheFolder = folder;
}

QString ThumbnailProvider::cacheFile(const QString& cacheFolder, const QString& path)
{
    const QFileInfo info(path);
    const QByteArray key = path.toUtf8() + '\n' + QByteArray::number(info.size()) + '\n' +
                           QByteArray::number(info.lastModified().toMSecsSinceEpoch());
    const QString name = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
    return QDir(cacheFolder).filePath(QStringLiteral("%1/%2.png").arg(name.left(2), name));
}

QImage ThumbnailProvider::thumbnail(const QString& path)
{
    const auto found = m_memory.constFind(path);
    if (found != m_memory.constEnd())
        return *found;
    if (m_queued.contains(path) || m_failed.contains(path))
        return {};
    m_queued.insert(path);
    const QString cacheFolder = m_cacheFolder;
    // The destructor waits for the pool, so `this` outlives every job; a reply
    // still queued when it is destroyed is dropped with it.
    m_pool.start([this, cacheFolder, path] {
        const QImage image = makeThumbnail(cacheFolder, path);
        QMetaObject::invokeMethod(this, [this, path, image] { onFinished(path, image); }, Qt::QueuedConnection);
    });
    return {};
}

QPixmap ThumbnailProvider::pixmap(const QString& path)
{
    const QImage image = thumbnail(path);
    if (!image.isNull())
        return QPixmap::fromImage(image);
    static const QPixmap placeholder = [] {
        QPixmap blank(64, 64);
        blank.fill(QColor(0xe6, 0xe6, 0xe6));
        return blank;
    }();
    return placeholder;
}

void ThumbnailProvider::clearQueue()
{
    m_pool.clear();
    m_queued.clear();
}

void ThumbnailProvider::onFinished(const QString& path, const QImage& image)
{
    m_queued.remove(path);
    if (image.isNull()) {
        m_failed.insert(path);
        emit thumbnailFailed(path);
        return;
    }
    // A few hundred thumbnails of 256 px are a few tens of MB: keep the latest.
    if (m_memory.size() > 600)
        m_memory.clear();
    m_memory.insert(path, image);
    emit thumbnailReady(path, image);
}

}  // namespace ui
}  // namespace weft
