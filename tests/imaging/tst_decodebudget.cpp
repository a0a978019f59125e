// Decoding is bounded in bytes, not pixels: a 1 MB PNG declaring 12000×12000 16-bit RGBA
// pixels (1.1 GB decoded whole, under the 150-megapixel limit) is read reduced within the
// budget, one that cannot be reduced is refused naming its size, and decodes running at
// once share one budget. Memory is measured as the growth of this process's peak resident
// set (VmHWM, reset through /proc/self/clear_refs) while one decode runs.

#include "common/BadInputCorpus.h"
#include "core/imaging/DecodeBudget.h"
#include "core/imaging/ImageDecoder.h"

#include <QColorSpace>
#include <QFile>
#include <QImageWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <functional>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace weft;
using namespace weft::testcorpus;

namespace {

const QSize kHuge(12000, 12000);

// A field of /proc/self/status in bytes, or -1.
qint64 statusBytes(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QRegularExpression line(QStringLiteral("^%1:\\s+(\\d+) kB$").arg(QLatin1String(field)), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : -1;
}

// How far the peak resident set rose above the resident set while `work` ran, or -1 when
// the kernel does not let the peak be reset.
qint64 peakGrowth(const std::function<void()>& work)
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    if (!clearRefs.open(QIODevice::WriteOnly) || clearRefs.write("5") != 1)
        return -1;
    clearRefs.close();
    const qint64 before = statusBytes("VmRSS");
    work();
    const qint64 peak = statusBytes("VmHWM");
    return before < 0 || peak < 0 ? -1 : peak - before;
}

QString errorOf(const std::function<void()>& work)
{
    try {
        work();
    } catch (const DecodeError& error) {
        return error.message();
    }
    return {};
}

// A stored colour composited over white and rounded to 8 bits, as the decoder delivers it.
QColor overWhite(Rgba64 colour)
{
    const double alpha = colour.alpha / 65535.0;
    const auto channel = [&](quint16 value) { return qRound(255.0 * (value / 65535.0 * alpha + 1.0 - alpha)); };
    return QColor(channel(colour.red), channel(colour.green), channel(colour.blue));
}

bool near(QColor a, QColor b, int tolerance)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance && qAbs(a.blue() - b.blue()) <= tolerance;
}

QString describe(QColor colour)
{
    return QStringLiteral("(%1, %2, %3)").arg(colour.red()).arg(colour.green()).arg(colour.blue());
}

}  // namespace

