#include "ui/BrowseView.h"

#include "ui/BrowseModel.h"
#include "ui/LibraryBackend.h"
#include "ui/QuickLook.h"
#include "ui/ThumbnailGrid.h"
#include "ui/ThumbnailProvider.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace weft {
namespace ui {

BrowseView::BrowseView(LibraryBackend* backend, QWidget* parent)
    : QWidget(parent), m_thumbnails(new ThumbnailProvider(this)), m_order(new QComboBox(this)),
      m_count(new QLabel(this)), m_findLike(new QPushButton(tr("Find patterns like this"), this)), m_grid(new ThumbnailGrid(this))
{
    m_model = new BrowseModel(backend, m_thumbnails, this);
    // Its own thumbnails, so that a search, which drops the queue of the matches', leaves the grid's be.
    connect(backend, &LibraryBackend::opened, this, [this](const LibraryInfo& info) {
        m_thumbnails->setCacheFolder(QDir(info.folder).filePath(QStringLiteral("thumbnails")));
        reload();
    });

    m_order->addItem(tr("Name"), QVariant::fromValue(ImageOrder::Name));
    m_order->addItem(tr("Date modified, newest first"), QVariant::fromValue(ImageOrder::Newest));
    m_order->addItem(tr("Size, largest first"), QVariant::fromValue(ImageOrder::Largest));
    m_order->setToolTip(tr("The order of the patterns"));
    connect(m_order, &QComboBox::currentIndexChanged, this, &BrowseView::reload);
    m_findLike->setToolTip(tr("Search the library for patterns like the selected one"));
    m_findLike->setEnabled(false);
    connect(m_findLike, &QPushButton::clicked, this, [this] { emit findLikeRequested(currentPath()); });

    m_grid->setModel(m_model);
    m_grid->setAccessibleName(tr("Patterns of the folder"));
    m_quickLook = new QuickLook(m_grid, backend, BrowseModel::PathRole);
    connect(m_grid, &QListView::activated, this, [this](const QModelIndex& index) { emit openRequested(index.data(BrowseModel::PathRole).toString()); });
    connect(m_grid, &QListView::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = m_grid->indexAt(position);
        if (index.isValid())
            emit menuRequested(index.data(BrowseModel::PathRole).toString(), index.data(BrowseModel::ImageIdRole).toLongLong(),
                               m_grid->viewport()->mapToGlobal(position));
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { m_findLike->setEnabled(current.isValid()); });
    connect(m_model, &BrowseModel::totalKnown, this, [this] {
        showCount();
        if (m_model->rowCount() > 0)
            m_grid->setCurrentIndex(m_model->index(0));
    });
    connect(m_model, &BrowseModel::failed, this, [this](const QString& message) {
        m_count->setText(tr("The folder's patterns cannot be listed: %1").arg(message));
    });

    auto* header = new QHBoxLayout;
    header->addWidget(m_count, 1);
    header->addWidget(new QLabel(tr("Sort by:"), this));
    header->addWidget(m_order);
    header->addWidget(m_findLike);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_grid, 1);
}

void BrowseView::setFolder(const QString& folder)
{
    if (folder == m_folder && m_loaded)
        return;
    m_folder = folder;
    reload();
}

void BrowseView::reload()
{
    m_loaded = false;
    if (isVisible())
        load();
}

void BrowseView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded)
        load();
}

void BrowseView::load()
{
    m_loaded = true;
    m_count->setText(tr("Reading the folder…"));
    m_findLike->setEnabled(false);
    m_model->show(m_folder, m_order->currentData().value<ImageOrder>());
}

void BrowseView::showCount()
{
    const int total = m_model->total();
    m_count->setText(m_folder.isEmpty() ? tr("%n pattern(s) in the library", nullptr, total)
                                        : tr("%n pattern(s) in %1", nullptr, total).arg(QFileInfo(m_folder).fileName()));
    m_count->setToolTip(QDir::toNativeSeparators(m_folder));
}

QString BrowseView::currentPath() const
{
    return m_grid->currentIndex().data(BrowseModel::PathRole).toString();
}

}  // namespace ui
}  // namespace weft
