#include "ui/ComponentInspector.h"

#include "ui/CompareView.h"
#include "ui/ComponentOverlayItem.h"
#include "ui/RegionSelector.h"
#include "ui/ElidedLabel.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QLabel>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace weft {
namespace ui {

ComponentInspector::ComponentInspector(QWidget* parent)
    : QWidget(parent), m_view(new CompareView(this)), m_list(new QTreeWidget(this)), m_title(new QLabel(this))

{
    m_title->setText(tr("Open a library image to see the components found in it."));
    wrapWithinWidth(m_title);
    m_list->setHeaderLabels({tr("Motif"), tr("Repeats"), tr("Size"), tr("Confidence")});
    m_list->headerItem()->setToolTip(2, tr("How much of the picture the motif covers"));
    m_list->headerItem()->setToolTip(3, tr("How sure the detector is that this is a motif"));
    auto* overlays = new QCheckBox(tr("Show components"), this);
    overlays->setChecked(true);
    connect(overlays, &QCheckBox::toggled, m_view, &CompareView::setOverlaysVisible);
    connect(m_view, &CompareView::regionSelected, this, [this](CompareView::PictureSide, const QRectF& part) { emit regionSelected(m_path, part); });

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_list);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 100});   // the picture large from the start: a motif list is a few rows
    // A tool bar, not a row of buttons: what does not fit a narrow pane goes
    // behind its extension arrow instead of widening the window.
    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    tools->addAction(tr("Open library image…"), this, &ComponentInspector::openImageRequested);
    tools->addWidget(overlays);
    tools->addWidget(m_view->regionSelector()->createButton(this));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(tools);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);
}

void ComponentInspector::showImage(const ViewImage& image)
{
    m_path = image.path;
    m_list->clear();
    if (!image.error.isEmpty()) {
        m_title->setText(tr("Cannot show %1: %2").arg(QFileInfo(image.path).fileName(), image.error));
        m_view->clearLeft();
        return;
    }
    const QSize original = image.originalSize.isValid() ? image.originalSize : image.image.size();
    const ShownMotifs motifs(image.components, original);
    const QString name = QFileInfo(image.path).fileName();
    QString title = motifs.motifs().isEmpty() ? tr("%1: no motifs were found in this image.").arg(name)
                                              : tr("%1: %n motif(s)", nullptr, int(motifs.motifs().size())).arg(name);
    if (motifs.hiddenCount() > 0)
        title += QLatin1Char(' ') + tr("(%n more outline(s) on the garment's edges and folds or on the wearer not shown)", nullptr, motifs.hiddenCount());
    m_title->setText(title);
    m_view->setLeft(OverlayPicture::of(image, name));
    for (const ShownMotifs::Motif& motif : motifs.motifs())
        addMotif(motif, original);
}

// A motif's row, and under it a row for each of its instances.
void ComponentInspector::addMotif(const ShownMotifs::Motif& motif, QSize imageSize)
{
    const Component& best = motif.instances.front();
    std::vector<double> shares;
    for (const Component& instance : motif.instances)
        shares.push_back(ShownMotifs::shareOfPicture(instance, imageSize));
    const auto median = shares.begin() + shares.size() / 2;
    std::nth_element(shares.begin(), median, shares.end());
    auto* row = new QTreeWidgetItem(m_list, {motif.name, QString::number(motif.instances.size()), ShownMotifs::sizeText(*median),
                                             ShownMotifs::confidenceText(best.score)});
    QPixmap swatch(12, 12);
    swatch.fill(ComponentOverlayItem::groupColour(best.group));
    row->setIcon(0, QIcon(swatch));
    row->setToolTip(0, ShownMotifs::legendText(motif));
    int number = 0;
    for (const Component& instance : motif.instances) {
        auto* item = new QTreeWidgetItem(row, {tr("#%1").arg(++number), QString(), ShownMotifs::sizeText(ShownMotifs::shareOfPicture(instance, imageSize)),
                                               ShownMotifs::confidenceText(instance.score)});
        const QString where = tr("At %1, %2 in the picture's pixels, %3 × %4 pixels; confidence %5 %")
                                  .arg(instance.box.x())
                                  .arg(instance.box.y())
                                  .arg(instance.box.width())
                                  .arg(instance.box.height())
                                  .arg(qRound(instance.score * 100));
        for (int column = 0; column < m_list->columnCount(); ++column)
            item->setToolTip(column, where);
    }
}

}  // namespace ui
}  // namespace weft
