// An image's dominant colours (Palette.h): the colours a synthetic print is made
// of come back with their shares, specks and blended edges do not make colours of
// their own, and the shares add up to the whole image.
#include "core/colour/Palette.h"
#include "core/common/Error.h"

#include "colour/PrintColours.h"

#include <QPainter>
#include <QTest>

#include <random>

using namespace weft;
using namespace weft::test;

namespace {

// Vertical bands of the colours, each as wide as its share of `width`.
QImage bands(const QList<QPair<QColor, int>>& widths, int height = 128)
{
    int width = 0;
    for (const auto& band : widths)
        width += band.second;
    QImage image(width, height, QImage::Format_RGB888);
    QPainter painter(&image);
    int left = 0;
    for (const auto& [colour, bandWidth] : widths) {
        painter.fillRect(left, 0, bandWidth, height, colour);
        left += bandWidth;
    }
    return image;
}

float sumOf(const std::vector<PaletteColour>& palette)
{
    float sum = 0;
    for (const PaletteColour& colour : palette)
        sum += colour.share;
    return sum;
}

}  // namespace

class TestPalette : public QObject {
    Q_OBJECT

private slots:
    void theColoursOfAPrintComeBackWithTheirShares();
    void aSpeckIsNoColour();
    void sharesOfAPhotoAddUpToTheWholeImage();
    void theSameImageGivesTheSamePalette();
    void labRoundTripsAColour();
    void anEmptyImageIsRefused();
};

void TestPalette::theColoursOfAPrintComeBackWithTheirShares()
{
    // Band edges fall on the sampled copy's pixels (256 → 64 wide), so no pixel blends two bands.
    const std::vector<PaletteColour> palette = Palette::of(bands({{kRed, 128}, {kNavy, 64}, {kCream, 64}}, 64));
    QCOMPARE(int(palette.size()), 3);
    const QColor expected[] = {kRed, kNavy, kCream};
    const float shares[] = {0.5f, 0.25f, 0.25f};
    for (int i = 0; i < 3; ++i) {
        // Navy and cream share 0.25: either may come second.
        const int match = i == 0 ? 0 : (deltaE(palette[std::size_t(i)].lab, LabColour::fromColour(kNavy)) < 2 ? 1 : 2);
        QVERIFY2(deltaE(palette[std::size_t(i)].lab, LabColour::fromColour(expected[match])) < 2.0f,
                 qPrintable(palette[std::size_t(i)].colour.name() + QStringLiteral(" is not ") + expected[match].name()));
        QVERIFY2(std::abs(palette[std::size_t(i)].share - shares[match]) < 0.01f, qPrintable(QString::number(palette[std::size_t(i)].share)));
    }
    QVERIFY(palette[1].lab.L != palette[2].lab.L);   // navy and cream both there, not one twice
}

void TestPalette::aSpeckIsNoColour()
{
    // 2 % green: under kLeastShare, so its pixels join the nearest colour.
    const std::vector<PaletteColour> palette = Palette::of(bands({{kRed, 245}, {kGreen, 5}, {kCream, 250}}));
    QCOMPARE(int(palette.size()), 2);
    for (const PaletteColour& colour : palette)
        QVERIFY2(deltaE(colour.lab, LabColour::fromColour(kGreen)) > 30.0f, qPrintable(colour.colour.name()));
    QVERIFY(std::abs(sumOf(palette) - 1.0f) < 1e-5f);
}

void TestPalette::sharesOfAPhotoAddUpToTheWholeImage()
{
    // A noisy, shaded, antialiased print: many blends, more colours than kMostColours.
    QImage photo(300, 200, QImage::Format_RGB888);
    photo.fill(kCream);
    QPainter painter(&photo);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 40; ++i) {
        painter.setBrush(QColor::fromHsv((i * 47) % 360, 180, 90 + (i * 31) % 160));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF((i * 73) % 300, (i * 41) % 200), 18, 12);
    }
    painter.end();
    std::mt19937 random(7);
    std::normal_distribution<float> noise(0, 6);
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x) {
            const QColor c = photo.pixelColor(x, y);
            const auto jitter = [&](int v) { return std::clamp(int(v + noise(random)), 0, 255); };
            photo.setPixelColor(x, y, QColor(jitter(c.red()), jitter(c.green()), jitter(c.blue())));
        }
    const std::vector<PaletteColour> palette = Palette::of(photo);
    QVERIFY(!palette.empty());
    QVERIFY(int(palette.size()) <= Palette::kMostColours);
    QVERIFY2(std::abs(sumOf(palette) - 1.0f) < 1e-5f, qPrintable(QString::number(sumOf(palette))));
    for (std::size_t i = 0; i < palette.size(); ++i) {
        QVERIFY(palette[i].share >= Palette::kLeastShare);
        if (i > 0)
            QVERIFY(palette[i].share <= palette[i - 1].share);
        for (std::size_t j = 0; j < i; ++j)
            QVERIFY(deltaE(palette[i].lab, palette[j].lab) >= Palette::kSameColour);
    }
    // The cream ground is most of the image.
    QVERIFY2(deltaE(palette.front().lab, LabColour::fromColour(kCream)) < 8.0f, qPrintable(palette.front().colour.name()));
}

void TestPalette::theSameImageGivesTheSamePalette()
{
    const QImage image = bands({{kRed, 100}, {kNavy, 77}, {kCream, 51}, {kGreen, 33}});
    const std::vector<PaletteColour> first = Palette::of(image), second = Palette::of(image);
    QCOMPARE(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        QCOMPARE(first[i].colour, second[i].colour);
        QCOMPARE(first[i].share, second[i].share);
    }
}

void TestPalette::labRoundTripsAColour()
{
    for (const QColor& colour : {kRed, kNavy, kCream, kGreen, QColor(Qt::black), QColor(Qt::white)}) {
        const LabColour lab = LabColour::fromColour(colour);
        const QColor back = lab.toColour();
        QVERIFY2(std::abs(back.red() - colour.red()) <= 1 && std::abs(back.green() - colour.green()) <= 1 && std::abs(back.blue() - colour.blue()) <= 1,
                 qPrintable(colour.name() + QStringLiteral(" came back as ") + back.name()));
    }
    QVERIFY(std::abs(LabColour::fromColour(Qt::white).L - 100.0f) < 0.5f);
    QVERIFY(std::abs(LabColour::fromColour(Qt::black).L) < 0.5f);
}

void TestPalette::anEmptyImageIsRefused()
{
    QVERIFY_THROWS_EXCEPTION(Error, Palette::of(QImage()));
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
