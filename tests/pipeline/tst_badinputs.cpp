// The bad-input corpus (common/BadInputCorpus.h) indexed as a user's folder: damaged,
// empty and mislabelled files, a decompression bomb, extreme shapes, special files and a
// few good images, made at test time. Scanning and indexing must finish, every good image
// must be indexed, every bad one failed with a reason that names it, and the library must
// open again afterwards. The real MobileNetV2 from the shared models folder runs at a tiny
// input size.
//
// The work runs on a thread of its own and is waited for at most kPatience: should it
// hang, the test fails instead of hanging (the thread is left behind).

#include "common/BadInputCorpus.h"
#include "core/catalog/Catalog.h"
#include "core/features/FeatureExtractor.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Library.h"
#include "HangCheck.h"
#include "SharedModels.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>

using namespace weft;
using namespace weft::testcorpus;

namespace {

const QString kMethod = QStringLiteral("size=64,grid=0,det=none");
// A hang check (the work takes seconds), below Qt Test's own limit of 300 s per test function.
constexpr std::chrono::seconds kPatience{200};

QString describe(const CorpusEntry& entry)
{
    return QStringLiteral("%1 (%2)").arg(entry.path, entry.what);
}

}  // namespace

class TestBadInputs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void indexingTheCorpusGivesEveryFileItsOutcome();

private:
    std::shared_ptr<const FeatureExtractor> m_extractor;
};

void TestBadInputs::initTestCase()
{
    WEFT_REQUIRE_MODELS_FOLDER();
    m_extractor = FeatureExtractor::load(MethodConfig::fromOverrides(kMethod), ModelStore(pipelinetest::modelsFolder()));
}

void TestBadInputs::indexingTheCorpusGivesEveryFileItsOutcome()
{
    auto dir = std::make_shared<QTemporaryDir>();   // shared with a thread that may outlive a failed test
    QVERIFY(dir->isValid());
    const QString images = dir->filePath(QStringLiteral("images"));
    QVERIFY(QDir().mkpath(images));
    QList<CorpusEntry> corpus;
    try {
        corpus = writeBadInputCorpus(images);
    } catch (const std::exception& error) {
        QFAIL(error.what());
    }

    const QString libraryFolder = dir->filePath(QStringLiteral("library"));
    const QString problem = pipelinetest::scanAndIndexWithin(kPatience, libraryFolder, images, m_extractor, dir);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Opened again, as the next start of the app would.
    Library library(libraryFolder, m_extractor->config());
    const Catalog& catalog = library.catalog();
    int indexed = 0;
    for (const CorpusEntry& entry : std::as_const(corpus)) {
        const auto record = catalog.imageByPath(entry.path);
        QVERIFY2(record, qPrintable(describe(entry) + QStringLiteral(" is not in the catalog, so nobody learns what became of it")));
        qInfo("%s: %s", qPrintable(entry.what), record->status == ImageStatus::Indexed ? "indexed" : qPrintable(record->error));
        const bool isIndexed = record->status == ImageStatus::Indexed;
        const bool isFailed = record->status == ImageStatus::Failed;
        switch (entry.expected) {
        case Expectation::Indexed:
            QVERIFY2(isIndexed, qPrintable(describe(entry) + QStringLiteral(" is not indexed: ") + record->error));
            break;
        case Expectation::Failed:
            QVERIFY2(isFailed, qPrintable(describe(entry) + QStringLiteral(" is not failed")));
            break;
        case Expectation::IndexedOrFailed:
            QVERIFY2(isIndexed || isFailed, qPrintable(describe(entry) + QStringLiteral(" is neither indexed nor failed")));
            break;
        }
        if (isIndexed) {
            QVERIFY2(catalog.fingerprint(record->id), qPrintable(describe(entry) + QStringLiteral(" has no fingerprint")));
            ++indexed;
        } else {
            QVERIFY2(record->error.contains(QDir::toNativeSeparators(entry.path)),
                     qPrintable(QStringLiteral("%1 failed with \"%2\", which does not name it").arg(describe(entry), record->error)));
        }
    }
    // Nothing else (the folder named like an image is a folder) and nothing left pending.
    QCOMPARE(catalog.images(catalog.roots().front().id).size(), corpus.size());
    QVERIFY(library.index());
    QCOMPARE(int(library.index()->size()), indexed);
}

QTEST_GUILESS_MAIN(TestBadInputs)
#include "tst_badinputs.moc"
