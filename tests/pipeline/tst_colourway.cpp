// A swatch looked up in any colourway, and searches narrowed or ranked by colour,
// on a tiny library indexed with the real model: a print of leaves, the same print
// dyed in another colourway, dots in the leaves' very colours, and two unrelated
// prints.
//
// Needs $WEFT_SHARED_DIR/models (ctest sets it).

#include "core/colour/ColourShare.h"
#include "core/features/ColourFeatures.h"
#include "core/features/Pooling.h"
#include "core/features/FeatureExtractor.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "core/pipeline/Scanner.h"

#include "common/GarmentOnBackdrop.h"
#include "verification/SyntheticPrints.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace weft;

namespace {

const QColor kRed(200, 30, 50);
const QColor kCream(240, 228, 200);
const QColor kNavy(30, 40, 100);

// Leaves of `ink` with `accent` veins on `ground`, in a half-drop repeat.
QImage leafPrint(const QColor& ground, const QColor& ink, const QColor& accent)
{
    QImage image(384, 384, QImage::Format_RGB888);
    image.fill(ground);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int row = 0; row < 6; ++row)
        for (int column = 0; column < 6; ++column) {
            painter.save();
            painter.translate(column * 64 + 32 + (row % 2) * 32, row * 64 + 32);
            painter.rotate(35 + (row % 2) * 90);
            painter.setPen(Qt::NoPen);
            painter.setBrush(ink);
            painter.drawEllipse(QRectF(-26, -11, 52, 22));
            painter.setPen(QPen(accent, 3));
            painter.drawLine(QPointF(-22, 0), QPointF(22, 0));
            painter.setPen(Qt::NoPen);
            painter.setBrush(accent);
            painter.drawEllipse(QPointF(0, 30), 9, 9);
            painter.restore();
        }
    return image;
}

// Big dots of `ink` and small ones of `accent` on `ground`: other motifs, as blotchy.
QImage dotPrint(const QColor& ground, const QColor& ink, const QColor& accent)
{
    QImage image(384, 384, QImage::Format_RGB888);
    image.fill(ground);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int y = 0; y < image.height(); y += 48)
        for (int x = 0; x < image.width(); x += 48) {
            painter.setBrush(ink);
            painter.drawEllipse(QPointF(x + 24, y + 24), 19, 19);
            painter.setBrush(accent);
            painter.drawEllipse(QPointF(x, y), 9, 9);
        }
    return image;
}

// Checks of `ink` on `ground` with `accent` lines: other motifs, any colours.
QImage checkPrint(const QColor& ground, const QColor& ink, const QColor& accent, int period)
{
    QImage image(384, 384, QImage::Format_RGB888);
    image.fill(ground);
    QPainter painter(&image);
    for (int y = 0; y < image.height(); y += period)
        for (int x = (y / period) % 2 * period; x < image.width(); x += 2 * period)
            painter.fillRect(x, y, period, period, ink);
    painter.setPen(QPen(accent, 2));
    for (int x = period / 2; x < image.width(); x += period)
        painter.drawLine(x, 0, x, image.height());
    return image;
}

// Every pixel's hue turned by `degrees`, saturation and value kept: the same print
// in another colourway.
QImage hueTurned(const QImage& image, int degrees)
{
    QImage turned = image.copy();
    for (int y = 0; y < turned.height(); ++y)
        for (int x = 0; x < turned.width(); ++x) {
            const QColor colour = turned.pixelColor(x, y).toHsv();
            turned.setPixelColor(x, y, QColor::fromHsv((std::max(0, colour.hsvHue()) + degrees) % 360, colour.hsvSaturation(), colour.value()));
        }
    return turned;
}

int rankOf(const std::vector<Match>& matches, const QString& path)
{
    for (const Match& match : matches)
        if (QFileInfo(match.path).fileName() == path)
            return match.rank;
    return 0;
}

QStringList namesOf(const std::vector<Match>& matches)
{
    QStringList names;
    for (const Match& match : matches)
        names.append(QStringLiteral("%1 %2").arg(QFileInfo(match.path).fileName()).arg(double(match.score), 0, 'f', 3));
    return names;
}

}  // namespace

