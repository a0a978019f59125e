#include "ui/CollectionsPanel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace weft {
namespace ui {

namespace {
enum Column { NameColumn, SizeColumn };
}

CollectionsPanel::CollectionsPanel(QWidget* parent)
    : QWidget(parent), m_list(new QTreeWidget(this)), m_create(new QPushButton(tr("New…"), this)),
      m_rename(new QPushButton(tr("Rename…"), this)), m_remove(new QPushButton(tr("Delete"), this))
{
    auto* title = new QLabel(tr("<b>Collections</b>"), this);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Collection"), tr("Patterns")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Collections"));
    m_list->setToolTip(tr("Click a collection to see its patterns"));
    m_create->setToolTip(tr("Make a new, empty collection"));
    m_rename->setToolTip(tr("Rename the selected collection"));
    m_remove->setToolTip(tr("Delete the selected collection (its patterns stay in the library)"));

    // Two by two, like the library panel's, so that the side pane stays narrow.
    auto* buttons = new QGridLayout;
    buttons->addWidget(m_create, 0, 0);
    buttons->addWidget(m_rename, 0, 1);
    buttons->addWidget(m_remove, 1, 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    // A click on the collection already selected shows it again (after a search).
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        emit showRequested(item->data(NameColumn, Qt::UserRole).toLongLong());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &CollectionsPanel::updateButtons);
    connect(m_create, &QPushButton::clicked, this, [this] {
        const QString name = askForName(this, tr("New collection"));
        if (!name.isEmpty())
            emit createRequested(name);
    });
    connect(m_rename, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedCollection();
        for (const ImageCollection& collection : std::as_const(m_collections)) {
            if (collection.id != id)
                continue;
            const QString name = askForName(this, tr("Rename collection"), collection.name);
            if (!name.isEmpty() && name != collection.name)
                emit renameRequested(id, name);
        }
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedCollection();
        for (const ImageCollection& collection : std::as_const(m_collections)) {
            if (collection.id == id
                && QMessageBox::question(this, tr("Delete collection"),
                                         tr("Delete the collection “%1”? Its patterns stay in the library.").arg(collection.name))
                       == QMessageBox::Yes)
                emit removeRequested(id);
        }
    });
    updateButtons();
}

QString CollectionsPanel::displayName(const ImageCollection& collection)
{
    return collection.id == Catalog::kFavourites ? tr("Favourites") : collection.name;
}

QString CollectionsPanel::askForName(QWidget* parent, const QString& title, const QString& current)
{
    return QInputDialog::getText(parent, title, tr("Name of the collection:"), QLineEdit::Normal, current).trimmed();
}

void CollectionsPanel::setCollections(const QList<ImageCollection>& collections)
{
    const qint64 selected = selectedCollection();
    m_collections = collections;
    m_list->clear();
    for (const ImageCollection& collection : collections) {
        auto* item = new QTreeWidgetItem(m_list);
        const bool favourites = collection.id == Catalog::kFavourites;
        item->setText(NameColumn, (favourites ? QStringLiteral("\u2605 ") : QString()) + displayName(collection));
        item->setText(SizeColumn, QString::number(collection.size));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(NameColumn, Qt::UserRole, collection.id);
        if (collection.id == selected)
            item->setSelected(true);
    }
    updateButtons();
}

void CollectionsPanel::setEditable(bool editable)
{
    m_editable = editable;
    updateButtons();
}

qint64 CollectionsPanel::selectedCollection() const
{
    const QList<QTreeWidgetItem*> selected = m_list->selectedItems();
    return selected.isEmpty() ? 0 : selected.front()->data(NameColumn, Qt::UserRole).toLongLong();
}

void CollectionsPanel::updateButtons()
{
    const qint64 selected = selectedCollection();
    const bool own = selected != 0 && selected != Catalog::kFavourites;   // favourites stay as they are
    m_create->setEnabled(m_editable);
    m_rename->setEnabled(m_editable && own);
    m_remove->setEnabled(m_editable && own);
}

}  // namespace ui
}  // namespace weft
