// What a drop or a paste offers as a swatch: a file, image bytes or a web address;
// never a text file, a page or a folder.

#include "ui/SwatchSource.h"
#include "UiTestSupport.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class SwatchSourceTest : public QObject {
    Q_OBJECT
private slots:
    void localFileWins();
    void encodedImageBytes();
    void imageDataIsEncoded();
    void webAddressIsFetched();
    void textIsRefused();
    void nonImageFilesAreRefused();
    void anImageFileWithoutSuffixIsKnownByItsContent();
    void onlyImageAddressesAreFetched();
    void aFolderIsNoSwatch();
};

void SwatchSourceTest::localFileWins()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("swatch.png"));
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::red);
    QVERIFY(image.save(path));
    QMimeData mime;
    mime.setUrls({QUrl(QStringLiteral("https://example.invalid/a.png")), QUrl::fromLocalFile(path)});
    mime.setImageData(image);
    QVERIFY(SwatchSource::canAccept(&mime));
    const SwatchOffer offer = SwatchSource::fromMimeData(&mime);
    QCOMPARE(offer.source.path, path);
    QCOMPARE(offer.source.name, QStringLiteral("swatch.png"));
    QVERIFY(offer.source.encoded.isEmpty());
    QVERIFY(offer.remote.isEmpty());
}

void SwatchSourceTest::encodedImageBytes()
{
    QMimeData mime;
    mime.setData(QStringLiteral("image/jpeg"), QByteArray("\xff\xd8\xff not really", 14));
    const SwatchOffer offer = SwatchSource::fromMimeData(&mime);
    QCOMPARE(offer.source.encoded, QByteArray("\xff\xd8\xff not really", 14));
    QVERIFY(offer.source.path.isEmpty());
}

void SwatchSourceTest::imageDataIsEncoded()
{
    QImage image(12, 7, QImage::Format_RGB888);
    image.fill(Qt::blue);
    QMimeData mime;
    mime.setImageData(image);
    const SwatchOffer offer = SwatchSource::fromMimeData(&mime);
    QVERIFY(!offer.source.encoded.isEmpty());
    const QImage decoded = QImage::fromData(offer.source.encoded);
    QCOMPARE(decoded.size(), QSize(12, 7));
    QCOMPARE(decoded.pixelColor(3, 3), QColor(Qt::blue));
}

void SwatchSourceTest::webAddressIsFetched()
{
    QMimeData mime;
    mime.setUrls({QUrl(QStringLiteral("https://example.invalid/swatch.jpg"))});
    QVERIFY(SwatchSource::canAccept(&mime));
    const SwatchOffer offer = SwatchSource::fromMimeData(&mime);
    QVERIFY(offer.source.isEmpty());
    QCOMPARE(offer.remote, QUrl(QStringLiteral("https://example.invalid/swatch.jpg")));
}

void SwatchSourceTest::textIsRefused()
{
    QMimeData mime;
    mime.setText(QStringLiteral("hello"));
    QVERIFY(!SwatchSource::canAccept(&mime));
    QVERIFY(SwatchSource::fromMimeData(&mime).isEmpty());
}

void SwatchSourceTest::nonImageFilesAreRefused()
{
    QTemporaryDir dir;
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(uitest::writeFile(text, "not a swatch\n"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(text)});
    QVERIFY(!SwatchSource::canAccept(&mime));
    QVERIFY(SwatchSource::fromMimeData(&mime).isEmpty());
    QVERIFY(SwatchSource::folderIn(&mime).isEmpty());

    QMimeData vector;   // a format the decoder does not read
    vector.setData(QStringLiteral("image/svg+xml"), QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>"));
    QVERIFY(!SwatchSource::canAccept(&vector));
}

void SwatchSourceTest::anImageFileWithoutSuffixIsKnownByItsContent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("swatch"));
    QImage image(8, 8, QImage::Format_RGB888);
    image.fill(Qt::green);
    QVERIFY(image.save(path, "PNG"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QVERIFY(SwatchSource::canAccept(&mime));
    QCOMPARE(SwatchSource::fromMimeData(&mime).source.path, path);
}

void SwatchSourceTest::onlyImageAddressesAreFetched()
{
    QMimeData page;
    page.setUrls({QUrl(QStringLiteral("https://example.invalid/fabrics/index.html"))});
    QVERIFY(!SwatchSource::canAccept(&page));
    QVERIFY(SwatchSource::fromMimeData(&page).isEmpty());
    QMimeData picture;
    picture.setUrls({QUrl(QStringLiteral("http://example.invalid/fabrics/swatch.PNG?size=large"))});
    QVERIFY(SwatchSource::canAccept(&picture));
    QCOMPARE(SwatchSource::fromMimeData(&picture).remote, QUrl(QStringLiteral("http://example.invalid/fabrics/swatch.PNG?size=large")));
}

void SwatchSourceTest::aFolderIsNoSwatch()
{
    QTemporaryDir dir;
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.path())});
    QVERIFY(!SwatchSource::canAccept(&mime));
    QVERIFY(SwatchSource::fromMimeData(&mime).isEmpty());
    QCOMPARE(SwatchSource::folderIn(&mime), QFileInfo(dir.path()).absoluteFilePath());
}

QTEST_MAIN(SwatchSourceTest)
#include "tst_swatchsource.moc"
