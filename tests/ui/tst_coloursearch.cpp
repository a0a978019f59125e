// Colour in the window: the swatch's main colours as chips under it, a chip keeping
// only the matches that hold its colour (and released, all again), "Pick a colour…"
// searching the library by a colour, and the "Any colourway" switch searching the
// swatch again and being remembered. With the real model on a small library of
// patterns whose colours are known by construction (uitest::writePatterns).

#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/PaletteBar.h"
#include "ui/QueryPanel.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include "core/colour/LabColour.h"

#include <QCheckBox>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace weft;
using namespace weft::ui;

namespace {

constexpr int kPatterns = 8;
constexpr int kSwatch = 2;

// The two colours uitest::writePatterns paints pattern `i` in.
QList<QColor> coloursOf(int i)
{
    return {QColor::fromHsv((i * 67) % 360, 60 + (i * 37) % 150, 230), QColor::fromHsv((i * 67 + 180) % 360, 200, 60 + (i * 53) % 150)};
}

float nearest(const QColor& colour, const QList<QColor>& among)
{
    float best = 1e9f;
    for (const QColor& other : among)
        best = std::min(best, deltaE(LabColour::fromColour(colour), LabColour::fromColour(other)));
    return best;
}

}  // namespace

class ColourSearchTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void theSwatchsColoursAreChips();
    void aChipKeepsTheMatchesHoldingItsColour();
    void pickingAColourSearchesTheLibraryByIt();
    void theSwitchSearchesAgainAndIsRemembered();
    void cleanupTestCase();

private:
    void searchSwatch();
    QStringList shownPaths() const;
    int patternOf(const QString& path) const { return int(m_patterns.indexOf(path)); }
    PaletteBar* palette() const { return m_window->findChild<QueryPanel*>()->paletteBar(); }

    QTemporaryDir m_dir;
    QStringList m_patterns;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void ColourSearchTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns")), kPatterns);
    m_settings = std::make_unique<AppSettings>();
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.foldersToAdd = {QFileInfo(m_patterns.front()).absolutePath()};
    options.settings = m_settings.get();
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), kPatterns, 300000));
}

void ColourSearchTest::cleanupTestCase()
{
    m_window.reset();
}

void ColourSearchTest::searchSwatch()
{
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->searchFor({m_patterns[kSwatch], {}, QFileInfo(m_patterns[kSwatch]).fileName()});
    QVERIFY(shown.wait(60000));
}

QStringList ColourSearchTest::shownPaths() const
{
    QStringList paths;
    for (int row = 0; row < m_window->resultsModel()->rowCount(); ++row)
        paths.append(m_window->resultsModel()->index(row).data(ResultsModel::PathRole).toString());
    return paths;
}

void ColourSearchTest::theSwatchsColoursAreChips()
{
    searchSwatch();
    const QList<QToolButton*> chips = palette()->chips();
    QVERIFY2(chips.size() >= 2, qPrintable(QString::number(chips.size())));
    // Its ground and its ink are among them, none is pressed.
    QList<QColor> shown;
    for (const QToolButton* chip : chips) {
        shown.append(chip->property("colour").value<QColor>());
        QVERIFY(!chip->isChecked());
        QTRY_VERIFY(chip->isVisible());   // shown by the layout once the event loop runs
    }
    for (const QColor& painted : coloursOf(kSwatch))
        QVERIFY2(nearest(painted, shown) < 8.0f, qPrintable(painted.name()));
}

void ColourSearchTest::aChipKeepsTheMatchesHoldingItsColour()
{
    searchSwatch();
    const QStringList all = shownPaths();
    QCOMPARE(all.size(), kPatterns);
    // The chip of the swatch's ink.
    const QColor ink = coloursOf(kSwatch)[1];
    QToolButton* chip = nullptr;
    for (QToolButton* candidate : palette()->chips())
        if (nearest(candidate->property("colour").value<QColor>(), {ink}) < 8.0f)
            chip = candidate;
    QVERIFY(chip);
    const QColor chosen = chip->property("colour").value<QColor>();

    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    QTest::mouseClick(chip, Qt::LeftButton);
    QVERIFY(shown.wait(60000));
    const QStringList kept = shownPaths();
    QVERIFY2(!kept.isEmpty() && kept.size() < all.size(), qPrintable(kept.join(QLatin1Char(' '))));
    QCOMPARE(kept.front(), m_patterns[kSwatch]);
    // No pattern painted in colours far from the chip's is left.
    for (const QString& path : kept)
        QVERIFY2(nearest(chosen, coloursOf(patternOf(path))) < 40.0f, qPrintable(path));
    // Pressed still, in the new answer's chips.
    QTRY_VERIFY(!palette()->chips().isEmpty());
    QCOMPARE(palette()->chosenColours(), QList<QColor>{chosen});

    // Released: all of them again.
    QToolButton* pressed = nullptr;
    for (QToolButton* candidate : palette()->chips())
        if (candidate->isChecked())
            pressed = candidate;
    QVERIFY(pressed);
    QTest::mouseClick(pressed, Qt::LeftButton);
    QVERIFY(shown.wait(60000));
    QCOMPARE(shownPaths().size(), all.size());
    QVERIFY(palette()->chosenColours().isEmpty());
}

void ColourSearchTest::pickingAColourSearchesTheLibraryByIt()
{
    const int wanted = 5;
    const QColor ink = coloursOf(wanted)[1];
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    emit palette()->colourPicked(ink);
    QVERIFY(shown.wait(60000));
    const QStringList found = shownPaths();
    QVERIFY2(found.contains(m_patterns[wanted]), qPrintable(found.join(QLatin1Char(' '))));
    for (const QString& path : found)
        QVERIFY2(nearest(ink, coloursOf(patternOf(path))) < 40.0f, qPrintable(path));
    const QString caption = m_window->findChild<QueryPanel*>()->caption();
    QVERIFY2(caption.contains(ink.name()), qPrintable(caption));
    QVERIFY(palette()->chips().isEmpty());   // no swatch, no swatch colours
}

void ColourSearchTest::theSwitchSearchesAgainAndIsRemembered()
{
    searchSwatch();
    QCOMPARE(m_settings->colourway(), Colourway::AsPhotographed);
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->findChild<QueryPanel*>()->colourwaySwitch()->click();
    QVERIFY(shown.wait(60000));
    const QString caption = m_window->findChild<QueryPanel*>()->caption();
    QVERIFY2(caption.contains(QStringLiteral("any colourway")), qPrintable(caption));
    QCOMPARE(shownPaths().front(), m_patterns[kSwatch]);
    QCOMPARE(m_settings->colourway(), Colourway::Any);

    // A window opened later starts with it on.
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("another-library")));
    options.settings = m_settings.get();
    options.updateOnOpen = false;
    MainWindow later(options);
    QVERIFY(later.findChild<QueryPanel*>()->colourwaySwitch()->isChecked());

    m_window->findChild<QueryPanel*>()->colourwaySwitch()->click();
    QVERIFY(shown.wait(60000));
    QCOMPARE(m_settings->colourway(), Colourway::AsPhotographed);
}

QTEST_MAIN(ColourSearchTest)
#include "tst_coloursearch.moc"
