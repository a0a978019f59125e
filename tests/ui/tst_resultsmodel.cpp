// The results grid's model: thumbnails arrive later without blocking data(), are
// cached on disk in the library folder and read back from there; a match dragged
// out carries its file and picture.

#include "ui/ResultsModel.h"
#include "ui/ThumbnailProvider.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QPixmap>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace weft;
using namespace weft::ui;

namespace {

QString writeImage(const QString& folder, const QString& name, QColor colour, QSize size = {400, 300})
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(colour);
    const QString path = QDir(folder).filePath(name);
    if (!image.save(path))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Match match(const QString& path, int rank)
{
    Match m;
    m.imageId = rank;
    m.path = path;
    m.score = 1.0f - rank * 0.1f;
    m.rank = rank;
    return m;
}

}  // namespace

class ResultsModelTest : public QObject {
    Q_OBJECT
private slots:
    void thumbnailsArriveWithoutBlocking();
    void cachedThumbnailIsReadBack();
    void unreadableImageKeepsPlaceholder();
    void dragCarriesFileAndPicture();
};

void ResultsModelTest::thumbnailsArriveWithoutBlocking()
{
    QTemporaryDir dir;
    const QString a = writeImage(dir.path(), QStringLiteral("a.png"), Qt::red);
    const QString b = writeImage(dir.path(), QStringLiteral("b.png"), Qt::green, {300, 600});
    ThumbnailProvider thumbnails;
    thumbnails.setCacheFolder(dir.filePath(QStringLiteral("thumbnails")));
    ResultsModel model(&thumbnails);
    model.setMatches({match(a, 1), match(b, 2)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(ResultsModel::PathRole).toString(), a);
    QCOMPARE(model.index(1).data(ResultsModel::RankRole).toInt(), 2);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The first ask queues the work and answers with a placeholder at once.
    QVERIFY(!model.index(0).data(ResultsModel::ThumbnailReadyRole).toBool());
    QVERIFY(!model.index(0).data(Qt::DecorationRole).value<QPixmap>().isNull());
    QVERIFY(!model.index(1).data(ResultsModel::ThumbnailReadyRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, 20000);

    QVERIFY(model.index(0).data(ResultsModel::ThumbnailReadyRole).toBool());
    const QPixmap first = model.index(0).data(Qt::DecorationRole).value<QPixmap>();
    QCOMPARE(first.size(), QSize(256, 192));   // long side scaled to ThumbnailProvider::kSide
    QCOMPARE(first.toImage().pixelColor(10, 10), QColor(Qt::red));
    QCOMPARE(model.index(1).data(Qt::DecorationRole).value<QPixmap>().size(), QSize(128, 256));
    QVERIFY(QFile::exists(ThumbnailProvider::cacheFile(thumbnails.cacheFolder(), a)));
    QVERIFY(QFile::exists(ThumbnailProvider::cacheFile(thumbnails.cacheFolder(), b)));
}

void ResultsModelTest::cachedThumbnailIsReadBack()
{
    QTemporaryDir dir;
    const QString a = writeImage(dir.path(), QStringLiteral("a.png"), Qt::red);
    const QString cacheFolder = dir.filePath(QStringLiteral("thumbnails"));
    // A cache entry that differs from the image proves the cache is what is read.
    const QString cached = ThumbnailProvider::cacheFile(cacheFolder, a);
    QVERIFY(QDir().mkpath(QFileInfo(cached).absolutePath()));
    QImage marker(50, 40, QImage::Format_RGB888);
    marker.fill(Qt::blue);
    QVERIFY(marker.save(cached));

    ThumbnailProvider thumbnails;
    thumbnails.setCacheFolder(cacheFolder);
    QSignalSpy ready(&thumbnails, &ThumbnailProvider::thumbnailReady);
    QVERIFY(thumbnails.thumbnail(a).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 20000);
    const QImage image = thumbnails.thumbnail(a);
    QCOMPARE(image.size(), QSize(50, 40));
    QCOMPARE(image.pixelColor(5, 5), QColor(Qt::blue));
}

void ResultsModelTest::unreadableImageKeepsPlaceholder()
{
    QTemporaryDir dir;
    const QString broken = dir.filePath(QStringLiteral("broken.png"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an image");
    file.close();
    ThumbnailProvider thumbnails;
    ResultsModel model(&thumbnails);
    model.setMatches({match(broken, 1)});
    QSignalSpy failed(&thumbnails, &ThumbnailProvider::thumbnailFailed);
    QVERIFY(!model.index(0).data(Qt::DecorationRole).value<QPixmap>().isNull());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QVERIFY(!model.index(0).data(ResultsModel::ThumbnailReadyRole).toBool());
    QVERIFY(!model.index(0).data(Qt::DecorationRole).value<QPixmap>().isNull());
    QCOMPARE(failed.count(), 1);   // not retried on every paint
}

void ResultsModelTest::dragCarriesFileAndPicture()
{
    QTemporaryDir dir;
    const QString a = writeImage(dir.path(), QStringLiteral("a.png"), Qt::red);
    const QString b = writeImage(dir.path(), QStringLiteral("b, \"blue\" 花.png"), Qt::blue, {640, 480});
    ThumbnailProvider thumbnails;
    ResultsModel model(&thumbnails);
    model.setMatches({match(a, 1), match(b, 2)});

    const QModelIndex second = model.index(1);
    QVERIFY(model.flags(second).testFlag(Qt::ItemIsDragEnabled));
    QCOMPARE(model.supportedDragActions(), Qt::DropActions(Qt::CopyAction));   // never a move: the grid keeps its matches
    QVERIFY(model.mimeTypes().contains(QStringLiteral("text/uri-list")));
    std::unique_ptr<QMimeData> mime(model.mimeData({second}));
    QVERIFY(mime);
    QCOMPARE(mime->urls(), QList<QUrl>{QUrl::fromLocalFile(b)});
    QVERIFY(mime->data(QStringLiteral("text/uri-list")).contains("file://"));
    QVERIFY(mime->hasImage());
    const QImage picture = qvariant_cast<QImage>(mime->imageData());
    QCOMPARE(picture.size(), QSize(640, 480));   // the file's full size, not the thumbnail
    QCOMPARE(picture.pixelColor(5, 5), QColor(Qt::blue));
}

QTEST_MAIN(ResultsModelTest)
#include "tst_resultsmodel.moc"