class TestDecodeBudget : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_huge = m_dir.filePath(QStringLiteral("huge-16bit.png"));
        try {
            writeSixteenBitRgbaPng(m_huge, kHuge);
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
        QVERIFY2(QFileInfo(m_huge).size() < 2 * 1024 * 1024, "the test image should be about 1 MB");
    }

    // The defect: Qt builds the whole 1.1 GB image, then converts and scales it (2.5 GB).
    void hugeSixteenBitPngIsReadWithinTheBudget()
    {
        DecodedImage decoded;
        QString error;
        const qint64 growth = peakGrowth([&] { error = errorOf([&] { decoded = ImageDecoder::decode(m_huge); }); });
        if (growth < 0)
            QFAIL("cannot measure memory: /proc/self/clear_refs or /proc/self/status is not available");
        QVERIFY2(growth <= kDecodeMemoryBudget,
                 qPrintable(QStringLiteral("decoding took %1 MB at its peak, over the budget of %2 MB").arg(growth >> 20).arg(kDecodeMemoryBudget >> 20)));
        QVERIFY2(error.isEmpty(), qPrintable(error));   // it can be reduced, so it must not be refused
        QCOMPARE(decoded.originalSize, kHuge);
        QCOMPARE(decoded.image.size(), QSize(1024, 1024));
        const qint64 bytes = decoded.image.sizeInBytes();
        QVERIFY2(bytes <= kDecodeMemoryBudget, qPrintable(QString::number(bytes)));
        // Both halves keep their colour; the right one is half transparent, over white.
        const QColor left = decoded.image.pixelColor(100, 500);
        const QColor right = decoded.image.pixelColor(900, 500);
        QVERIFY2(near(left, overWhite(kLeft), 1), qPrintable(describe(left) + " instead of " + describe(overWhite(kLeft))));
        QVERIFY2(near(right, overWhite(kRight), 1), qPrintable(describe(right) + " instead of " + describe(overWhite(kRight))));
    }

    // Interlaced rows come in seven passes over the whole image, so it cannot be read reduced:
    // it is refused, with its size, before anything is decoded.
    void imageOverTheBudgetIsRefusedNamingItsSize()
    {
        const QString interlaced = m_dir.filePath(QStringLiteral("interlaced-16bit.png"));
        try {
            writeSixteenBitRgbaPng(interlaced, kHuge, true);
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
        QString error;
        const qint64 growth = peakGrowth([&] { error = errorOf([&] { ImageDecoder::decode(interlaced); }); });
        QVERIFY2(growth >= 0, "cannot measure memory: /proc/self/clear_refs or /proc/self/status is not available");
        QVERIFY2(error.contains(QStringLiteral("12000\u00D712000")) && error.contains(QStringLiteral("interlaced-16bit.png"))
                     && error.contains(QStringLiteral("%1 MB").arg(kDecodeMemoryBudget >> 20)),
                 qPrintable(QStringLiteral("\"%1\" does not name the file, its size and the budget").arg(error)));
        QVERIFY2(growth <= kDecodeMemoryBudget / 8, qPrintable(QStringLiteral("refusing took %1 MB").arg(growth >> 20)));

        // Asked for at full size, the file that is read reduced above is too large as well.
        DecodeOptions fullSize;
        fullSize.maxSide = 0;
        error = errorOf([&] { ImageDecoder::decode(m_huge, fullSize); });
        QVERIFY2(error.contains(QStringLiteral("12000\u00D712000")), qPrintable(error));
    }

    // The reduced read of a PNG gives what Qt's whole decode gives, scaled: compared on flat
    // areas, for the colour types a PNG can have.
    void reducedPngMatchesTheWholeDecode_data()
    {
        QTest::addColumn<QImage>("image");
        const QSize size(2400, 1600);
        const QColor colours[4] = {QColor(200, 30, 40), QColor(20, 160, 60, 128), QColor(30, 60, 220, 0), QColor(250, 240, 200)};
        const auto quadrants = [&](QImage::Format format) {
            QImage image(size, format);
            for (int q = 0; q < 4; ++q) {
                const QRect rect((q % 2) * size.width() / 2, (q / 2) * size.height() / 2, size.width() / 2, size.height() / 2);
                for (int y = rect.top(); y <= rect.bottom(); ++y)
                    for (int x = rect.left(); x <= rect.right(); ++x)
                        image.setPixelColor(x, y, colours[q]);
            }
            return image;
        };
        QTest::newRow("16-bit RGBA") << quadrants(QImage::Format_RGBA64);
        QTest::newRow("8-bit RGB") << quadrants(QImage::Format_RGB888);
        QTest::newRow("16-bit grey") << quadrants(QImage::Format_Grayscale16);
        QImage palette(size, QImage::Format_Indexed8);
        for (const QColor& colour : colours)
            palette.setColor(palette.colorCount(), colour.rgba());
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x)
                palette.setPixel(x, y, (x * 2 / size.width()) + 2 * (y * 2 / size.height()));
        QTest::newRow("palette with transparency") << palette;
        QImage adobe = quadrants(QImage::Format_RGB888);
        adobe.setColorSpace(QColorSpace::AdobeRgb);
        QTest::newRow("Adobe RGB profile") << adobe;
    }

    void reducedPngMatchesTheWholeDecode()
    {
        QFETCH(QImage, image);
        const QString path = m_dir.filePath(QStringLiteral("quadrants.png"));
        QImageWriter writer(path, "png");
        QVERIFY2(writer.write(image), qPrintable(writer.errorString()));

        const DecodedImage reduced = ImageDecoder::decode(path);
        DecodeOptions fullSize;
        fullSize.maxSide = 0;
        const DecodedImage whole = ImageDecoder::decode(path, fullSize);
        QCOMPARE(reduced.originalSize, image.size());
        QCOMPARE(reduced.image.size(), QSize(1024, 683));
        for (int q = 0; q < 4; ++q) {
            const QPoint centre((q % 2) * 2 + 1, (q / 2) * 2 + 1);   // in quarters
            const QColor expected = whole.image.pixelColor(centre.x() * image.width() / 4, centre.y() * image.height() / 4);
            const QColor got = reduced.image.pixelColor(centre.x() * reduced.image.width() / 4, centre.y() * reduced.image.height() / 4);
            QVERIFY2(near(got, expected, 1), qPrintable(QStringLiteral("quadrant %1: %2 instead of %3").arg(q).arg(describe(got), describe(expected))));
        }
    }

    // Threads reserving more than fits at once take turns: what is held never passes the capacity.
    void concurrentReservationsStayWithinTheCapacity()
    {
        DecodeBudget budget(1000);
        std::atomic<int> held{0};
        std::atomic<int> mostHeld{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 6; ++t) {
            threads.emplace_back([&] {
                for (int round = 0; round < 20; ++round) {
                    const auto reservation = budget.reserve(400);
                    const int now = held += 400;
                    for (int seen = mostHeld; now > seen && !mostHeld.compare_exchange_weak(seen, now);) {
                    }
                    std::this_thread::yield();
                    held -= 400;
                }
            });
        }
        for (std::thread& thread : threads)
            thread.join();
        QVERIFY2(mostHeld <= 1000, qPrintable(QString::number(mostHeld)));
        // More than the capacity is held as all of it instead of waiting forever.
        { const auto all = budget.reserve(5000); }
        const auto after = budget.reserve(1000);
    }

private:
    QTemporaryDir m_dir;
    QString m_huge;
};

QTEST_GUILESS_MAIN(TestDecodeBudget)
#include "tst_decodebudget.moc"
