// What the window does with a drag: it takes an image file (or image data, or an
// image's web address) as a swatch, refuses what is no image before it is
// dropped, and offers a dropped folder for adding to the library.

#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/SyntheticDrop.h"
#include "UiTestSupport.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

// Answers the question about a dropped folder in the user's place.
class AnsweringWindow : public MainWindow {
public:
    using MainWindow::MainWindow;

    bool answer = true;
    QStringList askedAbout;

protected:
    bool confirmAddingFolder(const QString& path) override
    {
        askedAbout.append(path);
        return answer;
    }
};

QMimeData* mimeWithFile(const QString& path)
{
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(path)});
    return mime;
}

}  // namespace

class DropFeedbackTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void aTextFileIsRefusedAtOnce();
    void anImageFileIsTaken();
    void aDroppedFolderIsAddedWhenTheUserSaysSo();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AnsweringWindow> m_window;
};

void DropFeedbackTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    m_window = std::make_unique<AnsweringWindow>(options);
    m_window->show();
    QSignalSpy opened(&m_window->backend(), &LibraryBackend::opened);
    QVERIFY(m_window->backend().isOpen() || opened.wait(60000));
}

void DropFeedbackTest::cleanupTestCase()
{
    m_window.reset();
}

void DropFeedbackTest::aTextFileIsRefusedAtOnce()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(uitest::writeFile(path, "a list of fabrics\n"));
    std::unique_ptr<QMimeData> mime(mimeWithFile(path));
    QVERIFY(!sendSyntheticDragEnter(m_window.get(), mime.get()));
}

void DropFeedbackTest::anImageFileIsTaken()
{
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("swatch")), 1);
    std::unique_ptr<QMimeData> mime(mimeWithFile(images.front()));
    QVERIFY(sendSyntheticDragEnter(m_window.get(), mime.get()));
    QVERIFY(m_window->askedAbout.isEmpty());
}

void DropFeedbackTest::aDroppedFolderIsAddedWhenTheUserSaysSo()
{
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns")), 3);
    const QString folder = QFileInfo(images.front()).absolutePath();
    std::unique_ptr<QMimeData> mime(mimeWithFile(folder));
    QSignalSpy folders(&m_window->backend(), &LibraryBackend::foldersLoaded);
    m_window->answer = true;
    QVERIFY(sendSyntheticDrop(m_window.get(), mime.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->askedAbout, QStringList{folder}, 10000);
    // The folder is now one of the library's.
    QVERIFY(QTest::qWaitFor([&] {
        const QList<FolderStatus>& shown = m_window->libraryPanel()->folders();
        return shown.size() == 1 && shown.front().path == folder;
    }, 60000));
}

QTEST_MAIN(DropFeedbackTest)
#include "tst_dropfeedback.moc"
