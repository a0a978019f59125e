// The Settings dialog: built from the method's declared settings, it reports a
// change of library only when the method (or folder, or threads) really changed.

#include "ui/AppSettings.h"
#include "ui/SettingsDialog.h"
#include "UiTestSupport.h"

#include "core/features/MethodSettings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QTemporaryDir>
#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QTimer>

using namespace weft;
using namespace weft::ui;

namespace {

template <typename Widget>
Widget* editorFor(SettingsDialog& dialog, const QString& settingName)
{
    for (Widget* widget : dialog.findChildren<Widget*>())
        if (widget->toolTip() == QString::fromLatin1(findMethodSetting(settingName)->help))
            return widget;
    return nullptr;
}

}  // namespace

class SettingsDialogTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        uitest::isolateSettings(m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
        QCoreApplication::setApplicationName(QStringLiteral("settings"));
    }

    void init() { QSettings().clear(); }

    void okWithNothingChangedKeepsTheLibrary()
    {
        AppSettings settings;
        settings.setMethodValue(QStringLiteral("hsv"), QStringLiteral("0.15"));   // a stored share, as a float once was
        SettingsDialog dialog(settings);
        dialog.accept();
        QVERIFY(!dialog.libraryChanged());
        QCOMPARE(settings.method().key(), MethodConfig().key());
    }

    void everyOfferedSettingHasAnEditor()
    {
        AppSettings settings;
        SettingsDialog dialog(settings);
        int offered = 0;
        for (const MethodSetting& setting : methodSettings()) {
            if (!setting.label)
                continue;
            ++offered;
            QWidget* editor = setting.kind == MethodSetting::Kind::Choice ? static_cast<QWidget*>(editorFor<QComboBox>(dialog, setting.name))
                                                                           : editorFor<QDoubleSpinBox>(dialog, setting.name);
            QVERIFY2(editor, qPrintable(setting.name));
        }
        QVERIFY(offered >= 3);
    }

    void changingTheDetectorOrTheColourWeightReopensTheLibrary()
    {
        {
            AppSettings settings;
            SettingsDialog dialog(settings);
            QComboBox* detector = editorFor<QComboBox>(dialog, QStringLiteral("det"));
            QVERIFY(detector);
            detector->setCurrentIndex(detector->findData(QStringLiteral("none")));
            dialog.accept();
            QVERIFY(dialog.libraryChanged());
            QCOMPARE(settings.method().detector, QStringLiteral("none"));
        }
        {
            AppSettings settings;
            SettingsDialog dialog(settings);
            QDoubleSpinBox* colour = editorFor<QDoubleSpinBox>(dialog, QStringLiteral("hsv"));
            QVERIFY(colour);
            colour->setValue(0.3);
            dialog.accept();
            QVERIFY(dialog.libraryChanged());
            QCOMPARE(settings.method().histogramWeight, 0.3f);
        }
    }

    void settingsThatDoNotFitTogetherAreRefused()
    {
        AppSettings settings;
        SettingsDialog dialog(settings);
        QDoubleSpinBox* colour = editorFor<QDoubleSpinBox>(dialog, QStringLiteral("hsv"));
        colour->setValue(0.9);   // with the camera views' 0.5, nothing is left for the deep feature
        QTimer::singleShot(0, [] {
            for (QWidget* window : QApplication::topLevelWidgets())
                if (auto* box = qobject_cast<QMessageBox*>(window))
                    box->accept();
        });
        dialog.accept();
        QVERIFY(!dialog.libraryChanged());
        QCOMPARE(settings.method().histogramWeight, MethodConfig().histogramWeight);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(SettingsDialogTest)
#include "tst_settingsdialog.moc"
