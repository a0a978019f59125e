// The Settings dialog: built from the method's declared settings, it reports a
// change of library only when the method (or folder, or threads) really changed;
// in the window, OK with nothing changed leaves the library and the results be.

#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/ResultsModel.h"
#include "ui/SettingsDialog.h"
#include "UiTestSupport.h"

#include "core/features/MethodSettings.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QTemporaryDir>
#include <QApplication>
#include <QMessageBox>
#include <QTest>
#include <QPushButton>
#include <QSignalSpy>
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

    void aShareFinerThanItsEditorIsKept()
    {
        AppSettings settings;
        settings.setMethodValue(QStringLiteral("hsv"), QStringLiteral("0.125"));   // the box shows two decimals
        SettingsDialog dialog(settings);
        dialog.accept();
        QVERIFY(!dialog.libraryChanged());
        QCOMPARE(settings.method().histogramWeight, 0.125f);
    }

    void okInTheWindowKeepsTheLibraryAndTheResults();

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

void SettingsDialogTest::okInTheWindowKeepsTheLibraryAndTheResults()
{
    WEFT_REQUIRE_MODEL();
    const QStringList patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("window/patterns")), 4);
    AppSettings settings;
    settings.setMethodValue(QStringLiteral("hsv"), QStringLiteral("0.125"));   // finer than the dialog's box shows
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("window/library")));
    options.foldersToAdd = {QFileInfo(patterns.front()).absolutePath()};
    options.settings = &settings;
    MainWindow window(options);
    window.show();
    QSignalSpy finished(&window.backend(), &LibraryBackend::indexingFinished);
    QVERIFY(finished.wait(120000));
    QSignalSpy shown(&window, &MainWindow::resultsShown);
    window.searchFor({patterns[2], {}, QStringLiteral("pattern-02.png")});
    QVERIFY(shown.wait(60000));
    QCOMPARE(window.resultsModel()->rowCount(), 4);

    QAction* openSettings = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == QStringLiteral("&Settings…"))
            openSettings = action;
    QVERIFY(openSettings);
    bool pressedOk = false;
    QTimer::singleShot(0, [&pressedOk] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* dialog = qobject_cast<SettingsDialog*>(widget)) {
                dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
                pressedOk = true;
            }
    });
    QSignalSpy opened(&window.backend(), &LibraryBackend::opened);
    openSettings->trigger();   // returns when the dialog is closed
    QVERIFY(pressedOk);
    QVERIFY(window.backend().isOpen());
    QCOMPARE(window.resultsModel()->rowCount(), 4);
    QCOMPARE(opened.count(), 0);
    QCOMPARE(settings.method().histogramWeight, 0.125f);
}

QTEST_MAIN(SettingsDialogTest)
#include "tst_settingsdialog.moc"
