#pragma once

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QWidget>

namespace weft {
namespace ui {

// A drag from another program arriving over the middle of `target`: the drag
// enter, then a first move, as Qt delivers them. Returns whether the target
// would take the drop there. For --measure-drop and the tests.
inline bool sendSyntheticDragEnter(QWidget* target, const QMimeData* mime)
{
    const QPoint centre(target->width() / 2, target->height() / 2);
    QDragEnterEvent enter(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    // Qt sends the move accepted when the enter was: a widget may refuse it still.
    QDragMoveEvent move(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    move.accept();
    QApplication::sendEvent(target, &move);
    return move.isAccepted();
}

// The whole drag ending in a drop on `target` (Qt only passes a drop on to a
// widget that accepted the drag). Returns whether the drop was accepted.
inline bool sendSyntheticDrop(QWidget* target, const QMimeData* mime)
{
    if (!sendSyntheticDragEnter(target, mime))
        return false;
    const QPointF centre(target->width() / 2.0, target->height() / 2.0);
    QDropEvent drop(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

}  // namespace ui
}  // namespace weft
