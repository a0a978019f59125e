// End to end: a small slice of the Brodatz texture set is scanned and indexed with
// the real default method (MobileNetV2, default MethodConfig), then every image
// queries the library through QueryEngine and the ranking is scored against the
// class labels. The bounds are ones a working pipeline clears with room to spare and
// a broken one (random or constant vectors, wrong normalisation, ids that do not
// belong to their files) cannot reach: with 8 classes of 6, chance gives an mAP near
// 0.15 and a top-1 near 0.11.
//
// Needs $WEFT_SHARED_DIR/models and $WEFT_SHARED_DIR/datasets/brodatz; skipped
// (with the reason) otherwise.

#include "core/catalog/Catalog.h"
#include "core/common/Error.h"
#include "core/features/FeatureExtractor.h"
#include "core/features/Pooling.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "core/pipeline/Scanner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPainter>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>

#include <cmath>
#include <memory>
#include <vector>

using namespace weft;

namespace {

constexpr int kClasses = 8;
constexpr int kPerClass = 6;
constexpr double kMinMeanAveragePrecision = 0.7;
constexpr double kMinTopOne = 0.85;

}  // namespace

class TestRetrieval : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void indexesTheSlice();
    void rankingFollowsTextureClasses();
    void cropFindsItsClass();
    void aCopyAtAnotherSizeComesFirstHoweverManyAreShown();
    void theSecondLookKeepsToTheSearchsFolder();
    void theSecondLookReadsATurnedSwatchTheRightWayUp();
    void aSecondLookCancelledBeforeItStartsLeavesTheMatchesAsTheyWere();
    void maskPoolingDescribesWhatTheMaskCovers();
    void eachOrientationIsDescribedAsItsOwnImage();
    void theTexturePartIsStoredAsExactlyAsTheRest();

private:
    QString m_shared;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_imageFolder;
    QHash<QString, QString> m_classOf;  // copied path → class
    QStringList m_classes;              // in labels.csv order
    std::unique_ptr<FeatureExtractor> m_extractor;
    std::unique_ptr<Library> m_library;
    IndexSummary m_indexed;
};

