// Images of extreme shape (a pixel wide and thousands high, a single pixel, ...)
// beside ordinary ones: indexing goes through all of them, each thin image is either
// indexed or failed with a message that names it, and every ordinary one is indexed.
// They also serve as swatches and as the library images a swatch's second look
// checks. The real MobileNetV2 from the shared models folder runs at a tiny input
// size, with the motif detector, so that every step that scales an image is taken.

#include "core/catalog/Catalog.h"
#include "core/common/Error.h"
#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "core/pipeline/Scanner.h"
#include "SharedModels.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace weft;

namespace {

const QString kMethod = QStringLiteral("size=64,det=motif,verify=20,orient=4,qsize=64");
const QList<QSize> kThinSizes{{2, 3000},  {1, 1024}, {20, 10000}, {3000, 2}, {1, 1}, {1, 2},   {2, 1},
                              {10000, 20}, {1024, 1}, {1, 5000},  {5000, 1}, {3, 3}, {4, 4000}, {40, 1100}};

// Stripes of two colours, so that there is something to describe at any size.
QImage stripes(QSize size, int seed)
{
    QImage image(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixelColor(x, y, ((x + y) / (3 + seed % 5)) % 2 ? QColor(200, 40 + 10 * seed % 200, 60) : QColor(245, 240, 220));
    return image;
}

QString sizeName(QSize size)
{
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

}  // namespace

class TestThinImages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void indexingGoesThroughThinImages();
    void thinImagesAsSwatchesAndInTheSecondLook();

private:
    std::unique_ptr<FeatureExtractor> m_extractor;
    QTemporaryDir m_dir;
    QString m_images, m_library;
    QStringList m_thin, m_good;
};

void TestThinImages::initTestCase()
{
    WEFT_REQUIRE_MODELS_FOLDER();
    m_extractor = FeatureExtractor::load(MethodConfig::fromOverrides(kMethod), ModelStore(pipelinetest::modelsFolder()));
    QVERIFY(m_extractor->detector());

    QVERIFY(m_dir.isValid());
    m_images = m_dir.filePath(QStringLiteral("images"));
    m_library = m_dir.filePath(QStringLiteral("library"));
    QVERIFY(QDir().mkpath(m_images));
    for (int n = 0; n < kThinSizes.size(); ++n) {
        const QString path = QStringLiteral("%1/thin-%2.png").arg(m_images, sizeName(kThinSizes[n]));
        QVERIFY2(stripes(kThinSizes[n], n).save(path), qPrintable(path));
        m_thin.append(path);
    }
    for (int n = 0; n < 3; ++n) {
        const QString path = QStringLiteral("%1/good-%2.jpg").arg(m_images).arg(n);
        QVERIFY2(stripes(QSize(160 + 20 * n, 120), 7 + n).save(path, "JPG", 95), qPrintable(path));
        m_good.append(path);
    }
}

void TestThinImages::indexingGoesThroughThinImages()
{
    Library library(m_library, m_extractor->config());
    library.catalog().addRoot(m_images);
    Scanner::scan(library.catalog(), library.catalog().roots());
    library.syncIndex();
    IndexSummary summary;
    try {
        summary = Indexer(library, *m_extractor).run();
    } catch (const std::exception& error) {
        QFAIL(qPrintable(QStringLiteral("the indexing run ended: %1").arg(QString::fromUtf8(error.what()))));
    }
    QCOMPARE(summary.indexed + summary.failed, qint64(m_thin.size() + m_good.size()));

    const Catalog& catalog = library.catalog();
    for (const QString& good : std::as_const(m_good)) {
        const auto record = catalog.imageByPath(good);
        QVERIFY2(record && record->status == ImageStatus::Indexed, qPrintable(good + QStringLiteral(": ") + (record ? record->error : QString())));
    }
    for (const QString& thin : std::as_const(m_thin)) {
        const auto record = catalog.imageByPath(thin);
        QVERIFY2(record, qPrintable(thin));
        if (record->status == ImageStatus::Indexed)
            continue;
        QVERIFY2(record->status == ImageStatus::Failed && record->error.contains(QDir::toNativeSeparators(thin)),
                 qPrintable(QStringLiteral("%1 is neither indexed nor failed with a message naming it: \"%2\"").arg(thin, record->error)));
    }
}

void TestThinImages::thinImagesAsSwatchesAndInTheSecondLook()
{
    Library library(m_library, m_extractor->config());
    if (library.catalog().images(ImageStatus::Indexed).isEmpty())
        QFAIL("needs the library indexingGoesThroughThinImages made");
    const QueryEngine engine(library, *m_extractor);
    for (const QString& path : m_thin + m_good) {
        const QImage swatch = ImageDecoder::decode(path).image;
        try {
            const QueryEngine::SwatchQuery query = engine.describeSwatch(swatch);
            std::vector<Match> matches = engine.searchSwatch(query, engine.candidatesFor(10));
            engine.refine(swatch, query, matches, 10);
            QVERIFY2(!matches.empty(), qPrintable(path + QStringLiteral(" as a swatch finds nothing")));
        } catch (const Error&) {
            // A swatch may be refused with a message; anything else would end the lookup with a library's text.
        } catch (const std::exception& error) {
            QFAIL(qPrintable(QStringLiteral("%1 as a swatch: %2").arg(path, QString::fromUtf8(error.what()))));
        }
    }
}

QTEST_GUILESS_MAIN(TestThinImages)
#include "tst_thinimages.moc"
