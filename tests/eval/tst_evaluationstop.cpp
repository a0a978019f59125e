// The evaluations stop when asked (Ctrl+C in `weft-cli eval`). The class
// protocol, before the first query or after some, ends with the numbers of the
// queries done and says it stopped; left alone it runs every query (made-up
// fingerprints, no model: three classes of images near their class's direction).
// The swatch protocol's second look, the longest part of a query, asks too: a
// stop asked only from its threads ends the run without counting that query.

#include "core/eval/ClassEvaluation.h"
#include "core/eval/SwatchEvaluation.h"
#include "core/eval/SwatchSet.h"
#include "core/features/FeatureExtractor.h"
#include "core/features/FingerprintLayout.h"
#include "core/features/MethodConfig.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"
#include "core/pipeline/Scanner.h"
#include "pipeline/MadeUpFingerprints.h"
#include "pipeline/SharedModels.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <random>

using namespace weft;

namespace {

constexpr int kDimension = 16;
constexpr int kImages = 12;

// Asks to stop once `stopAfter` queries were reported done.
struct StopAfter : ProgressObserver {
    explicit StopAfter(qint64 queries) : stopAfter(queries) {}
    qint64 stopAfter;
    qint64 done = 0;
    void progress(const ProgressReport& report) override
    {
        QCOMPARE(report.phase, ProgressPhase::Querying);
        done = report.done;
    }
    bool shouldStop() override { return done >= stopAfter; }
};

// Asks to stop only when asked from another thread than the test's: from the
// second look's threads.
struct StopInSecondLook : ProgressObserver {
    QThread* testThread = QThread::currentThread();
    bool askedThere = false;
    void progress(const ProgressReport&) override {}
    bool shouldStop() override
    {
        askedThere = askedThere || QThread::currentThread() != testThread;
        return askedThere;
    }
};

}  // namespace

class TestEvaluationStop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void classEvaluationStopsWhenAsked_data();
    void classEvaluationStopsWhenAsked();
    void swatchEvaluationStopsInTheSecondLook();

private:
    QTemporaryDir m_dir;
    QList<LabelledImage> m_labels;
};

void TestEvaluationStop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    std::mt19937 random(11);
    std::vector<std::vector<float>> centres;
    for (int c = 0; c < 3; ++c)
        centres.push_back(test::randomUnitVector(random, kDimension));
    Library library(m_dir.filePath(QStringLiteral("library")), MethodConfig());
    const QString folder = m_dir.filePath(QStringLiteral("patterns"));
    const qint64 root = library.catalog().addRoot(folder);
    std::vector<qint64> ids;
    std::vector<std::vector<float>> vectors;
    for (int i = 0; i < kImages; ++i) {
        ImageRecord record;
        record.rootId = root;
        record.path = QStringLiteral("%1/pattern-%2.png").arg(folder).arg(i);
        ids.push_back(library.catalog().upsertImage(record));
        std::vector<float> vector = test::randomUnitVector(random, kDimension);
        float length = 0;
        for (int d = 0; d < kDimension; ++d) {
            vector[std::size_t(d)] = 0.3f * vector[std::size_t(d)] + centres[std::size_t(i % 3)][std::size_t(d)];
            length += vector[std::size_t(d)] * vector[std::size_t(d)];
        }
        for (float& value : vector)
            value /= std::sqrt(length);
        vectors.push_back(vector);
        m_labels.append({record.path, QStringLiteral("class-%1").arg(i % 3)});
    }
    library.storeFingerprints(ids, vectors, QSize(32, 32), 1);
}

void TestEvaluationStop::classEvaluationStopsWhenAsked_data()
{
    QTest::addColumn<qint64>("stopAfter");
    QTest::addColumn<int>("queries");
    QTest::newRow("before the first query") << qint64(0) << 0;
    QTest::newRow("after five queries") << qint64(5) << 5;
    QTest::newRow("never") << qint64(kImages + 1) << kImages;
}

void TestEvaluationStop::classEvaluationStopsWhenAsked()
{
    QFETCH(qint64, stopAfter);
    QFETCH(int, queries);
    Library library(m_dir.filePath(QStringLiteral("library")), MethodConfig(), Library::Access::ReadOnly);
    const FingerprintLayout layout({{FingerprintPart::Deep, 0, kDimension, 1.0f}});
    StopAfter observer(stopAfter);
    const ClassEvaluationReport report = evaluateClasses(library, MethodConfig(), layout, m_labels, &observer);
    QCOMPARE(report.quality.queries, queries);
    QCOMPARE(report.stopped, queries < kImages);
    QCOMPARE(report.unusable, 0);
    if (queries > 0)
        QVERIFY2(report.quality.topOne > 0.5, qPrintable(QString::number(report.quality.topOne)));   // the queries done were ranked
}

void TestEvaluationStop::swatchEvaluationStopsInTheSecondLook()
{
    WEFT_REQUIRE_MODELS_FOLDER();
    QTemporaryDir dir;
    QList<LabelledImage> labels;
    for (int i = 0; i < 6; ++i) {
        QImage image(240, 240, QImage::Format_RGB888);
        image.fill(QColor::fromHsv(i * 60, 90, 230));
        QPainter painter(&image);
        painter.setPen(QPen(QColor::fromHsv((i * 60 + 150) % 360, 200, 90), 6 + 3 * i));
        for (int x = -240; x < 480; x += 24 + 8 * i)
            painter.drawLine(x, 0, x + 120 * (i - 1), 240);
        painter.end();
        const QString path = dir.filePath(QStringLiteral("source-%1.png").arg(i));
        QVERIFY(image.save(path));
        labels.append({path, QStringLiteral("print-%1").arg(i)});
    }
    const SwatchSet set = SwatchSet::build(labels, dir.filePath(QStringLiteral("swatch-set")));
    const auto extractor = FeatureExtractor::load(MethodConfig::fromOverrides(QStringLiteral("size=64,grid=0,det=none,verify=6")),
                                                  ModelStore(pipelinetest::modelsFolder()));
    Library library(dir.filePath(QStringLiteral("library")), extractor->config());
    const QString libraryImages = set.folder() + QStringLiteral("/library");
    Scanner::scan(library.catalog(), {{library.catalog().addRoot(libraryImages), libraryImages}});
    library.syncIndex();
    Indexer(library, *extractor).run();

    StopInSecondLook stopping;
    const SwatchEvaluationReport stopped = evaluateSwatches(library, *extractor, set, 0, &stopping);
    QVERIFY2(stopping.askedThere, "the second look never asked whether to stop");
    QVERIFY(stopped.stopped);
    QCOMPARE(stopped.quality.queries, 0);

    const SwatchEvaluationReport whole = evaluateSwatches(library, *extractor, set);
    QVERIFY(!whole.stopped);
    QCOMPARE(whole.quality.queries, int(set.items().size()));
}

QTEST_GUILESS_MAIN(TestEvaluationStop)
#include "tst_evaluationstop.moc"