class TestColourway : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void aSwatchFindsItsOwnColourwayFirst();
    void inAnyColourwayTheOtherColourwayComesBeforeOtherPrints();
    void aColourKeepsOnlyTheImagesHoldingIt();
    void aSearchByColourRanksByHowMuchOfItThereIs();
    void aLibraryPhotosColoursAreItsClothsNotTheBackdrops();
    void aColourSearchSeesWhatWasIndexedSinceTheLast();   // last: it adds a print

private:
    QImage m_swatch;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FeatureExtractor> m_extractor;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<QueryEngine> m_engine;
};

void TestColourway::initTestCase()
{
    const QString models = qEnvironmentVariable("WEFT_SHARED_DIR") + QStringLiteral("/models");
    if (!QFileInfo(models).isDir())
        QFAIL(qPrintable(QStringLiteral("needs the shared models folder: set WEFT_SHARED_DIR (ctest sets it from the CMake "
                                        "cache variable WEFT_SHARED_DIR) to a folder holding models/ (%1 not found)")
                             .arg(models)));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString folder = m_dir->filePath(QStringLiteral("prints"));
    QVERIFY(QDir().mkpath(folder));
    const QImage leaves = leafPrint(kCream, kRed, kNavy);
    const QList<QPair<QString, QImage>> prints{
        {QStringLiteral("leaves.png"), leaves},
        {QStringLiteral("leaves-other-colourway.png"), hueTurned(leaves, 150)},
        {QStringLiteral("dots-same-colours.png"), dotPrint(kCream, kRed, kNavy)},
        {QStringLiteral("checks-green.png"), checkPrint(QColor(220, 235, 210), QColor(40, 120, 60), QColor(200, 180, 40), 40)},
        {QStringLiteral("stripes-blue.png"), checkPrint(QColor(200, 215, 240), QColor(80, 130, 210), QColor(240, 240, 240), 12)},
    };
    for (const auto& [name, image] : prints)
        QVERIFY(image.save(QDir(folder).filePath(name)));
    // A hand-held photo of a piece of the first print.
    m_swatch = test::photoOf(leaves, QPointF(200, 180), 220, 1.1, 5.0, 1).convertToFormat(QImage::Format_RGB888);

    // The default shares (colour 0.15), small and quick otherwise.
    const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("size=128,grid=0,det=none"));
    m_extractor = FeatureExtractor::load(method, ModelStore(models));
    m_library = std::make_unique<Library>(m_dir->filePath(QStringLiteral("library")), method);
    m_library->catalog().addRoot(QFileInfo(folder).canonicalFilePath());
    Scanner::scan(m_library->catalog(), m_library->catalog().roots());
    QCOMPARE(Indexer(*m_library, *m_extractor).run().indexed, qint64(prints.size()));
    m_engine = std::make_unique<QueryEngine>(*m_library, *m_extractor);
}

void TestColourway::cleanupTestCase()
{
    m_engine.reset();
    m_library.reset();
    m_dir.reset();
}

void TestColourway::aSwatchFindsItsOwnColourwayFirst()
{
    // As the app shows them: the search, then the second look. Its keypoints see grey
    // levels and place the swatch in its print's other colourway too; colour must
    // still put the swatch's own colourway first, and the other right behind it, above
    // other prints in the swatch's colours (before issue 11's second look, and with the
    // swatch read as photographed only, those came first).
    const QueryEngine::SwatchQuery query = m_engine->describeSwatch(m_swatch);
    std::vector<Match> matches = m_engine->searchSwatch(query, m_engine->candidatesFor(5));
    m_engine->refine(m_swatch, query, matches, 5);
    const QString listed = namesOf(matches).join(QStringLiteral(", "));
    QVERIFY2(rankOf(matches, QStringLiteral("leaves.png")) == 1, qPrintable(listed));
    QVERIFY2(rankOf(matches, QStringLiteral("leaves-other-colourway.png")) == 2, qPrintable(listed));
}

void TestColourway::inAnyColourwayTheOtherColourwayComesBeforeOtherPrints()
{
    const QueryEngine::SwatchQuery query = m_engine->inAnyColourway(m_engine->describeSwatch(m_swatch));
    const std::vector<Match> matches = m_engine->searchSwatch(query, 5);
    const QString listed = namesOf(matches).join(QStringLiteral(", "));
    QVERIFY2(rankOf(matches, QStringLiteral("leaves.png")) == 1, qPrintable(listed));
    QVERIFY2(rankOf(matches, QStringLiteral("leaves-other-colourway.png")) == 2, qPrintable(listed));   // before the dots in its colours
}

