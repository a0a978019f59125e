// DuplicateFinder on a small library of garment photos (fashion-texture) indexed
// with the real default method: a copy at three-quarter size is grouped with its
// source as duplicates, a copy turned in hue with its source as colourways, the
// other photos in no group; a folder keeps the search to its images; the work
// stops when asked.
//
// Needs $WEFT_SHARED_DIR/models and $WEFT_SHARED_DIR/datasets/fashion-texture.

#include "core/common/Error.h"
#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/DuplicateFinder.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace weft;

namespace {

// The first photo of each of these classes (labels.csv order): all in colour,
// and no two alike.
const QStringList kClasses = {QStringLiteral("argyle"), QStringLiteral("dotted"), QStringLiteral("floral"),
                              QStringLiteral("leopard"), QStringLiteral("paisley"), QStringLiteral("tartan")};

QImage turnedInHue(const QImage& image, int degrees)
{
    QImage turned = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < turned.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(turned.scanLine(y));
        for (int x = 0; x < turned.width(); ++x) {
            QColor colour = QColor::fromRgb(line[x]).toHsv();
            if (colour.hsvHue() >= 0)
                colour.setHsv((colour.hsvHue() + degrees) % 360, colour.hsvSaturation(), colour.value());
            line[x] = colour.rgb();
        }
    }
    return turned;
}

QSet<QString> pathsOf(const PrintGroup& group)
{
    QSet<QString> paths;
    for (const PrintGroup::Member& member : group.members)
        paths.insert(member.path);
    return paths;
}

// Stops after `limit` images, keeping what it was told.
class StopAfter : public ProgressObserver {
public:
    explicit StopAfter(qint64 limit) : m_limit(limit) {}
    void progress(const ProgressReport& report) override { reports.push_back(report); }
    bool shouldStop() override { return !reports.empty() && reports.back().done >= m_limit; }
    std::vector<ProgressReport> reports;

private:
    qint64 m_limit;
};

}  // namespace

class TestDuplicateFinder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void aSmallerCopyIsADuplicateOfItsSource();
    void aCopyInOtherColoursIsAColourwayOfItsSource();
    void unrelatedPhotosAreInNoGroup();
    void aFolderKeepsToItsImages();
    void stopsWhenAsked();
    void aFolderWithoutIndexedImagesIsAnError();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_prints;   // the source photos and their copies
    QString m_others;   // photos of other prints
    QString m_source, m_smaller, m_recoloured, m_recolouredSource;
    QStringList m_unrelated;
    std::unique_ptr<FeatureExtractor> m_extractor;
    std::unique_ptr<Library> m_library;
    PrintGroups m_found;
};

void TestDuplicateFinder::initTestCase()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    const QString dataset = shared + QStringLiteral("/datasets/fashion-texture");
    if (shared.isEmpty() || !QFileInfo(shared + QStringLiteral("/models")).isDir() || !QFileInfo(dataset + QStringLiteral("/labels.csv")).isFile())
        QFAIL(qPrintable(QStringLiteral("needs the shared models and the fashion-texture data set: set WEFT_SHARED_DIR (ctest does) "
                                        "to a folder holding models/ and datasets/fashion-texture/labels.csv (looked in '%1')")
                             .arg(shared)));
    QFile labels(dataset + QStringLiteral("/labels.csv"));
    QVERIFY(labels.open(QIODevice::ReadOnly | QIODevice::Text));
    QStringList firsts;   // one photo per class of kClasses, in its order
    QHash<QString, QString> firstOf;
    while (!labels.atEnd()) {
        const QStringList fields = QString::fromUtf8(labels.readLine()).trimmed().split(QLatin1Char(','));
        if (fields.size() == 2 && kClasses.contains(fields[1]) && !firstOf.contains(fields[1]))
            firstOf.insert(fields[1], dataset + QLatin1Char('/') + fields[0]);
    }
    for (const QString& label : kClasses)
        firsts.append(firstOf.value(label));
    QVERIFY2(!firsts.contains(QString()), "a class of kClasses is missing from labels.csv");

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_prints = m_dir->filePath(QStringLiteral("images/prints"));
    m_others = m_dir->filePath(QStringLiteral("images/others"));
    QVERIFY(QDir().mkpath(m_prints) && QDir().mkpath(m_others));
    m_prints = QFileInfo(m_prints).canonicalFilePath();
    m_others = QFileInfo(m_others).canonicalFilePath();

    const QImage source = ImageDecoder::decode(firsts[0]).image;
    m_source = m_prints + QStringLiteral("/source.png");
    m_smaller = m_prints + QStringLiteral("/source-smaller.jpg");
    QVERIFY(source.save(m_source));
    QVERIFY(source.scaled(source.size() * 3 / 4, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(m_smaller, "JPEG", 85));
    const QImage print = ImageDecoder::decode(firsts[1]).image;
    m_recolouredSource = m_prints + QStringLiteral("/print.png");
    m_recoloured = m_prints + QStringLiteral("/print-turned.png");
    QVERIFY(print.save(m_recolouredSource));
    QVERIFY(turnedInHue(print, 150).save(m_recoloured));
    for (int i = 2; i < firsts.size(); ++i) {
        m_unrelated.append(m_others + QStringLiteral("/other-%1.png").arg(i));
        QVERIFY(ImageDecoder::decode(firsts[i]).image.save(m_unrelated.back()));
    }

    const MethodConfig method;   // the default, with its colour part
    m_extractor = FeatureExtractor::load(method, ModelStore(shared + QStringLiteral("/models")));
    m_library = std::make_unique<Library>(m_dir->filePath(QStringLiteral("library")), method);
    m_library->catalog().addRoot(m_dir->filePath(QStringLiteral("images")));
    Scanner::scan(m_library->catalog(), m_library->catalog().roots());
    const IndexSummary indexed = Indexer(*m_library, *m_extractor).run();
    QCOMPARE(indexed.indexed, qint64(4 + m_unrelated.size()));

    m_found = DuplicateFinder(*m_library, *m_extractor).find();
    for (const PrintGroup& group : m_found.groups)
        qInfo("%s: %s", group.kind == PrintGroup::Kind::Duplicates ? "duplicates" : "colourways",
              qPrintable(QStringList(pathsOf(group).values()).join(QLatin1Char(' '))));
}

