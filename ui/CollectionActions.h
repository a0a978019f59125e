#pragma once

#include "ui/BackendTypes.h"

#include <QObject>
#include <QSet>

class QAction;
class QMenu;
class QWidget;

namespace weft {
namespace ui {

class LibraryBackend;

// What can be done with a pattern's collections: mark it a favourite (or no
// longer), add it to a collection, a new one included, or take it out of the
// collection on show. The changes go to the backend, which writes them on its
// library thread; the lists come back from it through setCollections().
class CollectionActions : public QObject {
    Q_OBJECT
public:
    CollectionActions(LibraryBackend* backend, QWidget* dialogParent);

    void setCollections(const QList<ImageCollection>& collections, const QSet<qint64>& favourites);
    void setEditable(bool editable);
    // The pattern the favourite action (shortcut F) works on; 0: none.
    void setCurrentImage(qint64 imageId);
    QAction* favouriteAction() const { return m_favourite; }
    // For a pattern's context menu; `shownCollection` is the collection on show (0: none).
    void addTo(QMenu* menu, qint64 imageId, qint64 shownCollection);
    void toggleFavourite(qint64 imageId);

private:
    void updateFavouriteAction();
    QString favouriteText(qint64 imageId) const;

    LibraryBackend* m_backend;
    QWidget* m_dialogParent;
    QAction* m_favourite;
    QList<ImageCollection> m_collections;
    QSet<qint64> m_favourites;
    qint64 m_currentImage = 0;
    bool m_editable = false;
};

}  // namespace ui
}  // namespace weft
