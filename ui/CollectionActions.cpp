#include "ui/CollectionActions.h"

#include "ui/CollectionsPanel.h"
#include "ui/LibraryBackend.h"

#include <QAction>
#include <QMenu>
#include <QWidget>

namespace weft {
namespace ui {

CollectionActions::CollectionActions(LibraryBackend* backend, QWidget* dialogParent)
    : QObject(dialogParent), m_backend(backend), m_dialogParent(dialogParent), m_favourite(new QAction(this))
{
    m_favourite->setShortcut(Qt::Key_F);
    m_favourite->setToolTip(tr("Mark the selected pattern as a favourite, or no longer"));
    connect(m_favourite, &QAction::triggered, this, [this] { toggleFavourite(m_currentImage); });
    updateFavouriteAction();
}

void CollectionActions::setCollections(const QList<ImageCollection>& collections, const QSet<qint64>& favourites)
{
    m_collections = collections;
    m_favourites = favourites;
    updateFavouriteAction();
}

void CollectionActions::setEditable(bool editable)
{
    m_editable = editable;
    updateFavouriteAction();
}

void CollectionActions::setCurrentImage(qint64 imageId)
{
    m_currentImage = imageId;
    updateFavouriteAction();
}

QString CollectionActions::favouriteText(qint64 imageId) const
{
    return m_favourites.contains(imageId) ? tr("Remove from &favourites") : tr("Add to &favourites");
}

void CollectionActions::updateFavouriteAction()
{
    m_favourite->setText(favouriteText(m_currentImage));
    m_favourite->setEnabled(m_editable && m_currentImage > 0);
}

void CollectionActions::toggleFavourite(qint64 imageId)
{
    if (!m_editable || imageId <= 0)
        return;
    CollectionEdit edit;
    edit.kind = m_favourites.contains(imageId) ? CollectionEdit::Kind::RemoveImage : CollectionEdit::Kind::AddImage;
    edit.collectionId = Catalog::kFavourites;
    edit.imageId = imageId;
    // Shown at once; the list that comes back after the write confirms it.
    if (edit.kind == CollectionEdit::Kind::AddImage)
        m_favourites.insert(imageId);
    else
        m_favourites.remove(imageId);
    updateFavouriteAction();
    m_backend->editCollection(edit);
}

void CollectionActions::addTo(QMenu* menu, qint64 imageId, qint64 shownCollection)
{
    if (imageId <= 0)
        return;
    QAction* favourite = menu->addAction(favouriteText(imageId), this, [this, imageId] { toggleFavourite(imageId); });
    favourite->setShortcut(m_favourite->shortcut());
    favourite->setEnabled(m_editable);

    QMenu* add = menu->addMenu(tr("Add to &collection"));
    add->setEnabled(m_editable);
    for (const ImageCollection& collection : std::as_const(m_collections)) {
        if (collection.id == Catalog::kFavourites)
            continue;
        const qint64 id = collection.id;
        add->addAction(collection.name, this, [this, id, imageId] {
            m_backend->editCollection({CollectionEdit::Kind::AddImage, id, {}, imageId});
        });
    }
    if (!add->isEmpty())
        add->addSeparator();
    add->addAction(tr("&New collection…"), this, [this, imageId] {
        const QString name = CollectionsPanel::askForName(m_dialogParent, tr("New collection"));
        if (!name.isEmpty())
            m_backend->editCollection({CollectionEdit::Kind::Create, 0, name, imageId});
    });

    for (const ImageCollection& collection : std::as_const(m_collections)) {
        if (collection.id == shownCollection && collection.id != Catalog::kFavourites) {
            QAction* remove = menu->addAction(tr("Remove from “%1”").arg(collection.name), this, [this, shownCollection, imageId] {
                m_backend->editCollection({CollectionEdit::Kind::RemoveImage, shownCollection, {}, imageId});
            });
            remove->setEnabled(m_editable);
        }
    }
}

}  // namespace ui
}  // namespace weft
