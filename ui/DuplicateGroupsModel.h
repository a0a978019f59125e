#pragma once

#include "core/pipeline/DuplicateFinder.h"

#include "ui/ThumbnailListModel.h"

namespace weft {
namespace ui {

// The groups of duplicates and colourways found, one row each: what kind of group
// it is and how many patterns it holds, with the thumbnail of its first.
class DuplicateGroupsModel : public ThumbnailListModel {
    Q_OBJECT
public:
    DuplicateGroupsModel(ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    void setGroups(const std::vector<PrintGroup>& groups);
    const std::vector<PrintGroup>& groups() const { return m_groups; }
    // The kind of a group in the user's words ("Duplicates", "Colourways").
    static QString kindName(PrintGroup::Kind kind);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<PrintGroup> m_groups;
};

}  // namespace ui
}  // namespace weft
