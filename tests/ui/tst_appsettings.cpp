// The user's settings as they are kept between sessions: what a first start gets,
// what one session writes and the next reads back (checked in the file itself),
// and what a damaged or hand-edited file falls back to.

#include "ui/AppSettings.h"
#include "UiTestSupport.h"

#include "core/features/MethodSettings.h"
#include "core/pipeline/Library.h"

#include <QCoreApplication>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace weft;
using namespace weft::ui;

class AppSettingsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void firstStartHasTheDefaults();
    void choicesAreKeptForTheNextSession();
    void defaultsAreNotWrittenDown();
    void unreadableValuesFallBackToTheDefaults();
    void valuesOutOfRangeAreBroughtIntoIt();
    void methodChoicesThatNoLongerFitGiveTheDefaultMethod();

private:
    // The settings file, read apart from AppSettings.
    QSettings file() const { return QSettings(QSettings().fileName(), QSettings::IniFormat); }

    QTemporaryDir m_dir;
};

void AppSettingsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    uitest::isolateSettings(m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    QCoreApplication::setApplicationName(QStringLiteral("appsettings"));
    QVERIFY2(QSettings().fileName().startsWith(m_dir.path()), qPrintable(QSettings().fileName()));
}

void AppSettingsTest::init()
{
    QSettings().clear();
}

void AppSettingsTest::firstStartHasTheDefaults()
{
    const AppSettings settings;
    QCOMPARE(settings.libraryFolder(), Library::defaultLocation());
    QCOMPARE(settings.threads(), 0);
    QCOMPARE(settings.thumbnailSize(), 160);
    QCOMPARE(settings.minimumScore(), 0.0);
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.lastFolder(), QString());
    QVERIFY(settings.windowGeometry().isEmpty());
    QVERIFY(settings.windowState().isEmpty());
    QVERIFY(settings.splitterState(QStringLiteral("main")).isEmpty());
    const MethodConfig defaults;
    for (const MethodSetting& setting : methodSettings())
        QCOMPARE(settings.methodValue(setting.name), setting.value(defaults));
    QCOMPARE(settings.method().key(), defaults.key());
    QCOMPARE(settings.method().queryKey(), defaults.queryKey());
    QVERIFY(file().allKeys().isEmpty());   // reading writes nothing
}

void AppSettingsTest::choicesAreKeptForTheNextSession()
{
    const QString library = m_dir.filePath(QStringLiteral("my library"));
    {
        AppSettings settings;
        settings.setLibraryFolder(library);
        settings.setThreads(3);
        settings.setThumbnailSize(200);
        settings.setMinimumScore(0.45);
        settings.setLanguage(QStringLiteral("zh_CN"));
        settings.setLastFolder(QStringLiteral("/home/designer/swatches"));
        settings.setWindowGeometry(QByteArray("geometry\0bytes", 14));
        settings.setWindowState(QByteArray("state"));
        settings.setSplitterState(QStringLiteral("main"), QByteArray("split"));
        settings.setMethodValue(QStringLiteral("verify"), QStringLiteral("7"));
        settings.setMethodValue(QStringLiteral("pool"), QStringLiteral("max"));
        settings.setMethodValue(QStringLiteral("hsv"), QStringLiteral("0.25"));
    }
    // In the file, under the keys a later version will look for.
    const QSettings stored = file();
    QCOMPARE(stored.value(QStringLiteral("library/folder")).toString(), library);
    QCOMPARE(stored.value(QStringLiteral("performance/threads")).toInt(), 3);
    QCOMPARE(stored.value(QStringLiteral("view/thumbnailSize")).toInt(), 200);
    QCOMPARE(stored.value(QStringLiteral("search/minimumScore")).toDouble(), 0.45);
    QCOMPARE(stored.value(QStringLiteral("view/language")).toString(), QStringLiteral("zh_CN"));
    QCOMPARE(stored.value(QStringLiteral("dialogs/lastFolder")).toString(), QStringLiteral("/home/designer/swatches"));
    QCOMPARE(stored.value(QStringLiteral("window/geometry")).toByteArray(), QByteArray("geometry\0bytes", 14));
    QCOMPARE(stored.value(QStringLiteral("window/splitter-main")).toByteArray(), QByteArray("split"));
    QCOMPARE(stored.value(QStringLiteral("method/verify")).toString(), QStringLiteral("7"));
    QCOMPARE(stored.value(QStringLiteral("method/pool")).toString(), QStringLiteral("max"));

    const AppSettings next;
    QCOMPARE(next.libraryFolder(), library);
    QCOMPARE(next.threads(), 3);
    QCOMPARE(next.thumbnailSize(), 200);
    QCOMPARE(next.minimumScore(), 0.45);
    QCOMPARE(next.language(), QStringLiteral("zh_CN"));
    QCOMPARE(next.lastFolder(), QStringLiteral("/home/designer/swatches"));
    QCOMPARE(next.windowGeometry(), QByteArray("geometry\0bytes", 14));
    QCOMPARE(next.windowState(), QByteArray("state"));
    QCOMPARE(next.splitterState(QStringLiteral("main")), QByteArray("split"));
    QVERIFY(next.splitterState(QStringLiteral("other")).isEmpty());
    const MethodConfig method = next.method();
    QCOMPARE(method.verifyDepth, 7);
    QCOMPARE(method.pooling, MethodConfig::Pooling::Max);
    QCOMPARE(method.histogramWeight, 0.25f);
    // The rest as the defaults have it.
    const MethodConfig defaults;
    QCOMPARE(method.inputSize, defaults.inputSize);
    QCOMPARE(method.detector, defaults.detector);
    QCOMPARE(method.swatchOrientations, defaults.swatchOrientations);
}

