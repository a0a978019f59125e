// `weft-cli repair` as a user runs it: its exit status, what it prints and its
// JSON, on a damaged library, on the repaired one and on one it cannot repair.

#include "core/catalog/Catalog.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/Library.h"
#include "CatalogDamage.h"
#include "MadeUpFingerprints.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <vector>

using namespace weft;

namespace {

constexpr int kImages = 12;

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(WEFT_CLI_PATH), arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        qFatal("weft-cli %s did not finish", qPrintable(arguments.join(QLatin1Char(' '))));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

}  // namespace

class TestRepairCommand : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_dir.reset(); }

    void repairsAndSaysWhatItDid();
    void refusesWhatItCannotRepair();

private:
    QString libraryFolder() const { return m_dir->filePath(QStringLiteral("library")); }
    QString catalogPath() const { return QDir(libraryFolder()).filePath(QStringLiteral("catalog.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::vector<qint64> m_ids;
    QStringList m_paths;
};

void TestRepairCommand::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_ids.clear();
    m_paths.clear();
    std::mt19937 random(5);
    Library library(libraryFolder(), MethodConfig());
    Catalog& catalog = library.catalog();
    const QString folder = m_dir->filePath(QStringLiteral("patterns"));
    const qint64 rootId = catalog.addRoot(folder);
    std::vector<std::vector<float>> vectors;
    for (int i = 0; i < kImages; ++i) {
        ImageRecord record;
        record.rootId = rootId;
        record.path = QStringLiteral("%1/pattern-%2.png").arg(folder).arg(i);
        m_ids.push_back(catalog.upsertImage(record));
        m_paths.append(record.path);
        vectors.push_back(test::randomUnitVector(random, 16));
    }
    library.storeFingerprints(m_ids, vectors, QSize(32, 32), 1);
}

void TestRepairCommand::repairsAndSaysWhatItDid()
{
    test::execOnCatalog(catalogPath(), {
        QStringLiteral("UPDATE fingerprints SET vector = substr(vector, 1, 6) WHERE image_id = %1").arg(m_ids[3]),
        QStringLiteral("UPDATE images SET status = 7 WHERE id = %1").arg(m_ids[8]),
    });
    const Run first = runCli({QStringLiteral("repair"), QStringLiteral("--library"), libraryFolder(), QStringLiteral("--json")});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QJsonObject report = QJsonDocument::fromJson(first.out.toUtf8()).object();
    QVERIFY2(!report.isEmpty(), qPrintable(first.out));
    QCOMPARE(report.value(QStringLiteral("library")).toString(), libraryFolder());
    QCOMPARE(report.value(QStringLiteral("healthy")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("found_nothing")).toBool(), false);
    QCOMPARE(report.value(QStringLiteral("catalog_problems")).toArray().size(), 0);
    QVERIFY(report.value(QStringLiteral("salvage")).isNull());
    QCOMPARE(report.value(QStringLiteral("indexed")).toInt(), kImages - 2);
    QStringList setAside;
    for (const QJsonValue& entry : report.value(QStringLiteral("set_aside")).toArray()) {
        QVERIFY(!entry.toObject().value(QStringLiteral("reason")).toString().isEmpty());
        setAside.append(entry.toObject().value(QStringLiteral("path")).toString());
    }
    QCOMPARE(setAside, (QStringList{m_paths[3], m_paths[8]}));

    const Run second = runCli({QStringLiteral("repair"), QStringLiteral("--library"), libraryFolder()});
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY2(second.out.contains(QStringLiteral("entries  0 damaged")) && second.out.contains(QStringLiteral("Nothing was damaged.")),
             qPrintable(second.out));
    QVERIFY2(second.out.contains(QStringLiteral("rebuilt from %1 fingerprints").arg(kImages - 2)), qPrintable(second.out));
}

void TestRepairCommand::refusesWhatItCannotRepair()
{
    test::writeFile(catalogPath(), QByteArray(16 * 1024, 'x'));
    const Run garbage = runCli({QStringLiteral("repair"), QStringLiteral("--library"), libraryFolder(), QStringLiteral("--json")});
    QCOMPARE(garbage.exitCode, 1);
    QVERIFY2(garbage.err.contains(catalogPath()) && garbage.err.contains(QStringLiteral("cannot be repaired")), qPrintable(garbage.err));
    QVERIFY2(garbage.out.isEmpty(), qPrintable(garbage.out));

    const QString nowhere = m_dir->filePath(QStringLiteral("no-library"));
    const Run missing = runCli({QStringLiteral("repair"), QStringLiteral("--library"), nowhere});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(nowhere), qPrintable(missing.err));
}

QTEST_GUILESS_MAIN(TestRepairCommand)
#include "tst_repaircommand.moc"
