// A library learns its fingerprint projection from its different prints, not from
// its files: copies of a file (a folder added twice) neither bring it to
// Library::kProjectionAt sooner nor weigh more in what it learns. Made-up
// fingerprints (no model); what it learns is compared with what a library of the
// same prints without copies learns.

#include "core/catalog/Catalog.h"
#include "core/features/FingerprintLayout.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/Library.h"
#include "MadeUpFingerprints.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>
#include <vector>

using namespace weft;

class TestLibraryProjection : public QObject {
    Q_OBJECT

private slots:
    void copiesCountAndWeighOnce();

private:
    // Adds one image for each of `vectors` under `folder`, its content `contents[i]`.
    void addImages(Library& library, const QString& folder, const std::vector<std::vector<float>>& vectors, const std::vector<QByteArray>& contents);
};

void TestLibraryProjection::addImages(Library& library, const QString& folder, const std::vector<std::vector<float>>& vectors,
                                      const std::vector<QByteArray>& contents)
{
    Catalog& catalog = library.catalog();
    std::vector<qint64> ids;
    {
        Catalog::Transaction transaction(catalog);
        for (std::size_t i = 0; i < vectors.size(); ++i) {
            ImageRecord record;
            record.path = QStringLiteral("%1/image-%2.png").arg(folder).arg(i, 4, 10, QLatin1Char('0'));
            record.contentHash = contents[i];
            ids.push_back(catalog.upsertImage(record));
        }
        transaction.commit();
    }
    library.storeFingerprints(ids, vectors, QSize(64, 64), 2);
}

void TestLibraryProjection::copiesCountAndWeighOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const FingerprintLayout layout({{FingerprintPart::Deep, 0, 600, 0.8f}, {FingerprintPart::Colour, 0, 24, 0.2f}});
    std::mt19937 random(5);
    Library library(dir.filePath(QStringLiteral("library")), MethodConfig());

    // Two thirds of kProjectionAt prints, each in two folders: more files than
    // kProjectionAt, fewer prints.
    const int copied = 2 * Library::kProjectionAt / 3;
    std::vector<std::vector<float>> prints;
    std::vector<QByteArray> contents;
    for (int i = 0; i < copied; ++i) {
        prints.push_back(test::randomUnitVector(random, layout.dimension()));
        contents.push_back(QByteArray("content ") + QByteArray::number(i));
    }
    addImages(library, dir.filePath(QStringLiteral("prints")), prints, contents);
    addImages(library, dir.filePath(QStringLiteral("prints-again")), prints, contents);
    QCOMPARE(library.catalog().fingerprintCount(library.methodKey()), qint64(2 * copied));
    QCOMPARE(library.catalog().contentCount(library.methodKey()), qint64(copied));
    QVERIFY(!library.learnProjectionIfDue(layout));
    QVERIFY(!library.isProjected());

    // The rest, once each: now it learns, and from each print once, as if there
    // were no copies.
    std::vector<std::vector<float>> more;
    std::vector<QByteArray> moreContents;
    for (int i = copied; i < Library::kProjectionAt; ++i) {
        more.push_back(test::randomUnitVector(random, layout.dimension()));
        moreContents.push_back(QByteArray("content ") + QByteArray::number(i));
    }
    addImages(library, dir.filePath(QStringLiteral("more")), more, moreContents);
    QCOMPARE(library.catalog().contentCount(library.methodKey()), qint64(Library::kProjectionAt));
    QVERIFY(library.learnProjectionIfDue(layout));
    QVERIFY(library.isProjected());
    Library withoutCopies(dir.filePath(QStringLiteral("library-without-copies")), MethodConfig());
    addImages(withoutCopies, dir.filePath(QStringLiteral("prints")), prints, contents);
    addImages(withoutCopies, dir.filePath(QStringLiteral("more")), more, moreContents);
    QVERIFY(withoutCopies.learnProjectionIfDue(layout));
    QCOMPARE(library.catalog().projection(library.methodKey()), withoutCopies.catalog().projection(withoutCopies.methodKey()));
}

QTEST_GUILESS_MAIN(TestLibraryProjection)
#include "tst_libraryprojection.moc"