void TestRetrieval::initTestCase()
{
    m_shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    const QString models = m_shared + QStringLiteral("/models");
    const QString brodatz = m_shared + QStringLiteral("/datasets/brodatz");
    if (m_shared.isEmpty() || !QFileInfo(models).isDir() || !QFileInfo(brodatz + QStringLiteral("/labels.csv")).isFile())
        QFAIL(qPrintable(QStringLiteral("needs the shared models and the Brodatz data set: set WEFT_SHARED_DIR (ctest sets it "
                                        "from the CMake cache variable WEFT_SHARED_DIR) to a folder holding models/ and "
                                        "datasets/brodatz/labels.csv (looked in '%1')")
                             .arg(m_shared)));

    // The first kClasses classes in file order, the first kPerClass images of each.
    QFile csv(brodatz + QStringLiteral("/labels.csv"));
    QVERIFY2(csv.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(csv.fileName()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_imageFolder = m_dir->filePath(QStringLiteral("images"));
    QHash<QString, int> taken;
    while (!csv.atEnd()) {
        const QString line = QString::fromUtf8(csv.readLine()).trimmed();
        const int comma = line.lastIndexOf(QLatin1Char(','));
        if (line.isEmpty() || comma < 0 || line.startsWith(QLatin1String("path,")))
            continue;
        const QString relative = line.left(comma).trimmed();
        const QString label = line.mid(comma + 1).trimmed();
        if (!m_classes.contains(label)) {
            if (m_classes.size() == kClasses)
                continue;
            m_classes.append(label);
        }
        if (taken[label] == kPerClass)
            continue;
        ++taken[label];
        // Copied under a neutral name, so nothing but the pixels can tell the class.
        const QString copy = QStringLiteral("%1/%2/tile-%3.%4")
                                 .arg(m_imageFolder)
                                 .arg(m_classes.indexOf(label))
                                 .arg(taken[label])
                                 .arg(QFileInfo(relative).suffix());
        QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
        QVERIFY2(QFile::copy(brodatz + QLatin1Char('/') + relative, copy), qPrintable(relative));
        m_classOf.insert(copy, label);
    }
    QCOMPARE(m_classes.size(), kClasses);
    QCOMPARE(m_classOf.size(), kClasses * kPerClass);
    qInfo("Brodatz slice: classes %s, %d images each", qPrintable(m_classes.join(QLatin1Char(' '))), kPerClass);

    const MethodConfig method;  // the real default method
    m_extractor = FeatureExtractor::load(method, ModelStore(models));
    m_library = std::make_unique<Library>(m_dir->filePath(QStringLiteral("library")), method);
    m_library->catalog().addRoot(m_imageFolder);
    const ScanSummary scanned = Scanner::scan(m_library->catalog(), m_library->catalog().roots());
    QCOMPARE(scanned.added, qint64(kClasses * kPerClass));

    QElapsedTimer clock;
    clock.start();
    m_indexed = Indexer(*m_library, *m_extractor).run();
    qInfo("Indexed %lld images with %s in %.1f s", m_indexed.indexed, qPrintable(m_library->methodKey()), clock.elapsed() / 1000.0);
}

void TestRetrieval::cleanupTestCase()
{
    m_library.reset();
    m_dir.reset();
}

void TestRetrieval::indexesTheSlice()
{
    QCOMPARE(m_indexed.indexed, qint64(kClasses * kPerClass));
    QCOMPARE(m_indexed.failed, qint64(0));
    QCOMPARE(qint64(m_library->index()->size()), qint64(kClasses * kPerClass));
    QCOMPARE(m_library->catalog().counts(m_library->methodKey()).indexed, qint64(kClasses * kPerClass));
}

void TestRetrieval::rankingFollowsTextureClasses()
{
    // Class protocol: every image queries the library, itself left out; relevant =
    // same class. The ranking comes from QueryEngine (index ids → catalog paths), the
    // class from the path, so ids that do not belong to their files score at chance.
    const QueryEngine engine(*m_library, *m_extractor);
    const std::vector<StoredFingerprint> stored = m_library->catalog().fingerprints(m_library->methodKey()).readable;
    QCOMPARE(int(stored.size()), kClasses * kPerClass);

    double sumAveragePrecision = 0;
    int topOne = 0;
    for (const StoredFingerprint& query : stored) {
        const auto record = m_library->catalog().image(query.imageId);
        QVERIFY(record);
        const QString queryClass = m_classOf.value(record->path);
        QVERIFY2(!queryClass.isEmpty(), qPrintable(record->path));

        const std::vector<Match> matches = engine.searchFingerprint(query.vector, int(stored.size()));
        QCOMPARE(int(matches.size()), int(stored.size()));
        int rank = 0, relevantSoFar = 0;
        double precisionSum = 0;
        bool selfSeen = false;
        float lastScore = 2;
        for (const Match& match : matches) {
            QVERIFY(match.score <= lastScore + 1e-5f);  // best first
            lastScore = match.score;
            if (match.imageId == query.imageId) {
                selfSeen = true;
                QVERIFY2(match.score > 0.999f, "a fingerprint must be its own nearest neighbour");
                continue;
            }
            ++rank;
            const QString matchClass = m_classOf.value(match.path);
            QVERIFY2(!matchClass.isEmpty(), qPrintable(match.path));
            if (matchClass == queryClass) {
                ++relevantSoFar;
                precisionSum += double(relevantSoFar) / rank;
                if (rank == 1)
                    ++topOne;
            }
        }
        QVERIFY(selfSeen);
        QCOMPARE(relevantSoFar, kPerClass - 1);
        sumAveragePrecision += precisionSum / (kPerClass - 1);
    }
    const double meanAveragePrecision = sumAveragePrecision / stored.size();
    const double topOneRate = double(topOne) / stored.size();
    qInfo("Brodatz %d×%d, default method: mAP %.3f (need ≥ %.2f), top-1 %.3f (need ≥ %.2f)", kClasses, kPerClass,
          meanAveragePrecision, kMinMeanAveragePrecision, topOneRate, kMinTopOne);
    QVERIFY2(meanAveragePrecision >= kMinMeanAveragePrecision,
             qPrintable(QStringLiteral("mAP %1 is below %2").arg(meanAveragePrecision).arg(kMinMeanAveragePrecision)));
    QVERIFY2(topOneRate >= kMinTopOne, qPrintable(QStringLiteral("top-1 %1 is below %2").arg(topOneRate).arg(kMinTopOne)));
}

void TestRetrieval::cropFindsItsClass()
{
    // For every class: the central 70 % of its first tile, as a user would paste a
    // detail of a swatch, must find an image of the same class first.
    const QueryEngine engine(*m_library, *m_extractor);
    int sourceFirst = 0;
    for (int c = 0; c < kClasses; ++c) {
        const QString source = QStringLiteral("%1/%2/tile-1.png").arg(m_imageFolder).arg(c);
        QVERIFY2(m_classOf.contains(source), qPrintable(source));
        const QImage full = ImageDecoder::decode(source).image;
        const int w = full.width() * 7 / 10, h = full.height() * 7 / 10;
        const QImage crop = full.copy((full.width() - w) / 2, (full.height() - h) / 2, w, h);
        QCOMPARE(crop.format(), QImage::Format_RGB888);

        const std::vector<Match> matches = engine.search(crop, 5);
        QCOMPARE(int(matches.size()), 5);
        QCOMPARE(matches[0].rank, 1);
        QVERIFY2(m_classOf.value(matches[0].path) == m_classes[c],
                 qPrintable(QStringLiteral("a crop of %1 (class %2) found %3 (class %4) first")
                                .arg(source, m_classes[c], matches[0].path, m_classOf.value(matches[0].path))));
        if (matches[0].path == source)
            ++sourceFirst;
    }
    qInfo("Crops: %d of %d found their own tile first, all found their class first", sourceFirst, kClasses);
}

// Issue 12: the second look put other images above a half-size copy of a library
// image, and how far depended on how many results were asked for.
void TestRetrieval::aCopyAtAnotherSizeComesFirstHoweverManyAreShown()
{
    const QueryEngine engine(*m_library, *m_extractor);
    QVERIFY(m_extractor->config().verifyDepth > 1);
    for (int c = 0; c < kClasses; ++c) {
        const QString source = QStringLiteral("%1/%2/tile-2.png").arg(m_imageFolder).arg(c);
        const QImage full = ImageDecoder::decode(source).image;
        for (const double size : {0.5, 2.0}) {
            const QImage copy = full.scaled(full.size() * size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
            std::vector<QString> firstShown;
            for (const int top : {1, 3, 60}) {
                const QueryEngine::SwatchQuery query = engine.describeSwatch(copy);
                std::vector<Match> matches = engine.searchSwatch(query, engine.candidatesFor(top));
                engine.refine(copy, query, matches, top);
                QCOMPARE(int(matches.size()), std::min(top, kClasses * kPerClass));
                QVERIFY2(matches[0].path == source, qPrintable(QStringLiteral("a ×%1 copy of %2 found %3 first (top %4)")
                                                                   .arg(size).arg(source, matches[0].path).arg(top)));
                if (top > 1)
                    firstShown.push_back(matches[1].path);
            }
            QCOMPARE(firstShown.front(), firstShown.back());   // the runner-up does not depend on `top` either
        }
    }
}

// The second look reads the swatch every way and checks what those readings find
// too: kept to a folder, it must find only what is in it, even when the swatch's
// source, which it would place, is elsewhere.
void TestRetrieval::theSecondLookKeepsToTheSearchsFolder()
{
    const QueryEngine engine(*m_library, *m_extractor);
    QVERIFY(m_extractor->config().swatchOrientations * m_extractor->config().queryScales > 1);
    const QImage turned = ImageDecoder::decode(QStringLiteral("%1/0/tile-2.png").arg(m_imageFolder)).image.mirrored(true, false).transformed(QTransform().rotate(90));
    const QString folder = QStringLiteral("%1/3").arg(m_imageFolder);
    const QueryEngine::SwatchQuery query = engine.describeSwatch(turned);
    QCOMPARE(query.vectors.size(), std::size_t(1));   // the first results read it as photographed
    std::vector<Match> matches = engine.searchSwatch(query, engine.candidatesFor(kPerClass), folder);
    engine.refine(turned, query, matches, kPerClass, folder);
    QCOMPARE(int(matches.size()), kPerClass);
    for (const Match& match : matches)
        QVERIFY2(match.path.startsWith(folder + QLatin1Char('/')), qPrintable(match.path + QStringLiteral(" is not under ") + folder));
    // Unkept, the same look finds the source first.
    std::vector<Match> everywhere = engine.searchSwatch(query, engine.candidatesFor(kPerClass));
    engine.refine(turned, query, everywhere, kPerClass);
    QCOMPARE(everywhere.front().path, QStringLiteral("%1/0/tile-2.png").arg(m_imageFolder));
}

// A swatch lies on the table any way up: the second look reads it in each of its
// orientations and sizes and scores each first match by the reading that fits it
// best, any reading but the one as photographed paying kOtherReadingCost. A turned
// and mirrored photo has among its readings the upright photo as photographed, so
// its source must score at least what the upright photo gives it, less that cost
// (and about 2e-3: the network pads an input of even side on its bottom and right,
// so a turned input is not computed exactly as turned); searched for by every
// reading, as when nothing is placed, it must score that without the cost. As
// photographed alone, the turned photo's source scored up to 0.2 lower on this slice.
void TestRetrieval::theSecondLookReadsATurnedSwatchTheRightWayUp()
{
    const QueryEngine engine(*m_library, *m_extractor);
    QCOMPARE(m_extractor->config().swatchOrientations, 8);
    const auto matchOf = [&](const std::vector<Match>& matches, const QString& path) {
        for (const Match& match : matches)
            if (match.path == path)
                return match;
        return Match();
    };
    for (int c = 0; c < kClasses; ++c) {
        const QString source = QStringLiteral("%1/%2/tile-3.png").arg(m_imageFolder).arg(c);
        const QImage upright = ImageDecoder::decode(source).image;
        const QImage photo = upright.copy(0, 0, upright.width() * 3 / 5, upright.height() / 2);   // not square
        const QImage turned = photo.mirrored(true, false).transformed(QTransform().rotate(90));
        const float uprightScore = matchOf(engine.searchSwatch(engine.describeSwatch(photo), kClasses * kPerClass), source).score;
        const QueryEngine::SwatchQuery everyWay = engine.describeSwatch(turned, FeatureExtractor::SwatchReadings::EveryWay);
        std::vector<Match> matches = engine.searchSwatch(engine.describeSwatch(turned), kClasses * kPerClass);
        engine.scoreByBestReading(everyWay, matches);
        const Match found = matchOf(matches, source);
        QVERIFY2(uprightScore > 0.5f, qPrintable(source));
        QVERIFY2(found.score > uprightScore - QueryEngine::kOtherReadingCost - 0.01f,
                 qPrintable(QStringLiteral("%1: %2 turned, %3 upright").arg(source).arg(found.score).arg(uprightScore)));
        // Searched for by every reading (the second look's search when nothing is
        // placed), the turned photo finds its source at no cost.
        const Match searched = matchOf(engine.searchSwatch(everyWay, kClasses * kPerClass), source);
        QVERIFY2(searched.score > uprightScore - 0.01f,
                 qPrintable(QStringLiteral("%1: %2 searched every way, %3 upright").arg(source).arg(searched.score).arg(uprightScore)));
    }
}

void TestRetrieval::aSecondLookCancelledBeforeItStartsLeavesTheMatchesAsTheyWere()
{
    // A newer swatch dropped while the first answer is shown makes the second look
    // moot: it must not make its sixteen readings (the network) before it asks.
    const QueryEngine engine(*m_library, *m_extractor);
    const QImage upright = ImageDecoder::decode(QStringLiteral("%1/0/tile-3.png").arg(m_imageFolder)).image;
    const QImage photo = upright.copy(0, 0, upright.width() * 3 / 5, upright.height() / 2);
    const QImage turned = photo.mirrored(true, false).transformed(QTransform().rotate(90));
    const QueryEngine::SwatchQuery asPhotographed = engine.describeSwatch(turned);
    const std::vector<Match> first = engine.searchSwatch(asPhotographed, engine.candidatesFor(kPerClass));
    QVERIFY(first.size() > 1);
    // Read every way, the turned photo scores its matches otherwise, so a second
    // look that went ahead would show.
    std::vector<Match> rescored = first;
    engine.scoreByBestReading(engine.describeSwatch(turned, FeatureExtractor::SwatchReadings::EveryWay), rescored);
    QVERIFY(!std::equal(first.begin(), first.end(), rescored.begin(), [](const Match& a, const Match& b) { return a.score == b.score; }));

    std::vector<Match> matches = first;
    int asked = 0;
    engine.refine(turned, asPhotographed, matches, kPerClass, {}, {}, [&] {
        ++asked;
        return true;
    });
    QVERIFY(asked > 0);
    for (std::size_t i = 0; i < std::min(matches.size(), first.size()); ++i) {
        QCOMPARE(matches[i].imageId, first[i].imageId);
        QCOMPARE(matches[i].score, first[i].score);
        QVERIFY(matches[i].orientation == first[i].orientation);
    }
    QCOMPARE(matches.size(), first.size());
}

void TestRetrieval::maskPoolingDescribesWhatTheMaskCovers()
{
    // Two textures side by side; a component on the left half, described by
    // pooling the image's own feature maps under its mask (cfeat=mask, comp=1, deep
    // part only), must look like the left texture on its own, not the right.
    const QImage left = ImageDecoder::decode(QStringLiteral("%1/0/tile-1.png").arg(m_imageFolder)).image;
    const QImage right = ImageDecoder::decode(QStringLiteral("%1/1/tile-1.png").arg(m_imageFolder)).image;
    const int side = 256;
    QImage both(2 * side, side, QImage::Format_RGB888);
    {
        QPainter painter(&both);
        painter.drawImage(QRect(0, 0, side, side), left);
        painter.drawImage(QRect(side, 0, side, side), right);
    }
    const std::unique_ptr<FeatureExtractor> masked = FeatureExtractor::load(
        MethodConfig::fromOverrides(QStringLiteral("hsv=0,photo=0,tex=0,comp=1,cfeat=mask,grid=0")), ModelStore(m_shared + QStringLiteral("/models")));
    Component onTheLeft;
    onTheLeft.box = QRect(0, 0, side, side);
    onTheLeft.mask = QImage(side, side, QImage::Format_Grayscale8);
    onTheLeft.mask.fill(255);
    const Components leftHalf{onTheLeft};
    const std::vector<float> component = masked->describeImage(both, FeatureExtractor::Purpose::Library, &leftHalf).fingerprint;
    // The library's whole view of the same picture, with no components mixed in.
    const Components none;
    const std::vector<float> wholeImage = masked->describeImage(both, FeatureExtractor::Purpose::Library, &none).fingerprint;
    const float toLeft = dot(component, masked->fingerprint(both.copy(0, 0, side, side)));
    const float toRight = dot(component, masked->fingerprint(both.copy(side, 0, side, side)));
    qInfo("mask-pooled left half: cosine %.3f to the left texture, %.3f to the right, %.3f to the whole image", double(toLeft),
          double(toRight), double(dot(component, wholeImage)));
    QVERIFY2(toLeft > toRight + 0.1f, qPrintable(QStringLiteral("left %1, right %2").arg(toLeft).arg(toRight)));
    // A mask over everything is the library's whole-view descriptor again.
    Component everything;
    everything.box = both.rect();
    const Components all{everything};
    QVERIFY(dot(masked->describeImage(both, FeatureExtractor::Purpose::Library, &all).fingerprint, wholeImage) > 0.9999f);
}

void TestRetrieval::eachOrientationIsDescribedAsItsOwnImage()
{
    // A swatch is read in its eight orientations at two sizes, in batches of one
    // input size (a quarter turn swaps its sides); each reading must be what that
    // orientation and size alone give.
    MethodConfig method;
    method.swatchOrientations = 8;
    method.queryScales = 2;
    const FeatureExtractor extractor = FeatureExtractor(method, m_extractor->backbone());
    const QImage full = ImageDecoder::decode(QStringLiteral("%1/0/tile-1.png").arg(m_imageFolder)).image;
    const QImage swatch = full.copy(0, 0, full.width() * 7 / 10, full.height() / 2);   // not square
    const std::vector<FeatureExtractor::SwatchReading> readings = extractor.swatchFingerprints(swatch);
    QCOMPARE(readings.size(), std::size_t(16));
    const std::vector<int> sizes = extractor.querySizes();
    QCOMPARE(sizes.size(), std::size_t(2));
    QVERIFY(sizes[1] < sizes[0]);
    const auto cosine = [](const std::vector<float>& a, const std::vector<float>& b) { return dot(a, b) / std::sqrt(dot(a, a) * dot(b, b)); };
    for (std::size_t k = 0; k < readings.size(); ++k) {
        const FeatureExtractor::SwatchReading& reading = readings[k];
        QCOMPARE(reading.orientation, swatchOrientations(8)[k / 2]);
        QCOMPARE(reading.querySize, sizes[k % 2]);
        MethodConfig alone = method;
        alone.querySize = reading.querySize;
        const std::vector<float> single =
            FeatureExtractor(alone, m_extractor->backbone()).fingerprint(oriented(swatch, reading.orientation), FeatureExtractor::Purpose::Query);
        QVERIFY2(cosine(reading.fingerprint, single) > 0.999f, qPrintable(QStringLiteral("reading %1 differs from its own fingerprint: %2").arg(k).arg(cosine(reading.fingerprint, single))));
        if (k > 0)
            QVERIFY2(cosine(reading.fingerprint, readings[0].fingerprint) < 0.9999f, "another reading must not be described as the first");
    }
}

QTEST_GUILESS_MAIN(TestRetrieval)
// A byte per value (QuantizedVector.h) keeps a fingerprint's direction to about
// 1e-3. Until a library learns its projection, the texture part is 4,656 small
// values beside the other parts' larger ones, and keeps its direction less well:
// on this slice the worst cosines were 0.9979 whole and 0.9963 for the texture part
// (a projected library stores 256 values for it). The checks keep that within bounds.
void TestRetrieval::theTexturePartIsStoredAsExactlyAsTheRest()
{
    const FingerprintLayout& layout = m_extractor->layout();
    QVERIFY2(layout.find(FingerprintPart::Texture), "the default method has no texture part");
    const std::vector<StoredFingerprint> stored = m_library->catalog().fingerprints(m_library->methodKey()).readable;
    QCOMPARE(int(stored.size()), kClasses * kPerClass);
    float worstWhole = 1, worstTexture = 1;
    for (const StoredFingerprint& fingerprint : stored) {
        const auto record = m_library->catalog().image(fingerprint.imageId);
        QVERIFY(record);
        const std::vector<float> exact = m_extractor->fingerprint(ImageDecoder::decode(record->path).image);
        QCOMPARE(fingerprint.vector.size(), exact.size());
        worstWhole = std::min(worstWhole, dot(fingerprint.vector, exact));
        worstTexture = std::min(worstTexture, dot(layout.part(fingerprint.vector, FingerprintPart::Texture), layout.part(exact, FingerprintPart::Texture)));
    }
    qInfo("worst cosine of a stored fingerprint to its file's: %.5f whole, %.5f texture part", double(worstWhole), double(worstTexture));
    QVERIFY2(worstWhole > 0.997f, qPrintable(QString::number(double(worstWhole))));
    QVERIFY2(worstTexture > 0.995f, qPrintable(QString::number(double(worstTexture))));
}

#include "tst_retrieval.moc"
