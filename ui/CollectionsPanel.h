#pragma once

#include "ui/BackendTypes.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace weft {
namespace ui {

// Favourites and the designer's own collections, with how many patterns each
// holds. Choosing one shows its patterns in the results; the buttons ask for a
// name or a confirmation and pass the change on.
class CollectionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit CollectionsPanel(QWidget* parent = nullptr);

    void setCollections(const QList<ImageCollection>& collections);
    const QList<ImageCollection>& collections() const { return m_collections; }
    void setEditable(bool editable);
    // The name shown for a collection: favourites in the user's language.
    static QString displayName(const ImageCollection& collection);
    // Asks for a new collection's name; empty when the user cancels.
    static QString askForName(QWidget* parent, const QString& title, const QString& current = {});

signals:
    void showRequested(qint64 collectionId);
    void createRequested(const QString& name);
    void renameRequested(qint64 collectionId, const QString& name);
    void removeRequested(qint64 collectionId);

private:
    qint64 selectedCollection() const;
    void updateButtons();

    QTreeWidget* m_list;
    QPushButton* m_create;
    QPushButton* m_rename;
    QPushButton* m_remove;
    QList<ImageCollection> m_collections;
    bool m_editable = false;
};

}  // namespace ui
}  // namespace weft
