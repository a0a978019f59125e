#pragma once

#include "ui/BackendTypes.h"
#include "ui/ResultsModel.h"
#include "ui/ThumbnailListModel.h"

#include "core/catalog/ImageOrder.h"

#include <QList>

namespace weft {
namespace ui {

class LibraryBackend;

// The indexed images of a folder and the folders in it, for the browse grid, in
// the order chosen. Rows come from the query thread a page at a time as the view
// scrolls down to them (canFetchMore/fetchMore), so a folder of 100k images opens
// at once and only what is looked at is read and drawn.
class BrowseModel : public ThumbnailListModel {
    Q_OBJECT
public:
    // PathRole and ImageIdRole as in the matches, so the same actions work on both grids.
    enum Role { PathRole = ResultsModel::PathRole, ImageIdRole = ResultsModel::ImageIdRole, SizeRole = Qt::UserRole + 16, ModifiedRole };
    static constexpr int kPageSize = 200;

    BrowseModel(LibraryBackend* backend, ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    // Starts over with the images under `folder` (empty: the whole library) in `order`.
    void show(const QString& folder, ImageOrder order);
    QString folder() const { return m_folder; }
    ImageOrder order() const { return m_order; }
    // How many images there are in all, of which rowCount() are loaded so far;
    // -1 until the first page arrives.
    int total() const { return m_total; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

signals:
    void totalKnown(int total);   // the first page is in
    void failed(const QString& message);

private:
    void requestPage(int first);
    void onPage(const BrowsePage& page);

    LibraryBackend* m_backend;
    QString m_folder;
    ImageOrder m_order = ImageOrder::Name;
    QList<ImageRecord> m_images;
    int m_total = -1;
    quint64 m_pending = 0;   // the page asked for and not yet in
};

}  // namespace ui
}  // namespace weft