// A choice equal to today's default is not kept, so that a later version's better
// default applies to it.
void AppSettingsTest::defaultsAreNotWrittenDown()
{
    const MethodSetting* verify = findMethodSetting(QStringLiteral("verify"));
    QVERIFY(verify);
    {
        AppSettings settings;
        settings.setMethodValue(QStringLiteral("verify"), QStringLiteral("7"));
        settings.setLibraryFolder(m_dir.filePath(QStringLiteral("elsewhere")));
    }
    QVERIFY(file().contains(QStringLiteral("method/verify")));
    {
        AppSettings settings;
        settings.setMethodValue(QStringLiteral("verify"), verify->value(MethodConfig()));
        settings.setLibraryFolder(Library::defaultLocation());
    }
    QVERIFY(!file().contains(QStringLiteral("method/verify")));
    QCOMPARE(file().value(QStringLiteral("library/folder")).toString(), QString());
    QCOMPARE(AppSettings().libraryFolder(), Library::defaultLocation());
}

void AppSettingsTest::unreadableValuesFallBackToTheDefaults()
{
    {
        QSettings stored = file();
        stored.setValue(QStringLiteral("performance/threads"), QStringLiteral("lots"));
        stored.setValue(QStringLiteral("view/thumbnailSize"), QStringLiteral("large"));
        stored.setValue(QStringLiteral("search/minimumScore"), QStringLiteral("high"));
        stored.setValue(QStringLiteral("method/verify"), QStringLiteral("many"));
        stored.setValue(QStringLiteral("method/pool"), QStringLiteral("median"));
        stored.setValue(QStringLiteral("method/hsv"), QStringLiteral("nan"));
    }
    const AppSettings settings;
    QCOMPARE(settings.threads(), 0);
    QCOMPARE(settings.thumbnailSize(), 160);
    QCOMPARE(settings.minimumScore(), 0.0);
    const MethodConfig defaults;
    for (const char* name : {"verify", "pool", "hsv"})
        QCOMPARE(settings.methodValue(QLatin1String(name)), findMethodSetting(QLatin1String(name))->value(defaults));
    QCOMPARE(settings.method().key(), defaults.key());
    QCOMPARE(settings.method().queryKey(), defaults.queryKey());
    file().setValue(QStringLiteral("search/minimumScore"), QStringLiteral("nan"));   // read as a number, but none
    QCOMPARE(AppSettings().minimumScore(), 0.0);
}

void AppSettingsTest::valuesOutOfRangeAreBroughtIntoIt()
{
    {
        QSettings stored = file();
        stored.setValue(QStringLiteral("performance/threads"), -4);
        stored.setValue(QStringLiteral("view/thumbnailSize"), 5000);
        stored.setValue(QStringLiteral("search/minimumScore"), 1.5);
        stored.setValue(QStringLiteral("method/verify"), 100000);
    }
    {
        const AppSettings settings;
        QCOMPARE(settings.threads(), 0);
        QCOMPARE(settings.thumbnailSize(), AppSettings::kMaxThumbnailSize);
        QCOMPARE(settings.minimumScore(), 1.0);
        QCOMPARE(settings.method().verifyDepth, MethodConfig().verifyDepth);
    }
    {
        QSettings stored = file();
        stored.setValue(QStringLiteral("view/thumbnailSize"), 3);
        stored.setValue(QStringLiteral("search/minimumScore"), -0.5);
    }
    const AppSettings settings;
    QCOMPARE(settings.thumbnailSize(), AppSettings::kMinThumbnailSize);
    QCOMPARE(settings.minimumScore(), 0.0);
}

void AppSettingsTest::methodChoicesThatNoLongerFitGiveTheDefaultMethod()
{
    {
        // Each share valid on its own; together they leave nothing for the deep feature.
        QSettings stored = file();
        stored.setValue(QStringLiteral("method/hsv"), QStringLiteral("0.6"));
        stored.setValue(QStringLiteral("method/photo"), QStringLiteral("0.5"));
        stored.setValue(QStringLiteral("method/no-longer-a-setting"), QStringLiteral("1"));
    }
    const AppSettings settings;
    QCOMPARE(settings.methodValue(QStringLiteral("hsv")), QStringLiteral("0.6"));
    QCOMPARE(settings.method().key(), MethodConfig().key());
}

QTEST_MAIN(AppSettingsTest)
#include "tst_appsettings.moc"
