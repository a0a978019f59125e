// The contact sheet: a PDF of A4 pages, one per ContactSheet::kPerPage matches,
// also when some matches can no longer be read.

#include "core/common/Error.h"
#include "core/export/ContactSheet.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

namespace {

ContactSheetContent content(const QString& folder, int matches)
{
    ContactSheetContent sheet;
    sheet.swatch = QImage(300, 200, QImage::Format_RGB888);
    sheet.swatch.fill(Qt::darkCyan);
    sheet.queryName = QStringLiteral("Rose, large 花卉.jpg");
    sheet.searchedAt = QDateTime(QDate(2024, 5, 17), QTime(14, 30));
    // A wide and a tall picture, and a file that is not there: drawn as unreadable.
    const QStringList paths{QDir(folder).filePath(QStringLiteral("wide.png")), QDir(folder).filePath(QStringLiteral("tall.jpg")),
                            QDir(folder).filePath(QStringLiteral("gone.png"))};
    QImage wide(400, 200, QImage::Format_RGB888), tall(150, 450, QImage::Format_RGB888);
    wide.fill(Qt::red);
    tall.fill(Qt::blue);
    if (!wide.save(paths[0]) || !tall.save(paths[1]))
        qFatal("cannot write the test images in %s", qPrintable(folder));
    for (int i = 0; i < matches; ++i) {
        Match match;
        match.rank = i + 1;
        match.score = 1.0f - i * 0.01f;
        match.path = paths[i % paths.size()];
        sheet.matches.append(match);
    }
    return sheet;
}

// Page objects, not the page tree ("/Type /Pages").
int pagesIn(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return int(QString::fromLatin1(pdf).count(page));
}

}  // namespace

class ContactSheetTest : public QObject {
    Q_OBJECT
private slots:
    void onePagePerGridOfMatches_data();
    void onePagePerGridOfMatches();
    void unwritableFileIsAnError();
};

void ContactSheetTest::onePagePerGridOfMatches_data()
{
    QTest::addColumn<int>("matches");
    QTest::addColumn<int>("pages");
    QTest::newRow("one full page") << ContactSheet::kPerPage << 1;
    QTest::newRow("two full pages and three more") << 2 * ContactSheet::kPerPage + 3 << 3;
    QTest::newRow("a single match") << 1 << 1;
}

void ContactSheetTest::onePagePerGridOfMatches()
{
    QFETCH(int, matches);
    QFETCH(int, pages);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sheet.pdf"));
    ContactSheet::write(path, content(dir.path(), matches));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY2(pdf.startsWith("%PDF"), pdf.left(16).constData());
    QCOMPARE(pagesIn(pdf), pages);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Hidden | QDir::Files).filter(QStringLiteral(".tmp")), QStringList());
}

void ContactSheetTest::unwritableFileIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no such folder/sheet.pdf"));
    QVERIFY_THROWS_EXCEPTION(Error, ContactSheet::write(path, content(dir.path(), 2)));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(ContactSheetTest)
#include "tst_contactsheet.moc"
