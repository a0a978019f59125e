#include "ui/DuplicateGroupsModel.h"

#include "ui/ThumbnailProvider.h"

#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QPainter>

#include <algorithm>

namespace weft {
namespace ui {

DuplicateGroupsModel::DuplicateGroupsModel(ThumbnailProvider* thumbnails, QObject* parent) : ThumbnailListModel(thumbnails, parent) {}

void DuplicateGroupsModel::setGroups(const std::vector<PrintGroup>& groups)
{
    beginResetModel();
    forgetRows();
    m_groups = groups;
    for (std::size_t row = 0; row < m_groups.size(); ++row)
        placeRow(m_groups[row].members.front().path, int(row));
    endResetModel();
}

QString DuplicateGroupsModel::kindName(PrintGroup::Kind kind)
{
    return kind == PrintGroup::Kind::Duplicates ? tr("Duplicates") : tr("Colourways");
}

int DuplicateGroupsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

QVariant DuplicateGroupsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_groups.size()))
        return {};
    const PrintGroup& group = m_groups[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %n pattern(s)\n%2", nullptr, int(group.members.size()))
            .arg(kindName(group.kind), QFileInfo(group.members.front().path).fileName());
    case Qt::ToolTipRole: {
        QStringList paths;
        for (const PrintGroup::Member& member : group.members)
            paths.append(QDir::toNativeSeparators(member.path));
        return paths.join(QLatin1Char('\n'));
    }
    case Qt::DecorationRole: {
        // Square, so that the texts beside portrait and landscape pictures line up.
        const QPixmap thumbnail = thumbnails()->pixmap(group.members.front().path);
        const int side = std::max(thumbnail.width(), thumbnail.height());
        QPixmap square(side, side);
        square.fill(Qt::transparent);
        QPainter(&square).drawPixmap((side - thumbnail.width()) / 2, (side - thumbnail.height()) / 2, thumbnail);
        return QIcon(square);   // drawn at the view's icon size
    }
    default:
        return {};
    }
}

}  // namespace ui
}  // namespace weft
