// Catalog's collections: favourites and the designer's named collections of patterns.

#include "core/catalog/Catalog.h"

#include "core/catalog/CatalogStatement.h"

#include <QCoreApplication>
#include <QDateTime>

namespace weft {

using catalog_detail::Statement;

QList<ImageCollection> Catalog::collections() const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT c.id, c.name, c.created, count(i.image_id) FROM collections c"
                                    " LEFT JOIN collection_items i ON i.collection_id = c.id"
                                    " GROUP BY c.id ORDER BY c.id <> ?, c.name"));
    QSqlQuery& query = select.bind(kFavourites).exec(QStringLiteral("list the collections"));
    QList<ImageCollection> result;
    while (query.next())
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(), query.value(3).toLongLong()});
    return result;
}

QString Catalog::collectionName(qint64 collectionId) const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT name FROM collections WHERE id = ?"));
    QSqlQuery& query = select.bind(collectionId).exec(QStringLiteral("look up collection %1").arg(collectionId));
    if (!query.next())
        throw Error(QCoreApplication::translate("weft::Catalog", "That collection is no longer in the library; it may have been deleted."));
    return query.value(0).toString();
}

// The name as it will be stored, or weft::Error if it is empty or another
// collection has it (in any case of letters).
QString Catalog::checkedCollectionName(const QString& name, std::optional<qint64> renaming) const
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        throw Error(QCoreApplication::translate("weft::Catalog", "A collection needs a name."));
    Statement select(m_db, m_path, QStringLiteral("SELECT id FROM collections WHERE name = ?"));
    QSqlQuery& query = select.bind(trimmed).exec(QStringLiteral("look up the collection \"%1\"").arg(trimmed));
    if (query.next() && (!renaming || query.value(0).toLongLong() != *renaming))
        throw Error(QCoreApplication::translate("weft::Catalog", "There is already a collection called “%1”.").arg(trimmed));
    return trimmed;
}

qint64 Catalog::createCollection(const QString& name)
{
    requireWritable("create a collection");
    Transaction tx(*this);
    const QString stored = checkedCollectionName(name, std::nullopt);
    const QString what = QStringLiteral("create the collection \"%1\"").arg(stored);
    Statement insert(m_db, m_path, QStringLiteral("INSERT INTO collections(name, created) VALUES(?, ?)"));
    const qint64 id = insert.bind(stored).bind(QDateTime::currentMSecsSinceEpoch()).exec(what).lastInsertId().toLongLong();
    tx.commit();
    return id;
}

void Catalog::renameCollection(qint64 collectionId, const QString& name)
{
    requireWritable("rename a collection");
    if (collectionId == kFavourites)
        throw Error(QCoreApplication::translate("weft::Catalog", "Favourites cannot be renamed or deleted."));
    Transaction tx(*this);
    collectionName(collectionId);
    const QString stored = checkedCollectionName(name, collectionId);
    Statement(m_db, m_path, QStringLiteral("UPDATE collections SET name = ? WHERE id = ?"))
        .bind(stored)
        .bind(collectionId)
        .exec(QStringLiteral("rename collection %1").arg(collectionId));
    tx.commit();
}

void Catalog::removeCollection(qint64 collectionId)
{
    requireWritable("delete a collection");
    if (collectionId == kFavourites)
        throw Error(QCoreApplication::translate("weft::Catalog", "Favourites cannot be renamed or deleted."));
    const QString what = QStringLiteral("delete collection %1").arg(collectionId);
    Transaction tx(*this);
    // Explicit rather than by the cascade alone, as for images (removeRoot).
    Statement(m_db, m_path, QStringLiteral("DELETE FROM collection_items WHERE collection_id = ?")).bind(collectionId).exec(what);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM collections WHERE id = ?")).bind(collectionId).exec(what);
    tx.commit();
}

void Catalog::addToCollection(qint64 collectionId, qint64 imageId)
{
    requireWritable("add a pattern to a collection");
    Transaction tx(*this);
    collectionName(collectionId);
    if (!image(imageId))
        throw Error(QCoreApplication::translate("weft::Catalog", "That pattern is no longer in the library, so it cannot be added to a collection."));
    Statement(m_db, m_path,
              QStringLiteral("INSERT INTO collection_items(collection_id, image_id, added) VALUES(?, ?, ?)"
                             " ON CONFLICT(collection_id, image_id) DO NOTHING"))
        .bind(collectionId)
        .bind(imageId)
        .bind(QDateTime::currentMSecsSinceEpoch())
        .exec(QStringLiteral("add image %1 to collection %2").arg(imageId).arg(collectionId));
    tx.commit();
}

void Catalog::removeFromCollection(qint64 collectionId, qint64 imageId)
{
    requireWritable("take a pattern out of a collection");
    Statement(m_db, m_path, QStringLiteral("DELETE FROM collection_items WHERE collection_id = ? AND image_id = ?"))
        .bind(collectionId)
        .bind(imageId)
        .exec(QStringLiteral("take image %1 out of collection %2").arg(imageId).arg(collectionId));
}

QList<ImageRecord> Catalog::collectionImages(qint64 collectionId) const
{
    collectionName(collectionId);
    return imagesWhere(QStringLiteral("id IN (SELECT image_id FROM collection_items WHERE collection_id = ?)"), {collectionId});
}

void Catalog::moveCollectionItems(qint64 fromImageId, qint64 toImageId)
{
    requireWritable("keep a moved pattern in its collections");
    Statement(m_db, m_path,
              QStringLiteral("INSERT INTO collection_items(collection_id, image_id, added)"
                             " SELECT collection_id, ?, added FROM collection_items WHERE image_id = ?"
                             " ON CONFLICT(collection_id, image_id) DO NOTHING"))
        .bind(toImageId)
        .bind(fromImageId)
        .exec(QStringLiteral("move the collections of image %1 to image %2").arg(fromImageId).arg(toImageId));
}

}  // namespace weft
