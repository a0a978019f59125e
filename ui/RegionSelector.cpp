#include "ui/RegionSelector.h"

#include <QCoreApplication>
#include <QGraphicsView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRubberBand>
#include <QStatusTipEvent>
#include <QToolButton>

namespace weft {
namespace ui {

RegionSelector::RegionSelector(QGraphicsView* view)
    : QObject(view), m_view(view), m_band(new QRubberBand(QRubberBand::Rectangle, view->viewport()))
{
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);   // Esc reaches the view, not its viewport
}

QToolButton* RegionSelector::createButton(QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setText(tr("Search a region"));
    button->setCheckable(true);
    button->setToolTip(tr("Search with a part of a picture: click here, then drag a rectangle over the picture. "
                          "Holding Shift while dragging does the same at any time."));
    connect(button, &QToolButton::toggled, this, &RegionSelector::setArmed);
    connect(this, &RegionSelector::armedChanged, button, &QToolButton::setChecked);
    // No status tip: leaving the button would clear the hint shown while armed.
    return button;
}

void RegionSelector::setArmed(bool armed)
{
    if (armed == m_armed)
        return;
    m_armed = armed;
    if (armed) {
        m_cursorBefore = m_view->viewport()->cursor();
        m_view->viewport()->setCursor(Qt::CrossCursor);
        m_view->setFocus();   // for Esc
        showStatus(tr("Drag a rectangle over a picture to search with that part (Esc cancels)."));
    } else {
        m_view->viewport()->setCursor(m_cursorBefore);
        showStatus(QString());
    }
    emit armedChanged(armed);
}

void RegionSelector::cancel()
{
    m_dragging = false;
    m_band->hide();
    setArmed(false);
}

// The window's status bar shows it (QMainWindow takes status tips from its widgets).
void RegionSelector::showStatus(const QString& text)
{
    QStatusTipEvent tip(text);
    QCoreApplication::sendEvent(m_view, &tip);
}

bool RegionSelector::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view) {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape && (m_armed || m_dragging)) {
            cancel();
            return true;
        }
        return false;
    }
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() != Qt::LeftButton || !(m_armed || mouse->modifiers().testFlag(Qt::ShiftModifier)))
            return false;
        m_dragging = true;
        m_origin = mouse->position();
        m_band->setGeometry(QRect(m_origin.toPoint(), QSize()));
        m_band->show();
        return true;
    }
    case QEvent::MouseMove:
        if (!m_dragging)
            return m_armed;   // armed, hovering does not pan or reset the cursor
        m_band->setGeometry(QRectF(m_origin, static_cast<QMouseEvent*>(event)->position()).normalized().toRect());
        return true;
    case QEvent::MouseButtonRelease: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (!m_dragging || mouse->button() != Qt::LeftButton)
            return m_dragging;
        const QRectF dragged = QRectF(m_origin, mouse->position()).normalized();
        m_dragging = false;
        m_band->hide();
        setArmed(false);
        emit selected(m_view->viewportTransform().inverted().mapRect(dragged));
        return true;
    }
    default:
        return false;
    }
}

}  // namespace ui
}  // namespace weft
