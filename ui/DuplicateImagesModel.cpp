#include "ui/DuplicateImagesModel.h"

#include "ui/ResultDelegate.h"
#include "ui/ThumbnailProvider.h"

#include <QDir>
#include <QFileInfo>

namespace weft {
namespace ui {

DuplicateImagesModel::DuplicateImagesModel(ThumbnailProvider* thumbnails, QObject* parent) : ThumbnailListModel(thumbnails, parent) {}

void DuplicateImagesModel::setGroup(const PrintGroup& group)
{
    beginResetModel();
    forgetRows();
    m_group = group;
    for (std::size_t row = 0; row < m_group.members.size(); ++row)
        placeRow(m_group.members[row].path, int(row));
    endResetModel();
}

void DuplicateImagesModel::clear()
{
    setGroup({});
}

int DuplicateImagesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_group.members.size());
}

QVariant DuplicateImagesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_group.members.size()))
        return {};
    const PrintGroup::Member& member = m_group.members[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(member.path).fileName();
    case ResultDelegate::CaptionRole:
        return tr("%1 × %2 px").arg(member.size.width()).arg(member.size.height());
    case Qt::ToolTipRole:
        return tr("%1\nPattern alike %2, colours alike %3 (1 is the same)")
            .arg(QDir::toNativeSeparators(member.path))
            .arg(double(member.pattern), 0, 'f', 3)
            .arg(double(member.colour), 0, 'f', 3);
    case Qt::DecorationRole:
        return thumbnails()->pixmap(member.path);
    case PathRole:
        return member.path;
    case ImageIdRole:
        return member.imageId;
    default:
        return {};
    }
}

}  // namespace ui
}  // namespace weft
