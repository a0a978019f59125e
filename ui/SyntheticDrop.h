#pragma once

#include <QApplication>
#include <QDropEvent>
#include <QMimeData>
#include <QWidget>

namespace weft {
namespace ui {

// Delivers `mime` to `target` the way a drag from another program ends: a drag
// enter (Qt only passes a drop on to a widget that accepted the enter), then the
// drop. For --measure-drop and the tests. Returns whether the drop was accepted.
inline bool sendSyntheticDrop(QWidget* target, const QMimeData* mime)
{
    const QPointF centre(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

}  // namespace ui
}  // namespace weft
