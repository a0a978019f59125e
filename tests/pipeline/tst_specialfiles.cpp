// A library folder that holds, under image names, things that are not files: a link
// to /dev/zero (endless to read), a named pipe (whose opening waits for a writer), a
// socket, link loops. Scanning and indexing it must finish, catalogue each of them as
// failed with the reason, and index every real image beside them. The real MobileNetV2
// from the shared models folder runs at a tiny input size.
//
// The work runs on a thread of its own and is waited for at most kPatience: should it
// hang, the test fails instead of hanging (the thread is left behind).

#include "core/catalog/Catalog.h"
#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"
#include "SharedModels.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <thread>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace weft;

namespace {

const QString kMethod = QStringLiteral("size=64,grid=0,det=none");
// A hang check (the work takes seconds), below Qt Test's own limit of 300 s per test function.
constexpr std::chrono::seconds kPatience{120};

// Runs `work` on a thread of its own; false if it has not finished within kPatience.
bool finishes(std::function<void()> work)
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    std::thread thread([work = std::move(work), done] {
        work();
        done->set_value();
    });
    if (finished.wait_for(kPatience) != std::future_status::ready) {
        thread.detach();
        return false;
    }
    thread.join();
    return true;
}

QImage pattern(int seed)
{
    QImage image(96, 80, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixelColor(x, y, ((x / (6 + seed)) + (y / (5 + seed))) % 2 ? QColor(30 * seed, 200, 90) : QColor(240, 235, 220));
    return image;
}

bool makeSocket(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    sockaddr_un address{};
    if (std::size_t(name.size()) >= sizeof(address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::copy(name.begin(), name.end(), address.sun_path);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);   // the socket file stays
    return bound;
}

}  // namespace

class TestSpecialFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void indexingFinishesAndNamesEachSpecialFile();
    void decoderRefusesSpecialFiles();

private:
    std::shared_ptr<const FeatureExtractor> m_extractor;
    std::shared_ptr<QTemporaryDir> m_dir;   // shared with a thread that may outlive a failed test
    QString m_images;
    QStringList m_goodImages;
    // Special entry → what its failure must say besides naming it.
    QList<QPair<QString, QString>> m_special;
};

void TestSpecialFiles::initTestCase()
{
    WEFT_REQUIRE_MODELS_FOLDER();
    m_extractor = FeatureExtractor::load(MethodConfig::fromOverrides(kMethod), ModelStore(pipelinetest::modelsFolder()));
    if (!QFileInfo(QStringLiteral("/dev/zero")).exists())
        QFAIL("needs /dev/zero");
}

void TestSpecialFiles::init()
{
    m_dir = std::make_shared<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_images = m_dir->filePath(QStringLiteral("images"));
    QVERIFY(QDir().mkpath(m_images + QStringLiteral("/folder.jpg")));
    m_goodImages = {m_images + QStringLiteral("/a.png"), m_images + QStringLiteral("/b.jpg"),
                    m_images + QStringLiteral("/folder.jpg/c.png")};   // a folder named like an image is a folder
    for (int n = 0; n < m_goodImages.size(); ++n)
        QVERIFY(pattern(n + 1).save(m_goodImages[n]));

    const auto path = [&](const char* name) { return m_images + QLatin1Char('/') + QLatin1String(name); };
    const auto link = [&](const QString& target, const char* name) {
        QVERIFY2(::symlink(QFile::encodeName(target).constData(), QFile::encodeName(path(name)).constData()) == 0, name);
    };
    QVERIFY(::mkfifo(QFile::encodeName(path("pipe.png")).constData(), 0644) == 0);
    QVERIFY(::mkfifo(QFile::encodeName(m_dir->filePath(QStringLiteral("outside-pipe"))).constData(), 0644) == 0);
    link(QStringLiteral("/dev/zero"), "zero.jpg");
    link(m_dir->filePath(QStringLiteral("outside-pipe")), "pipe-link.jpg");
    link(path("loop-b.png"), "loop-a.png");
    link(path("loop-a.png"), "loop-b.png");
    link(path("self.jpg"), "self.jpg");
    QVERIFY(makeSocket(path("socket.png")));
    m_special = {{path("zero.jpg"), QStringLiteral("a device")},       {path("pipe.png"), QStringLiteral("a named pipe")},
                 {path("pipe-link.jpg"), QStringLiteral("a named pipe")}, {path("loop-a.png"), QStringLiteral("link loop")},
                 {path("loop-b.png"), QStringLiteral("link loop")},     {path("self.jpg"), QStringLiteral("link loop")},
                 {path("socket.png"), QStringLiteral("a socket")}};
}

