#pragma once

#include "core/catalog/ImageOrder.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace weft {
namespace ui {

class BrowseModel;
class LibraryBackend;
class QuickLook;
class ThumbnailGrid;
class ThumbnailProvider;

// The library without a search: every indexed pattern of a folder (and the folders
// in it) as thumbnails, sorted by name, date or size, with a quick look on Space.
class BrowseView : public QWidget {
    Q_OBJECT
public:
    BrowseView(LibraryBackend* backend, QWidget* parent = nullptr);

    // The folder to browse (empty: the whole library); read when the view is on
    // show, so a folder chosen while it is hidden costs nothing.
    void setFolder(const QString& folder);
    // Reads the folder again (indexing has added or removed images).
    void reload();
    QString currentPath() const;

    ThumbnailGrid* grid() const { return m_grid; }
    BrowseModel* model() const { return m_model; }
    QComboBox* orderChoice() const { return m_order; }
    QuickLook* quickLook() const { return m_quickLook; }

signals:
    void openRequested(const QString& path);
    void findLikeRequested(const QString& path);
    void menuRequested(const QString& path, qint64 imageId, const QPoint& globalPosition);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void load();
    void showCount();

    BrowseModel* m_model;
    ThumbnailProvider* m_thumbnails;
    QComboBox* m_order;
    QLabel* m_count;
    QPushButton* m_findLike;
    ThumbnailGrid* m_grid;
    QuickLook* m_quickLook;
    QString m_folder;
    bool m_loaded = false;   // the model shows m_folder as it is now
};

}  // namespace ui
}  // namespace weft