void TestColourway::aColourKeepsOnlyTheImagesHoldingIt()
{
    // Navy: in the leaves and the dots of the same colours, in no other print.
    const std::vector<Match> matches = m_engine->searchSwatch(m_engine->describeSwatch(m_swatch), 5, {}, ColourFilter({kNavy}));
    const QString listed = namesOf(matches).join(QStringLiteral(", "));
    QCOMPARE(int(matches.size()), 2);
    QVERIFY2(rankOf(matches, QStringLiteral("leaves.png")) == 1, qPrintable(listed));
    QVERIFY2(rankOf(matches, QStringLiteral("dots-same-colours.png")) == 2, qPrintable(listed));
    // "More like this" is narrowed alike.
    const QString leaves = QFileInfo(m_dir->filePath(QStringLiteral("prints/leaves.png"))).canonicalFilePath();
    const std::vector<Match> like = m_engine->searchLike(leaves, 5, {}, ColourFilter({kNavy}));
    QCOMPARE(int(like.size()), 1);
    QCOMPARE(QFileInfo(like.front().path).fileName(), QStringLiteral("dots-same-colours.png"));
}

void TestColourway::aSearchByColourRanksByHowMuchOfItThereIs()
{
    // Red: the dots' big ones, the leaves (less), nothing elsewhere.
    const std::vector<Match> matches = m_engine->searchColours(ColourFilter({kRed}), 5);
    const QString listed = namesOf(matches).join(QStringLiteral(", "));
    QCOMPARE(int(matches.size()), 2);
    QVERIFY2(rankOf(matches, QStringLiteral("dots-same-colours.png")) == 1, qPrintable(listed));
    QVERIFY2(rankOf(matches, QStringLiteral("leaves.png")) == 2, qPrintable(listed));
    QVERIFY(matches[0].score > matches[1].score);
    // Kept to a folder with none of it: nothing.
    QVERIFY(m_engine->searchColours(ColourFilter({kRed}), 5, m_dir->filePath(QStringLiteral("elsewhere"))).empty());
}

void TestColourway::aLibraryPhotosColoursAreItsClothsNotTheBackdrops()
{
    // A swatch shows only cloth; a library photo's colour part must describe only its
    // cloth too (Foreground.h), not the grey backdrop that fills most of the photo.
    const QImage photo = test::garmentOnBackdrop();
    const std::vector<float> cloth = hsvHistogram(test::checkedCloth(photo.width(), photo.height()));
    QVERIFY(dot(hsvHistogram(photo), cloth) < 0.8f);   // the backdrop does count for the whole photo
    const std::vector<float> fingerprint = m_extractor->fingerprint(photo, FeatureExtractor::Purpose::Library);
    const float likeness = dot(m_extractor->layout().part(fingerprint, FingerprintPart::Colour), cloth);
    QVERIFY2(likeness > 0.95f, qPrintable(QString::number(double(likeness))));
}

void TestColourway::aColourSearchSeesWhatWasIndexedSinceTheLast()
{
    // The images holding a colour are kept between searches (each further page asks
    // again): a print indexed since must still be found, and filtered by.
    QCOMPARE(int(m_engine->searchColours(ColourFilter({kRed}), 5).size()), 2);
    const QString added = m_dir->filePath(QStringLiteral("prints/red-checks.png"));
    QVERIFY(checkPrint(kCream, kRed, QColor(240, 240, 240), 16).save(added));
    Scanner::scan(m_library->catalog(), m_library->catalog().roots());
    QCOMPARE(Indexer(*m_library, *m_extractor).run().indexed, qint64(1));
    const std::vector<Match> matches = m_engine->searchColours(ColourFilter({kRed}), 5);
    const QString listed = namesOf(matches).join(QStringLiteral(", "));
    QVERIFY2(rankOf(matches, QStringLiteral("red-checks.png")) >= 1, qPrintable(listed));
    QCOMPARE(int(matches.size()), 3);
}

QTEST_MAIN(TestColourway)
#include "tst_colourway.moc"
