// The declared method settings (`--method`, the Settings dialog, the stored method
// key): every value a setting accepts comes back as written, every value outside
// its bounds is refused with the reason, and `--method` names what it refuses.

#include "core/common/Error.h"
#include "core/features/MethodConfig.h"
#include "core/features/MethodSettings.h"

#include <QSet>
#include <QTest>

using namespace weft;

namespace {

// A value of each end of a setting's range, as text.
QStringList boundsOf(const MethodSetting& setting)
{
    if (setting.kind == MethodSetting::Kind::Choice)
        return setting.choices();
    return {QString::number(setting.minimum), QString::number(setting.maximum)};
}

QString errorOf(const QString& overrides)
{
    try {
        MethodConfig::fromOverrides(overrides);
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

}  // namespace

class MethodSettingsTest : public QObject {
    Q_OBJECT
private slots:
    void namesAreUniqueAndFound();
    void defaultsAreAcceptedValues();
    void valuesAtTheBoundsComeBackAsWritten();
    void valuesOutsideTheBoundsAreRefused();
    void overridesNameWhatTheyRefuse();
};

void MethodSettingsTest::namesAreUniqueAndFound()
{
    QSet<QString> names;
    for (const MethodSetting& setting : methodSettings()) {
        QVERIFY2(!names.contains(setting.name), qPrintable(setting.name));
        names.insert(setting.name);
        QCOMPARE(findMethodSetting(setting.name), &setting);
        QVERIFY2(QString::fromLatin1(setting.help).size() > 10, qPrintable(setting.name));
    }
    QVERIFY(!findMethodSetting(QStringLiteral("colour")));
    QVERIFY(!findMethodSetting(QString()));
}

void MethodSettingsTest::defaultsAreAcceptedValues()
{
    const MethodConfig defaults;
    for (const MethodSetting& setting : methodSettings()) {
        const QString value = setting.value(defaults);
        QVERIFY2(setting.check(value).isEmpty(), qPrintable(setting.name + QLatin1Char('=') + value + QStringLiteral(": ") + setting.check(value)));
    }
}

void MethodSettingsTest::valuesAtTheBoundsComeBackAsWritten()
{
    for (const MethodSetting& setting : methodSettings()) {
        for (const QString& value : boundsOf(setting)) {
            QVERIFY2(setting.check(value).isEmpty(), qPrintable(setting.name + QLatin1Char('=') + value));
            MethodConfig config;
            setting.assign(config, value);
            QCOMPARE(setting.value(config).toDouble(), value.toDouble());   // numbers as numbers ("1" and "1.0")
            if (setting.kind == MethodSetting::Kind::Choice)
                QCOMPARE(setting.value(config), value);
        }
    }
    // gem with its power is a pooling of its own.
    const MethodSetting* pool = findMethodSetting(QStringLiteral("pool"));
    QVERIFY(pool);
    MethodConfig config;
    pool->assign(config, QStringLiteral("gem4.5"));
    QCOMPARE(config.pooling, MethodConfig::Pooling::GeM);
    QCOMPARE(config.gemPower, 4.5f);
    QCOMPARE(pool->value(config), QStringLiteral("gem4.5"));
}

void MethodSettingsTest::valuesOutsideTheBoundsAreRefused()
{
    for (const MethodSetting& setting : methodSettings()) {
        QStringList refused{QString(), QStringLiteral("much"), QStringLiteral("nan"), QStringLiteral("inf")};
        if (setting.kind != MethodSetting::Kind::Choice)
            refused << QString::number(setting.minimum - 1) << QString::number(setting.maximum + 1);
        if (setting.kind == MethodSetting::Kind::Count)
            refused << QString::number(setting.minimum + 0.5);
        for (const QString& value : refused)
            QVERIFY2(!setting.check(value).isEmpty(), qPrintable(setting.name + QLatin1Char('=') + value + QStringLiteral(" was accepted")));
    }
    const MethodSetting* pool = findMethodSetting(QStringLiteral("pool"));
    QVERIFY(pool);
    QVERIFY(!pool->check(QStringLiteral("gem0.5")).isEmpty());
    QVERIFY(!pool->check(QStringLiteral("gem17")).isEmpty());
}

void MethodSettingsTest::overridesNameWhatTheyRefuse()
{
    const QString unknown = errorOf(QStringLiteral("size=64,colour=0.2"));
    QVERIFY2(unknown.contains(QStringLiteral("'colour'")) && unknown.contains(QStringLiteral("hsv")), qPrintable(unknown));   // and lists the known ones
    const QString outside = errorOf(QStringLiteral("verify=500"));
    QVERIFY2(outside.contains(QStringLiteral("verify=500")) && outside.contains(QStringLiteral("200")), qPrintable(outside));
    const QString together = errorOf(QStringLiteral("hsv=0.6,photo=0.5"));
    QVERIFY2(together.contains(QStringLiteral("hsv")) && together.contains(QStringLiteral("photo")), qPrintable(together));
    QCOMPARE(errorOf(QStringLiteral(" size = 64 , grid=0 ")), QString());   // spaces around are fine
    const MethodConfig config = MethodConfig::fromOverrides(QStringLiteral(" size = 64 , grid=0 "));
    QCOMPARE(config.inputSize, 64);
    QCOMPARE(config.grid, 0);
}

QTEST_GUILESS_MAIN(MethodSettingsTest)
#include "tst_methodsettings.moc"
