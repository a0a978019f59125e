#pragma once

#include <QCursor>
#include <QObject>
#include <QPointF>
#include <QRectF>

class QGraphicsView;
class QRubberBand;
class QToolButton;
class QWidget;

namespace weft {
namespace ui {

// Lets the user drag a rectangle over a QGraphicsView to pick a part of what it
// shows: with Shift held, or after setArmed(true) (the "Search a region" button).
// The rectangle is drawn while dragging; on release it is handed on in scene
// coordinates. Without Shift or arming the view's own dragging (panning) is left
// alone. Esc cancels.
class RegionSelector : public QObject {
    Q_OBJECT
public:
    explicit RegionSelector(QGraphicsView* view);

    bool isArmed() const { return m_armed; }
    // A checkable button that arms the selector, its tooltip explaining the gesture.
    QToolButton* createButton(QWidget* parent);

public slots:
    // Armed, the next left-button drag picks a region even without Shift.
    void setArmed(bool armed);

signals:
    void selected(const QRectF& sceneRect);
    void armedChanged(bool armed);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void cancel();
    void showStatus(const QString& text);

    QGraphicsView* m_view;
    QRubberBand* m_band;
    QPointF m_origin;   // viewport pixels
    bool m_dragging = false;
    bool m_armed = false;
    QCursor m_cursorBefore;
};

}  // namespace ui
}  // namespace weft
