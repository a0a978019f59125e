#include "ui/LibraryPanel.h"

#include <QDir>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace weft {
namespace ui {

namespace {
enum Column { FolderColumn, IndexedColumn, FailedColumn, PendingColumn };
}

LibraryPanel::LibraryPanel(QWidget* parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)), m_totals(new QLabel(this)), m_add(new QPushButton(tr("Add folder…"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_rescan(new QPushButton(tr("Rescan"), this)),
      m_failed(new QPushButton(tr("Failed files…"), this))
{
    auto* title = new QLabel(tr("<b>Library folders</b>"), this);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    // Sibling folders share the start of their paths and differ at the end.
    m_tree->setTextElideMode(Qt::ElideLeft);
    m_tree->setHeaderLabels({tr("Folder"), tr("Indexed"), tr("Failed"), tr("Pending")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(FolderColumn, QHeaderView::Stretch);
    for (int column : {IndexedColumn, FailedColumn, PendingColumn})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Library folders"));
    m_add->setToolTip(tr("Add a folder of pattern images to the library and index it"));
    m_remove->setToolTip(tr("Remove the selected folder from the library (the files stay where they are)"));
    m_rescan->setToolTip(tr("Look for new, changed and deleted files in every folder"));
    m_failed->setToolTip(tr("List the files that could not be indexed, with the reason"));
    m_totals->setWordWrap(true);

    auto* buttons = new QGridLayout;
    buttons->addWidget(m_add, 0, 0);
    buttons->addWidget(m_remove, 0, 1);
    buttons->addWidget(m_rescan, 1, 0);
    buttons->addWidget(m_failed, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_totals);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &LibraryPanel::addRequested);
    connect(m_rescan, &QPushButton::clicked, this, &LibraryPanel::rescanRequested);
    connect(m_failed, &QPushButton::clicked, this, &LibraryPanel::failedFilesRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const qint64 root = selectedRoot();
        for (const FolderStatus& folder : std::as_const(m_folders))
            if (folder.rootId == root)
                emit removeRequested(root, folder.path);
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &LibraryPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) {
        for (const FolderStatus& folder : std::as_const(m_folders))
            if (folder.rootId == item->data(FolderColumn, Qt::UserRole).toLongLong())
                emit folderClicked(folder.path);
    });
    showOpening();
}

void LibraryPanel::showOpening()
{
    showWithoutFolders(tr("Opening the library…"));
}

void LibraryPanel::showNotOpen()
{
    showWithoutFolders(tr("No library is open."));
}

void LibraryPanel::showWithoutFolders(const QString& why)
{
    m_folders.clear();
    m_tree->clear();
    m_totals->setText(why);
    setEditable(false);
}

QString LibraryPanel::summary() const
{
    return m_totals->text();
}

void LibraryPanel::setFolders(const QList<FolderStatus>& folders)
{
    const qint64 selected = selectedRoot();
    m_folders = folders;
    m_tree->clear();
    qint64 indexed = 0, failed = 0, pending = 0;
    for (const FolderStatus& folder : folders) {
        auto* item = new QTreeWidgetItem(m_tree);
        item->setText(FolderColumn, QDir::toNativeSeparators(folder.path));
        item->setToolTip(FolderColumn, folder.missing ? tr("%1\nThis folder is not there (unplugged drive?). Its images are kept.").arg(folder.path)
                                                      : tr("%1\nClick to browse its patterns.").arg(folder.path));
        if (folder.missing) {
            item->setIcon(FolderColumn, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            item->setText(FolderColumn, tr("%1 (not found)").arg(QDir::toNativeSeparators(folder.path)));
        } else {
            item->setIcon(FolderColumn, style()->standardIcon(QStyle::SP_DirIcon));
        }
        item->setText(IndexedColumn, QString::number(folder.indexed));
        item->setText(FailedColumn, QString::number(folder.failed));
        item->setText(PendingColumn, QString::number(folder.pending));
        for (int column : {IndexedColumn, FailedColumn, PendingColumn})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(FolderColumn, Qt::UserRole, folder.rootId);
        if (folder.rootId == selected)
            item->setSelected(true);
        indexed += folder.indexed;
        failed += folder.failed;
        pending += folder.pending;
    }
    // Counts that are all nought leave their room to the folders' names.
    m_tree->setColumnHidden(FailedColumn, failed == 0);
    m_tree->setColumnHidden(PendingColumn, pending == 0);
    m_totals->setText(folders.isEmpty() ? tr("No folders yet. Add the folders of your pattern library to start.")
                                        : tr("%1 indexed, %2 failed, %3 pending in all").arg(indexed).arg(failed).arg(pending));
    updateButtons();
}

void LibraryPanel::setEditable(bool editable)
{
    m_editable = editable;
    updateButtons();
}

qint64 LibraryPanel::selectedRoot() const
{
    const QList<QTreeWidgetItem*> selected = m_tree->selectedItems();
    return selected.isEmpty() ? 0 : selected.front()->data(FolderColumn, Qt::UserRole).toLongLong();
}

void LibraryPanel::updateButtons()
{
    m_add->setEnabled(m_editable);
    m_rescan->setEnabled(m_editable && !m_folders.isEmpty());
    m_remove->setEnabled(m_editable && selectedRoot() != 0);
}

}  // namespace ui
}  // namespace weft
