#pragma once

#include <QStyledItemDelegate>

namespace weft {
namespace ui {

// Paints one match in the results grid: its picture, scaled to fit the chosen
// thumbnail size, with the rank and score and the file name below.
class ResultDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
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
