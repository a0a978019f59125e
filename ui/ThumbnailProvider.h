#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>
#include <QThreadPool>

namespace weft {
namespace ui {

// Thumbnails of library images for the results grid, made off the GUI thread and
// kept in <library>/thumbnails/ (one PNG per image, named by a hash of its path,
// size and modification time, so a changed file gets a new thumbnail). request()
// returns at once; thumbnailReady() follows on the GUI thread.
class ThumbnailProvider : public QObject {
    Q_OBJECT
public:
    static constexpr int kSide = 256;   // cached size; views scale down from it

    explicit ThumbnailProvider(QObject* parent = nullptr);
    ~ThumbnailProvider() override;   // waits for the jobs under way

    // Empty: no disk cache (thumbnails are still made, just not kept).
    void setCacheFolder(const QString& folder);
    QString cacheFolder() const { return m_cacheFolder; }

    // The thumbnail if it is in memory, else a null image and a job is queued.
    QImage thumbnail(const QString& path);
    // For a view: the thumbnail, or a grey stand-in while it is being made.
    QPixmap pixmap(const QString& path);
    // Drops queued jobs that have not started (the results changed).
    void clearQueue();

    // Where the thumbnail of `path` is cached (whether or not it exists yet).
    static QString cacheFile(const QString& cacheFolder, const QString& path);

signals:
    void thumbnailReady(const QString& path, const QImage& image);
    void thumbnailFailed(const QString& path);

private:
    void onFinished(const QString& path, const QImage& image);

    QString m_cacheFolder;
    QThreadPool m_pool;
    QHash<QString, QImage> m_memory;
    QSet<QString> m_queued;
    QSet<QString> m_failed;
};

}  // namespace ui
}  // namespace weft
