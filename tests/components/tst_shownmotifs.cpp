// What a designer is shown of a picture's components: repeats are "Motif A, B…" with
// their count, a motif found once is "Motif", detector labels never name anything, and
// instances that are the garment or the wearer (too large, cut by the photo's frame,
// folds and edges) are left out while stripes and motifs stay.

#include "core/components/ShownMotifs.h"

#include <QLocale>
#include <QPainter>
#include <QTest>

using namespace weft;

namespace {

const QSize kPicture(1000, 800);

// A mask of `box`'s size drawn by `draw` (white = inside).
template <typename Draw>
QImage maskOf(QSize size, Draw draw)
{
    QImage mask(size, QImage::Format_Grayscale8);
    mask.fill(0);
    QPainter painter(&mask);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    draw(painter);
    return mask;
}

Component disc(QRect box, int group, float score = 0.5f, const QString& label = QStringLiteral("motif"))
{
    return Component{box, maskOf(box.size(), [&](QPainter& p) { p.drawEllipse(QRect(QPoint(0, 0), box.size())); }), score, label, group};
}

// Why a component found alone in the picture is not shown (Hidden::No: it is).
ShownMotifs::Hidden whyHidden(const Component& component)
{
    const ShownMotifs shown({component}, kPicture);
    return shown.hidden().isEmpty() ? ShownMotifs::Hidden::No : shown.hidden().front().reason;
}

QStringList legend(const ShownMotifs& shown)
{
    QStringList lines;
    for (const ShownMotifs::Motif& motif : shown.motifs())
        lines << ShownMotifs::legendText(motif);
    return lines;
}

}  // namespace