void TestDuplicateFinder::cleanupTestCase()
{
    m_library.reset();
    m_dir.reset();
}

void TestDuplicateFinder::aSmallerCopyIsADuplicateOfItsSource()
{
    QCOMPARE(m_found.total, qint64(4 + m_unrelated.size()));
    QCOMPARE(m_found.compared, m_found.total);
    QVERIFY(!m_found.stopped);
    int duplicates = 0;
    for (const PrintGroup& group : m_found.groups) {
        if (group.kind != PrintGroup::Kind::Duplicates)
            continue;
        ++duplicates;
        QCOMPARE(pathsOf(group), (QSet<QString>{m_source, m_smaller}));
        QCOMPARE(group.members.front().path, m_source);   // the larger picture first
        for (const PrintGroup::Member& member : group.members) {
            QVERIFY(member.pattern >= m_found.samePrint);
            QVERIFY(member.colour >= DuplicateFinder::kSameColours);
        }
    }
    QCOMPARE(duplicates, 1);
}

void TestDuplicateFinder::aCopyInOtherColoursIsAColourwayOfItsSource()
{
    int colourways = 0;
    for (const PrintGroup& group : m_found.groups) {
        if (group.kind != PrintGroup::Kind::Colourways)
            continue;
        ++colourways;
        QCOMPARE(pathsOf(group), (QSet<QString>{m_recolouredSource, m_recoloured}));
        for (const PrintGroup::Member& member : group.members) {
            QVERIFY(member.pattern >= m_found.samePrint);
            QVERIFY(member.colour < DuplicateFinder::kSameColours);
        }
    }
    QCOMPARE(colourways, 1);
}

void TestDuplicateFinder::unrelatedPhotosAreInNoGroup()
{
    for (const PrintGroup& group : m_found.groups)
        for (const QString& unrelated : std::as_const(m_unrelated))
            QVERIFY2(!pathsOf(group).contains(unrelated), qPrintable(unrelated));
}

void TestDuplicateFinder::aFolderKeepsToItsImages()
{
    const DuplicateFinder finder(*m_library, *m_extractor);
    const PrintGroups others = finder.find(m_others);
    QCOMPARE(others.total, qint64(m_unrelated.size()));
    QVERIFY(others.groups.empty());
    const PrintGroups prints = finder.find(m_prints);
    QCOMPARE(prints.total, qint64(4));
    QCOMPARE(prints.groups.size(), m_found.groups.size());
    for (std::size_t i = 0; i < prints.groups.size(); ++i) {
        QCOMPARE(prints.groups[i].kind, m_found.groups[i].kind);
        QCOMPARE(pathsOf(prints.groups[i]), pathsOf(m_found.groups[i]));
    }
}

void TestDuplicateFinder::stopsWhenAsked()
{
    StopAfter observer(3);
    const PrintGroups found = DuplicateFinder(*m_library, *m_extractor).find({}, &observer);
    QVERIFY(found.stopped);
    QCOMPARE(found.compared, qint64(3));
    QCOMPARE(found.total, qint64(4 + m_unrelated.size()));
    QCOMPARE(int(observer.reports.size()), 3);
    for (std::size_t i = 0; i < observer.reports.size(); ++i) {
        QCOMPARE(observer.reports[i].phase, ProgressPhase::Comparing);
        QCOMPARE(observer.reports[i].done, qint64(i + 1));
        QCOMPARE(observer.reports[i].total, found.total);
    }
}

void TestDuplicateFinder::aFolderWithoutIndexedImagesIsAnError()
{
    const QString empty = m_dir->filePath(QStringLiteral("images/empty"));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY_THROWS_EXCEPTION(Error, DuplicateFinder(*m_library, *m_extractor).find(QFileInfo(empty).canonicalFilePath()));
}

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
