#include "core/components/ComponentDetector.h"
#include "core/components/OverlayRenderer.h"
#include "core/components/RepeatGrouping.h"

#include <QTest>

using namespace weft;

namespace {

Candidate make(const QString& label, QRect box, float score, std::vector<float> appearance = {})
{
    return Candidate{box, score, label, std::move(appearance)};
}

// "index:group" pairs, in output order.
QStringList describe(const std::vector<GroupedCandidate>& grouped)
{
    QStringList out;
    for (const GroupedCandidate& g : grouped)
        out << QStringLiteral("%1:%2").arg(g.index).arg(g.group);
    return out;
}

}  // namespace

class TestRepeatGrouping : public QObject {
    Q_OBJECT

private slots:
    void repeatsFirstThenTopThreeFallback()
    {
        const std::vector<Candidate> candidates = {
            make("flower", {0, 0, 40, 40}, 0.9f),        // 0: leads the flowers
            make("flower", {100, 0, 42, 40}, 0.6f),      // 1: area ratio 0.95 -> repeat of 0
            make("flower", {200, 0, 40, 38}, 0.5f),      // 2: repeat of 0
            make("flower", {5, 2, 40, 40}, 0.7f),        // 3: IoU with 0 > 0.5 -> duplicate, dropped
            make("leaf", {0, 100, 20, 20}, 0.4f),        // 4: leads the leaves
            make("leaf", {50, 100, 21, 19}, 0.3f),       // 5: repeat of 4
            make("flower", {300, 300, 100, 100}, 0.95f), // 6: other size: a single, best score
            make("person", {0, 0, 400, 400}, 0.85f),     // 7: a single (IoU with 0 is 0.01)
            make("cat", {400, 0, 30, 30}, 0.2f),         // 8: a single, low score: not in the top 3
        };
        const auto grouped = groupRepeats(candidates);
        // Repeat groups by size (flowers 3, leaves 2), then top-3 by score not yet in:
        // 6 and 7 (0 is already in); 4 groups in all.
        QCOMPARE(describe(grouped), (QStringList{"0:0", "1:0", "2:0", "4:1", "5:1", "6:2", "7:3"}));
    }

    void onlySinglesGiveTheTopThree()
    {
        const std::vector<Candidate> candidates = {
            make("a", {0, 0, 10, 10}, 0.3f), make("b", {20, 0, 10, 10}, 0.9f), make("c", {40, 0, 10, 10}, 0.5f),
            make("d", {60, 0, 10, 10}, 0.7f), make("e", {80, 0, 10, 10}, 0.1f),
        };
        QCOMPARE(describe(groupRepeats(candidates)), (QStringList{"1:0", "3:1", "2:2"}));
    }

    void groupOrderBySizeThenScore()
    {
        std::vector<Candidate> candidates = {
            make("x", {0, 0, 10, 10}, 0.5f), make("x", {20, 0, 10, 10}, 0.4f),                                   // 2 x's
            make("y", {0, 50, 10, 10}, 0.9f), make("y", {20, 50, 10, 10}, 0.8f),                                 // 2 y's, better
            make("z", {0, 100, 10, 10}, 0.2f), make("z", {20, 100, 10, 10}, 0.2f), make("z", {40, 100, 10, 10}, 0.1f),  // 3 z's
        };
        QCOMPARE(describe(groupRepeats(candidates)), (QStringList{"4:0", "5:0", "6:0", "2:1", "3:1", "0:2", "1:2"}));
    }

    void appearanceAndAreaSeparateRepeats()
    {
        const std::vector<Candidate> candidates = {
            make("motif", {0, 0, 10, 10}, 0.9f, {1, 0}),
            make("motif", {20, 0, 10, 10}, 0.8f, {0, 1}),   // same size, other look
            make("motif", {40, 0, 10, 10}, 0.7f, {0.9f, 0.1f}),
            make("motif", {60, 0, 10, 10}, 0.6f, {0.1f, 0.9f}),
            // Areas 100 -> 80 -> 64: each step within 0.7, but 64/100 is not; compared with
            // the leader, 64 starts a group of its own.
            make("chain", {0, 100, 10, 10}, 0.5f), make("chain", {20, 100, 10, 8}, 0.4f), make("chain", {40, 100, 8, 8}, 0.3f),
        };
        RepeatGroupingOptions options;
        options.maxGroups = 4;
        QCOMPARE(describe(groupRepeats(candidates, options)),
                 (QStringList{"0:0", "2:0", "1:1", "3:1", "4:2", "5:2"}));
        options.minAppearanceCosine = -1;  // appearance no longer matters: all four motifs repeat
        QCOMPARE(describe(groupRepeats(candidates, options)).mid(0, 4), (QStringList{"0:0", "1:0", "2:0", "3:0"}));
    }

