// The orders a folder can be browsed in.

#include "core/catalog/ImageOrder.h"

#include <QTest>

using namespace weft;

namespace {

ImageRecord image(const char* path, qint64 size, qint64 mtimeMs)
{
    ImageRecord record;
    record.path = QString::fromUtf8(path);
    record.size = size;
    record.mtimeMs = mtimeMs;
    return record;
}

QStringList sortedPaths(ImageOrder order)
{
    QList<ImageRecord> images{image("/lib/b/pattern-10.png", 300, 1000), image("/lib/a/Pattern-2.png", 700, 3000),
                              image("/lib/a/pattern-1.png", 300, 2000), image("/lib/b/pattern-2.png", 100, 3000),
                              image("/lib/a/Ärmel.png", 900, 500), image("/lib/a/zebra.png", 500, 4000)};
    sortImages(images, order);
    QStringList paths;
    for (const ImageRecord& record : std::as_const(images))
        paths.append(record.path);
    return paths;
}

}  // namespace

class ImageOrderTest : public QObject {
    Q_OBJECT
private slots:
    void byNameAsPeopleReadIt()
    {
        // Numbers by value, letter case and accents aside; the same name goes by folder.
        QCOMPARE(sortedPaths(ImageOrder::Name), (QStringList{"/lib/a/Ärmel.png", "/lib/a/pattern-1.png", "/lib/a/Pattern-2.png",
                                                             "/lib/b/pattern-2.png", "/lib/b/pattern-10.png", "/lib/a/zebra.png"}));
    }
    void newestFirst()
    {
        QCOMPARE(sortedPaths(ImageOrder::Newest), (QStringList{"/lib/a/zebra.png", "/lib/a/Pattern-2.png", "/lib/b/pattern-2.png",
                                                               "/lib/a/pattern-1.png", "/lib/b/pattern-10.png", "/lib/a/Ärmel.png"}));
    }
    void largestFirst()
    {
        QCOMPARE(sortedPaths(ImageOrder::Largest), (QStringList{"/lib/a/Ärmel.png", "/lib/a/Pattern-2.png", "/lib/a/zebra.png",
                                                                "/lib/a/pattern-1.png", "/lib/b/pattern-10.png", "/lib/b/pattern-2.png"}));
    }
};

QTEST_GUILESS_MAIN(ImageOrderTest)
#include "tst_imageorder.moc"