void TestSpecialFiles::cleanup()
{
    m_dir.reset();
}

void TestSpecialFiles::indexingFinishesAndNamesEachSpecialFile()
{
    const QString libraryFolder = m_dir->filePath(QStringLiteral("library"));
    const QString images = m_images;
    const std::shared_ptr<const FeatureExtractor> extractor = m_extractor;
    const std::shared_ptr<QTemporaryDir> keep = m_dir;
    auto outcome = std::make_shared<QString>();
    const bool finished = finishes([=] {
        try {
            Library library(libraryFolder, extractor->config());
            library.catalog().addRoot(images);
            Scanner::scan(library.catalog(), library.catalog().roots());
            library.syncIndex();
            Indexer(library, *extractor).run();
        } catch (const std::exception& error) {
            *outcome = QString::fromUtf8(error.what());
        }
        Q_UNUSED(keep)
    });
    if (!finished)
        QFAIL(qPrintable(QStringLiteral("scanning and indexing %1 did not finish within %2 s").arg(images).arg(kPatience.count())));
    QVERIFY2(outcome->isEmpty(), qPrintable(*outcome));

    Library library(libraryFolder, m_extractor->config());
    const Catalog& catalog = library.catalog();
    for (const QString& good : std::as_const(m_goodImages)) {
        const auto record = catalog.imageByPath(good);
        QVERIFY2(record, qPrintable(good + QStringLiteral(" is not in the catalog")));
        QVERIFY2(record->status == ImageStatus::Indexed, qPrintable(good + QStringLiteral(": ") + record->error));
        QVERIFY2(catalog.fingerprint(record->id), qPrintable(good + QStringLiteral(" has no fingerprint")));
    }
    for (const auto& [special, reason] : std::as_const(m_special)) {
        const auto record = catalog.imageByPath(special);
        QVERIFY2(record, qPrintable(special + QStringLiteral(" is not in the catalog, so nobody learns why it was left out")));
        QVERIFY2(record->status == ImageStatus::Failed, qPrintable(special + QStringLiteral(" is not failed")));
        QVERIFY2(record->error.contains(QDir::toNativeSeparators(special)) && record->error.contains(reason),
                 qPrintable(QStringLiteral("%1 failed with \"%2\", which does not name it or say \"%3\"").arg(special, record->error, reason)));
    }
    QCOMPARE(catalog.images(catalog.roots().front().id).size(), m_goodImages.size() + m_special.size());
}

// Looking one up, or showing its thumbnail, goes through the decoder, which must
// refuse it with the reason and without reading it.
void TestSpecialFiles::decoderRefusesSpecialFiles()
{
    const QList<QPair<QString, QString>> special = m_special;
    const std::shared_ptr<QTemporaryDir> keep = m_dir;
    auto messages = std::make_shared<QStringList>();
    const bool finished = finishes([=] {
        for (const auto& entry : special) {
            try {
                ImageDecoder::decode(entry.first);
                messages->append(QString());
            } catch (const DecodeError& error) {
                messages->append(error.message());
            }
        }
        Q_UNUSED(keep)
    });
    if (!finished)
        QFAIL("decoding the special files did not finish");
    for (int i = 0; i < special.size(); ++i) {
        const QString expected = QStringLiteral("Cannot read %1: ").arg(QDir::toNativeSeparators(special[i].first));
        QVERIFY2(messages->at(i).startsWith(expected) && messages->at(i).contains(special[i].second),
                 qPrintable(QStringLiteral("%1: \"%2\"").arg(special[i].first, messages->at(i))));
    }
}

QTEST_GUILESS_MAIN(TestSpecialFiles)
#include "tst_specialfiles.moc"
