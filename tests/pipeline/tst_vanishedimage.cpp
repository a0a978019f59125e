// An image deleted while the library is updated is counted once, as failed: never
// also as new or as indexed (issue 13, defect 7 g). Gone between the scan and the
// indexing, indexing fails it; gone between the scan's listing of the folder and
// its look at the file, the scan reports it and catalogues nothing.

#include "SharedModels.h"

#include "core/features/FeatureExtractor.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace weft;

namespace {

constexpr int kImages = 5;

// Counts the failures reported; deletes `victim` as the scan comes to it.
struct Observer : ProgressObserver {
    void progress(const ProgressReport& report) override
    {
        if (report.phase == ProgressPhase::Scanning && report.currentFile == victim)
            QFile::remove(victim);
        last = report;
    }
    void fileFailed(const QString& path, const QString&) override { failed.append(path); }
    QString victim;
    QStringList failed;
    ProgressReport last;
};

}  // namespace

class VanishedImageTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void goneBeforeIndexingFailsOnce();
    void goneWhileScannedFailsOnceAndIsNotNew();

private:
    std::unique_ptr<FeatureExtractor> m_extractor;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    QStringList m_paths;
};

void VanishedImageTest::initTestCase()
{
    WEFT_REQUIRE_MODELS_FOLDER();
    m_extractor = FeatureExtractor::load(MethodConfig::fromOverrides(QStringLiteral("size=64,grid=0,det=none")),
                                         ModelStore(pipelinetest::modelsFolder()));
}

void VanishedImageTest::init()
{
    m_library.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    const QString images = m_dir->filePath(QStringLiteral("images"));
    QVERIFY(QDir().mkpath(images));
    m_paths.clear();
    for (int n = 0; n < kImages; ++n) {
        QImage image(96, 96, QImage::Format_RGB888);
        image.fill(QColor::fromHsv(n * 60, 180, 200));
        QPainter(&image).fillRect(10 * n, 0, 12, 96, Qt::black);
        m_paths.append(QDir(images).filePath(QStringLiteral("p%1.png").arg(n)));
        QVERIFY(image.save(m_paths.back()));
    }
    m_library = std::make_unique<Library>(m_dir->filePath(QStringLiteral("library")), m_extractor->config());
    m_library->catalog().addRoot(images);
}

void VanishedImageTest::goneBeforeIndexingFailsOnce()
{
    const ScanSummary scan = Scanner::scan(m_library->catalog(), m_library->catalog().roots());
    QCOMPARE(scan.added, qint64(kImages));
    m_library->syncIndex();
    QVERIFY(QFile::remove(m_paths[2]));
    Observer observer;
    const IndexSummary summary = Indexer(*m_library, *m_extractor).run(&observer);
    QCOMPARE(summary.indexed, qint64(kImages - 1));
    QCOMPARE(summary.failed, qint64(1));
    QCOMPARE(observer.failed, QStringList{m_paths[2]});
    QCOMPARE(observer.last.done, qint64(kImages));
    const CatalogCounts counts = m_library->catalog().counts(m_library->methodKey());
    QCOMPARE(counts.indexed, qint64(kImages - 1));
    QCOMPARE(counts.failed, qint64(1));
    QCOMPARE(qint64(m_library->index()->size()), qint64(kImages - 1));
}

void VanishedImageTest::goneWhileScannedFailsOnceAndIsNotNew()
{
    Observer observer;
    observer.victim = m_paths[2];
    const ScanSummary scan = Scanner::scan(m_library->catalog(), m_library->catalog().roots(), &observer);
    QVERIFY(!QFileInfo::exists(m_paths[2]));
    QCOMPARE(observer.failed, QStringList{m_paths[2]});
    QCOMPARE(scan.added, qint64(kImages - 1));
    m_library->syncIndex();
    Observer indexing;
    const IndexSummary summary = Indexer(*m_library, *m_extractor).run(&indexing);
    QCOMPARE(summary.indexed, qint64(kImages - 1));
    QCOMPARE(summary.failed, qint64(0));
    const CatalogCounts counts = m_library->catalog().counts(m_library->methodKey());
    QCOMPARE(counts.indexed + counts.failed + counts.pending + counts.stale, qint64(kImages - 1));
}

QTEST_MAIN(VanishedImageTest)
#include "tst_vanishedimage.moc"