class TestShownMotifs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }   // "0.4 %", not "0,4 %"

    void repeatsAreLetteredMotifsFoundOnceAreNot()
    {
        // As the detector hands them over: a single first, then two repeats.
        const Components found = {disc({500, 500, 40, 40}, 3, 0.9f),
                                  disc({10, 10, 30, 30}, 1, 0.4f), disc({100, 10, 30, 30}, 1, 0.6f),
                                  disc({10, 100, 20, 20}, 2), disc({100, 100, 20, 20}, 2), disc({200, 100, 20, 20}, 2)};
        const ShownMotifs shown(found, kPicture);
        QCOMPARE(legend(shown), QStringList({QStringLiteral("Motif A — repeat of 3"), QStringLiteral("Motif B — repeat of 2"),
                                             QStringLiteral("Motif — found once")}));
        QCOMPARE(shown.instanceCount(), 6);
        QCOMPARE(shown.hiddenCount(), 0);
        // Each instance carries its motif's place, which picks its colour; best first.
        const Components instances = shown.instances();
        QCOMPARE(instances.size(), 6);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(instances[i].group, 0);
        QCOMPARE(instances[3].group, 1);
        QCOMPARE(instances[3].box, QRect(100, 10, 30, 30));   // score 0.6 before 0.4
        QCOMPARE(instances[5].group, 2);
        QCOMPARE(instances[5].box, QRect(500, 500, 40, 40));
    }

    void detectorLabelsNameNothing()
    {
        const Components found = {disc({10, 10, 30, 30}, 0, 0.5f, QStringLiteral("person")),
                                  disc({100, 10, 30, 30}, 0, 0.5f, QStringLiteral("person")),
                                  disc({300, 300, 30, 30}, 1, 0.5f, QStringLiteral("tie"))};
        const QStringList lines = legend(ShownMotifs(found, kPicture));
        QCOMPARE(lines, QStringList({QStringLiteral("Motif A — repeat of 2"), QStringLiteral("Motif — found once")}));
    }

    void tooLargeIsNotAMotif()
    {
        // 600 x 400 of 1000 x 800: 30 % of the picture, the wearer or the ground.
        QCOMPARE(whyHidden(disc({200, 200, 600, 400}, 0)), ShownMotifs::Hidden::TooLarge);
        // 400 x 400: 20 %, a large placement motif.
        QCOMPARE(whyHidden(disc({300, 200, 400, 400}, 0)), ShownMotifs::Hidden::No);
    }

    void cutByTheFrameIsNotAMotif()
    {
        // Legs running out of the bottom of the photo: on the frame along 160 of 1000 pixels.
        const QRect legs(400, 600, 200, 200);
        const Component cut{legs, maskOf(legs.size(), [](QPainter& p) { p.drawRect(20, 0, 160, 200); }), 0.5f, QStringLiteral("motif"), 0};
        QCOMPARE(whyHidden(cut), ShownMotifs::Hidden::CutByFrame);
        // A round motif grazing the left edge: its box is on the frame, its outline only where it is round.
        QCOMPARE(whyHidden(disc({0, 300, 40, 40}, 0)), ShownMotifs::Hidden::No);
        // The same without a mask: the whole box, 80 of 800 pixels, is on the frame.
        QCOMPARE(whyHidden(Component{{0, 300, 80, 80}, QImage(), 0.5f, QStringLiteral("motif"), 0}),
                 ShownMotifs::Hidden::CutByFrame);
    }

    void aMotifCutByTheFrameIsVouchedForByItsRepeats()
    {
        // A flat pattern: three flowers inside, one cut by the left edge along 80 of 800 pixels.
        const QRect cutBox(0, 300, 60, 80);
        const Component cut{cutBox, QImage(), 0.5f, QStringLiteral("motif"), 0};
        QCOMPARE(whyHidden(cut), ShownMotifs::Hidden::CutByFrame);
        const ShownMotifs flat({cut, disc({200, 300, 80, 80}, 0), disc({400, 300, 80, 80}, 0), disc({600, 300, 80, 80}, 0)}, kPicture);
        QCOMPARE(legend(flat), QStringList({QStringLiteral("Motif A — repeat of 4")}));
        // A photo: two legs, both cut by the frame, are no repeat that vouches for either.
        const Component legs{{200, 600, 100, 200}, QImage(), 0.5f, QStringLiteral("motif"), 1};
        const Component otherLeg{{600, 600, 100, 200}, QImage(), 0.5f, QStringLiteral("motif"), 1};
        QVERIFY(ShownMotifs({legs, otherLeg}, kPicture).motifs().isEmpty());
        // Nor does one motif inside for one cut: most of a repeat must be inside.
        QVERIFY(ShownMotifs({legs, disc({200, 200, 100, 100}, 1)}, kPicture).hiddenCount() == 1);
    }

    void foldsAndEdgesAreNotMotifsStripesAre()
    {
        // A fold: 40 x 300, a slanted band across its box.
        const QRect foldBox(300, 200, 40, 300);
        const Component fold{foldBox, maskOf(foldBox.size(), [](QPainter& p) { p.drawPolygon(QPolygon({{0, 0}, {12, 0}, {40, 300}, {28, 300}})); }),
                             0.5f, QStringLiteral("motif"), 0};
        QCOMPARE(whyHidden(fold), ShownMotifs::Hidden::FoldOrEdge);
        // A stripe as long and as thin, straight: it fills its box.
        const QRect stripeBox(300, 200, 300, 40);
        const Component stripe{stripeBox, maskOf(stripeBox.size(), [](QPainter& p) { p.drawRect(0, 4, 300, 32); }), 0.5f, QStringLiteral("motif"), 0};
        QCOMPARE(whyHidden(stripe), ShownMotifs::Hidden::No);
        // A paisley twice as tall as wide is not thin, however it fills its box.
        const QRect paisleyBox(300, 200, 40, 80);
        const Component paisley{paisleyBox, maskOf(paisleyBox.size(), [](QPainter& p) { p.drawPolygon(QPolygon({{20, 0}, {40, 60}, {20, 80}, {0, 60}})); }),
                                0.5f, QStringLiteral("motif"), 0};
        QCOMPARE(whyHidden(paisley), ShownMotifs::Hidden::No);
    }

    void hidingAnInstanceCanUndoARepeat()
    {
        // Two "repeats": a real motif and the same colour's sleeve edge; and a real pair.
        const QRect edgeBox(900, 100, 30, 400);
        const Component edge{edgeBox, maskOf(edgeBox.size(), [](QPainter& p) { p.drawPolygon(QPolygon({{0, 0}, {8, 0}, {30, 400}, {22, 400}})); }),
                             0.9f, QStringLiteral("motif"), 0};
        const Components found = {edge, disc({100, 100, 30, 30}, 0, 0.8f), disc({300, 300, 20, 20}, 1), disc({400, 300, 20, 20}, 1),
                                  disc({0, 0, 900, 700}, 2)};
        const ShownMotifs shown(found, kPicture);
        QCOMPARE(legend(shown), QStringList({QStringLiteral("Motif A — repeat of 2"), QStringLiteral("Motif — found once")}));
        QCOMPARE(shown.motifs()[1].instances.front().box, QRect(100, 100, 30, 30));
        QCOMPARE(shown.hiddenCount(), 2);
        QCOMPARE(shown.hidden()[0].reason, ShownMotifs::Hidden::FoldOrEdge);
        QCOMPARE(shown.hidden()[1].reason, ShownMotifs::Hidden::TooLarge);
    }

    void nothingShown()
    {
        QVERIFY(ShownMotifs({}, kPicture).motifs().isEmpty());
        QVERIFY(ShownMotifs({disc({0, 0, 1000, 800}, 0)}, kPicture).motifs().isEmpty());
    }

    void sizeAndConfidenceInWords()
    {
        QCOMPARE(ShownMotifs::shareOfPicture(disc({0, 0, 100, 80}, 0), kPicture), 0.01);
        QCOMPARE(ShownMotifs::sizeText(0.0043), QStringLiteral("0.4 %"));
        QCOMPARE(ShownMotifs::sizeText(0.032), QStringLiteral("3.2 %"));
        QCOMPARE(ShownMotifs::sizeText(0.124), QStringLiteral("12 %"));
        QCOMPARE(ShownMotifs::confidenceText(0.85f), QStringLiteral("high"));
        QCOMPARE(ShownMotifs::confidenceText(0.45f), QStringLiteral("medium"));
        QCOMPARE(ShownMotifs::confidenceText(0.05f), QStringLiteral("low"));
    }
};

QTEST_GUILESS_MAIN(TestShownMotifs)
#include "tst_shownmotifs.moc"
