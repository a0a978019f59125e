#include "ui/ComponentInspector.h"

#include "ui/CompareView.h"
#include "ui/ComponentOverlayItem.h"
#include "ui/RegionSelector.h"
#include "ui/ElidedLabel.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QSplitter>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace weft {
namespace ui {

ComponentInspector::ComponentInspector(QWidget* parent)
    : QWidget(parent), m_view(new CompareView(this)), m_list(new QTreeWidget(this)), m_title(new QLabel(this))

{
    m_title->setText(tr("Open a library image to see the components found in it."));
    wrapWithinWidth(m_title);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Group"), tr("Label"), tr("Score"), tr("Box")});
    auto* overlays = new QCheckBox(tr("Show components"), this);
    overlays->setChecked(true);
    connect(overlays, &QCheckBox::toggled, m_view, &CompareView::setOverlaysVisible);
    connect(m_view, &CompareView::regionSelected, this, [this](CompareView::PictureSide, const QRectF& part) { emit regionSelected(m_path, part); });

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_list);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
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
    m_title->setText(image.components.isEmpty() ? tr("%1: no components were found in this image.").arg(QFileInfo(image.path).fileName())
                                                : tr("%1: %n component(s)", nullptr, int(image.components.size())).arg(QFileInfo(image.path).fileName()));
    m_view->setLeft({image.image, image.originalSize, image.components, QFileInfo(image.path).fileName()});
    for (const Component& component : image.components) {
        auto* item = new QTreeWidgetItem(m_list, {QString::number(component.group), component.label, QString::number(double(component.score), 'f', 2),
                                                  QStringLiteral("%1,%2 %3×%4")
                                                      .arg(component.box.x())
                                                      .arg(component.box.y())
                                                      .arg(component.box.width())
                                                      .arg(component.box.height())});
        item->setForeground(0, ComponentOverlayItem::groupColour(component.group));
    }
}

}  // namespace ui
}  // namespace weft
