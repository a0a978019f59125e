// What a drop or a paste offers as a swatch: a file, image bytes or a web address.

#include "ui/SwatchSource.h"

#include <QBuffer>
#include <QImage>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>

using namespace weft::ui;

class SwatchSourceTest : public QObject {
    Q_OBJECT
private slots:
    void localFileWins();
    void encodedImageBytes();
    void imageDataIsEncoded();
    void webAddressIsFetched();
    void textIsRefused();
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

QTEST_MAIN(SwatchSourceTest)
#include "tst_swatchsource.moc"
