#pragma once

#include <QStyledItemDelegate>

namespace weft {
namespace ui {

// Paints one image of a grid of thumbnails (the matches, the browsed folder): its
// picture, scaled to fit the chosen thumbnail size, and below it the model's
// CaptionRole in bold (a match's rank and score) and its file name, with a star
// when FavouriteRole is true.
class ResultDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int CaptionRole = Qt::UserRole + 64;
    static constexpr int FavouriteRole = Qt::UserRole + 65;

    explicit ResultDelegate(QObject* parent = nullptr);

    void setThumbnailSize(int pixels);
    int thumbnailSize() const { return m_thumbnailSize; }
    QSize cellSize(const QFont& font) const;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_thumbnailSize = 160;
};

}  // namespace ui
}  // namespace weft
