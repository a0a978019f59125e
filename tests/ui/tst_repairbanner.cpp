// A library whose opening finds damage: the banner names each damaged entry and
// offers Repair, which runs on the library thread, follows its steps and then says
// what it set aside; the damaged images are pending again and the library reopens.
// No model is needed (the library opens read-only without one, the repair needs none).

#include "ui/LibraryBackend.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "UiTestSupport.h"

#include "core/catalog/Catalog.h"
#include "core/pipeline/Library.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace weft;
using namespace weft::ui;

class RepairBannerTest : public QObject {
    Q_OBJECT
private slots:
    void damageIsNamedAndRepairedFromTheBanner();
};

void RepairBannerTest::damageIsNamedAndRepairedFromTheBanner()
{
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("library"));
    const QString catalogPath = QDir(library).filePath(QStringLiteral("catalog.sqlite"));
    MainWindow::Options options;
    options.library = uitest::libraryOptions(library);
    options.library.modelDirectory = dir.filePath(QStringLiteral("no-models-here"));
    QStringList paths;
    std::vector<qint64> ids;
    {
        Library writer(library, options.library.method);
        const QString folder = dir.filePath(QStringLiteral("prints"));
        const qint64 root = writer.catalog().addRoot(folder);
        std::vector<std::vector<float>> vectors;
        for (int i = 0; i < 8; ++i) {
            ImageRecord record;
            record.rootId = root;
            record.path = QStringLiteral("%1/print-%2.png").arg(folder).arg(i);
            ids.push_back(writer.catalog().upsertImage(record));
            paths.append(record.path);
            std::vector<float> vector(16, 0.0f);
            vector[std::size_t(i)] = 1.0f;
            vectors.push_back(vector);
        }
        writer.storeFingerprints(ids, vectors, QSize(32, 32), 1);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(catalogPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE fingerprints SET vector = x'0000C07F' || substr(vector, 5) WHERE image_id = %1").arg(ids[2])));
        QVERIFY(query.exec(QStringLiteral("UPDATE images SET status = 42 WHERE id = %1").arg(ids[5])));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
    QVERIFY(QFile::remove(QDir(library).filePath(QStringLiteral("index.json"))));   // so that opening reads every fingerprint

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged")));
    MainWindow window(options);
    window.resize(1300, 800);
    window.show();
    QSignalSpy damage(&window.backend(), &LibraryBackend::damageFound);
    QVERIFY(damage.wait(60000));
    const QString offer = window.banner()->text();
    QVERIFY2(offer.contains(paths[2]) && offer.contains(paths[5]) && offer.contains(QStringLiteral("weft-cli repair")), qPrintable(offer));
    QVERIFY2(!offer.contains(paths[3]), qPrintable(offer));
    QPushButton* repair = window.banner()->actionButton();
    QVERIFY(repair->isVisibleTo(&window));
    QCOMPARE(repair->text(), QStringLiteral("Repair"));
    // For docs/images/repair-banner.png: WEFT_REPAIR_SCREENSHOTS names a folder.
    const QString screenshots = qEnvironmentVariable("WEFT_REPAIR_SCREENSHOTS");
    const auto screenshot = [&](const QString& name) {
        if (screenshots.isEmpty())
            return;
        QTest::qWait(500);   // the banner's height follows its text
        QVERIFY(window.grab().save(QDir(screenshots).filePath(name)));
    };
    screenshot(QStringLiteral("offer.png"));

    QSignalSpy steps(&window.backend(), &LibraryBackend::repairProgress);
    QSignalSpy repaired(&window.backend(), &LibraryBackend::repaired);
    QSignalSpy reopened(&window.backend(), &LibraryBackend::opened);
    QTest::mouseClick(repair, Qt::LeftButton);
    QVERIFY(!repair->isVisibleTo(&window));   // one repair at a time
    QVERIFY(repaired.wait(60000));
    QCOMPARE(reopened.count(), 1);   // before the report, so that the report stays on the banner
    QVERIFY(window.backend().isOpen());
    QVERIFY(!steps.isEmpty());
    const RepairReport report = repaired.front().front().value<RepairReport>();
    QVERIFY(report.healthy());
    QCOMPARE(report.setAside.size(), std::size_t(2));
    QTest::qWait(200);   // anything else the reopening had to say came before
    const QString done = window.banner()->text();
    QVERIFY2(done.contains(QStringLiteral("Repair finished")) && done.contains(paths[2]) && done.contains(paths[5]), qPrintable(done));
    QVERIFY(!repair->isVisibleTo(&window));
    screenshot(QStringLiteral("done.png"));
    QCOMPARE(damage.count(), 1);   // the reopened library is sound

    Catalog catalog(catalogPath);
    QCOMPARE(catalog.image(ids[2])->status, ImageStatus::Pending);
    QCOMPARE(catalog.image(ids[5])->status, ImageStatus::Pending);
    QCOMPARE(catalog.image(ids[3])->status, ImageStatus::Indexed);
}

QTEST_MAIN(RepairBannerTest)
#include "tst_repairbanner.moc"
