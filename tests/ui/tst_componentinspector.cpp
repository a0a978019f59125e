// The Components tab speaks in motifs and repeats (issue 12, feature 10): one row per
// motif, named as in the legend and in its colour, with how often it repeats, its size
// as a share of the picture and the detector's confidence in words; no box coordinates
// and no detector labels; what is not shown as a motif is said, not listed.

#include "ui/ComponentInspector.h"
#include "ui/ComponentOverlayItem.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>
#include <QTreeWidget>

using namespace weft;
using namespace weft::ui;

namespace {

Component box(QRect rect, int group, float score, const QString& label = QStringLiteral("motif"))
{
    return Component{rect, QImage(), score, label, group};
}

QStringList texts(const QTreeWidgetItem* item, int columns)
{
    QStringList out;
    for (int c = 0; c < columns; ++c)
        out << item->text(c);
    return out;
}

}  // namespace

class ComponentInspectorTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }
    void motifsAndRepeats();
};

void ComponentInspectorTest::motifsAndRepeats()
{
    ComponentInspector inspector;
    ViewImage image;
    image.path = QStringLiteral("/patterns/rose.jpg");
    image.image = QImage(500, 400, QImage::Format_RGB888);
    image.image.fill(Qt::gray);
    image.originalSize = QSize(1000, 800);   // decoded at half size; boxes in the file's pixels
    image.components = {box({100, 100, 80, 80}, 0, 0.9f, QStringLiteral("person")), box({300, 100, 80, 80}, 0, 0.7f),
                        box({500, 100, 80, 80}, 0, 0.5f), box({100, 400, 40, 40}, 1, 0.2f), box({300, 400, 40, 40}, 1, 0.25f),
                        box({700, 500, 100, 100}, 2, 0.65f),
                        box({0, 0, 700, 700}, 3, 0.95f)};   // 61 % of the picture: the garment, not a motif
    inspector.showImage(image);

    auto* list = inspector.findChild<QTreeWidget*>();
    QVERIFY(list);
    const int columns = list->columnCount();
    QCOMPARE(texts(list->headerItem(), columns), QStringList({QStringLiteral("Motif"), QStringLiteral("Repeats"), QStringLiteral("Size"),
                                                              QStringLiteral("Confidence")}));
    QCOMPARE(list->topLevelItemCount(), 3);
    // 80 x 80 of 1000 x 800 is 0.8 % of the picture; 40 x 40 is 0.2 %; 100 x 100 is 1.3 %.
    QCOMPARE(texts(list->topLevelItem(0), columns),
             QStringList({QStringLiteral("Motif A"), QStringLiteral("3"), QStringLiteral("0.8 %"), QStringLiteral("high")}));
    QCOMPARE(texts(list->topLevelItem(1), columns),
             QStringList({QStringLiteral("Motif B"), QStringLiteral("2"), QStringLiteral("0.2 %"), QStringLiteral("low")}));
    QCOMPARE(texts(list->topLevelItem(2), columns),
             QStringList({QStringLiteral("Motif"), QStringLiteral("1"), QStringLiteral("1.3 %"), QStringLiteral("high")}));
    QCOMPARE(list->topLevelItem(0)->childCount(), 3);
    QCOMPARE(texts(list->topLevelItem(0)->child(2), columns),
             QStringList({QStringLiteral("#3"), QString(), QStringLiteral("0.8 %"), QStringLiteral("medium")}));

    // Each motif's row in the colour its outlines and its legend line are drawn in.
    for (int row = 0; row < 3; ++row) {
        const QImage icon = list->topLevelItem(row)->icon(0).pixmap(12, 12).toImage();
        QCOMPARE(QColor(icon.pixel(6, 6)).rgb(), ComponentOverlayItem::groupColour(row).rgb());
    }

    // Nowhere a box's coordinates or a detector label.
    const QRegularExpression coordinates(QStringLiteral("\\d+\\s*,\\s*\\d+|\\d+\\s*[x×]\\s*\\d+"));
    for (QTreeWidgetItemIterator it(list); *it; ++it)
        for (int c = 0; c < columns; ++c) {
            QVERIFY2(!coordinates.match((*it)->text(c)).hasMatch(), qPrintable((*it)->text(c)));
            QVERIFY2(!(*it)->text(c).contains(QLatin1String("person")), qPrintable((*it)->text(c)));
        }

    // The title counts the motifs and says that one outline is not shown.
    bool titled = false;
    for (const QLabel* label : inspector.findChildren<QLabel*>())
        titled |= label->text().startsWith(QStringLiteral("rose.jpg: 3 motif")) && label->text().contains(QStringLiteral("1 more outline"));
    QVERIFY2(titled, "the title does not name the motifs and the outline left out");
}

QTEST_MAIN(ComponentInspectorTest)
#include "tst_componentinspector.moc"
