#include "ui/QuickLook.h"

#include "ui/LibraryBackend.h"
#include "ui/QuickLookWindow.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QPixmap>

namespace weft {
namespace ui {

QuickLook::QuickLook(QAbstractItemView* grid, LibraryBackend* backend, int pathRole)
    : QObject(grid), m_grid(grid), m_backend(backend), m_pathRole(pathRole)
{
    m_grid->installEventFilter(this);
    connect(m_backend, &LibraryBackend::viewImageLoaded, this, &QuickLook::onImageLoaded);
}

void QuickLook::open()
{
    if (!m_grid->currentIndex().isValid())
        return;
    if (!m_window) {
        m_window = new QuickLookWindow(m_grid->window());
        m_window->installEventFilter(this);
        m_window->resize(m_grid->window()->size() * 0.8);
        // The grid's cursor is where the look ends; a model reset leaves nothing to show.
        connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
            if (m_window->isVisible())
                showCurrent();
        });
        connect(m_grid->model(), &QAbstractItemModel::modelReset, m_window, &QWidget::close);
    }
    showCurrent();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void QuickLook::showCurrent()
{
    const QModelIndex current = m_grid->currentIndex();
    if (!current.isValid())
        return;
    const QString path = current.data(m_pathRole).toString();
    if (path == m_window->path() && m_pending == 0)
        return;
    m_window->showLoading(path, current.data(Qt::DecorationRole).value<QPixmap>().toImage());
    m_pending = m_backend->loadViewImage(path);
}

void QuickLook::step(int rows)
{
    const QAbstractItemModel* model = m_grid->model();
    const int row = m_grid->currentIndex().row() + rows;
    if (row < 0)
        return;
    if (row >= model->rowCount()) {
        // Asked for the next page; once it is in, the next key press goes on.
        if (model->canFetchMore({}))
            m_grid->model()->fetchMore({});
        return;
    }
    m_grid->setCurrentIndex(model->index(row, 0));
}

void QuickLook::onImageLoaded(const ViewImage& image)
{
    if (image.requestId != m_pending)
        return;
    m_pending = 0;
    if (image.error.isEmpty())
        m_window->setImage(image.image, image.originalSize);
    else
        m_window->setError(image.error);
}

bool QuickLook::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & ~Qt::KeypadModifier)
        return false;   // Alt+Left and the like are the window's
    if (watched == m_grid) {
        if (key->key() != Qt::Key_Space)
            return false;
        open();
        return true;
    }
    switch (key->key()) {
    case Qt::Key_Space:
        m_window->close();
        return true;
    case Qt::Key_Right:
        step(1);
        return true;
    case Qt::Key_Left:
        step(-1);
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_Home:
    case Qt::Key_End:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        // Moves as it does in the grid, a row up or down and so on.
        QCoreApplication::sendEvent(m_grid, event);
        return true;
    default:
        return false;
    }
}

}  // namespace ui
}  // namespace weft