    void instancesAreCappedButEveryGroupKeepsItsLeader()
    {
        std::vector<Candidate> candidates;
        for (int i = 0; i < 20; ++i)
            candidates.push_back(make("dot", {i * 20, 0, 10, 10}, 0.9f - i * 0.01f));
        candidates.push_back(make("star", {0, 100, 30, 30}, 0.95f));
        candidates.push_back(make("star", {50, 100, 30, 30}, 0.94f));
        const auto grouped = groupRepeats(candidates);
        QCOMPARE(int(grouped.size()), 12);
        QCOMPARE(grouped[0].index, 0);
        QCOMPARE(grouped[0].group, 0);  // 20 dots: the bigger group comes first
        // Leaders of both groups are in; the rest of the room goes to the groups in order.
        QCOMPARE(std::count_if(grouped.begin(), grouped.end(), [](const GroupedCandidate& g) { return g.group == 0; }), 11L);
        QCOMPARE(describe(grouped).mid(11), (QStringList{"20:1"}));
    }

    void emptyAndDegenerate()
    {
        QVERIFY(groupRepeats({}).empty());
        QVERIFY(groupRepeats({make("a", QRect(), 0.9f)}).empty());
        QCOMPARE(intersectionOverUnion(QRect(0, 0, 10, 10), QRect(5, 0, 10, 10)), 50.0 / 150.0);
        QCOMPARE(intersectionOverUnion(QRect(0, 0, 10, 10), QRect(20, 0, 10, 10)), 0.0);
    }

    void scaledMapsBoxesAndMasks()
    {
        QImage mask(4, 2, QImage::Format_Grayscale8);
        mask.fill(0);
        mask.scanLine(0)[0] = 255;
        const Components out = scaled({Component{QRect(1, 2, 4, 2), mask, 0.5f, "m", 3}}, 2.5);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].box, QRect(2, 5, 11, 5));  // (2.5, 5)-(12.5, 10) rounded outwards
        QCOMPARE(out[0].mask.size(), QSize(11, 5));
        QCOMPARE(out[0].mask.format(), QImage::Format_Grayscale8);
        QCOMPARE(int(out[0].mask.constScanLine(0)[0]), 255);
        QCOMPARE(int(out[0].mask.constScanLine(4)[10]), 0);
        QCOMPARE(out[0].group, 3);
    }

    void unknownDetectorListsTheKnownOnes()
    {
        try {
            makeDetector(QStringLiteral("maskrcnn-ish"), ModelStore(QStringLiteral("/nonexistent")), nullptr);
            QFAIL("an unknown detector was made");
        } catch (const Error& e) {
            QVERIFY2(e.message().contains(QStringLiteral("motif")) && e.message().contains(QStringLiteral("yolo"))
                         && e.message().contains(QStringLiteral("none")),
                     qPrintable(e.message()));
        }
        const auto none = makeDetector(QStringLiteral("none"), ModelStore(QStringLiteral("/nonexistent")), nullptr);
        QImage image(16, 16, QImage::Format_RGB888);
        image.fill(Qt::red);
        QVERIFY(none->detect(image).isEmpty());
    }

    void overlayDrawsMasksInGroupColours()
    {
        QImage image(60, 40, QImage::Format_RGB888);
        image.fill(Qt::white);
        QImage mask(20, 20, QImage::Format_Grayscale8);
        mask.fill(255);
        OverlayRenderer::Options options;
        options.maskAlpha = 255;
        const QImage out = OverlayRenderer::render(image, {Component{QRect(20, 10, 20, 20), mask, 0.5f, "m", 1}}, options);
        QCOMPARE(out.size(), image.size());
        QCOMPARE(QColor(out.pixel(30, 20)).rgb(), OverlayRenderer::groupColour(1).rgb());  // inside the mask
        QCOMPARE(QColor(out.pixel(5, 5)).rgb(), QColor(Qt::white).rgb());                 // outside
        QVERIFY(OverlayRenderer::groupColour(0) != OverlayRenderer::groupColour(1));
    }
};

QTEST_GUILESS_MAIN(TestRepeatGrouping)
#include "tst_repeatgrouping.moc"
