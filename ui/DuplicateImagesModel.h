#pragma once

#include "core/pipeline/DuplicateFinder.h"

#include "ui/ResultsModel.h"
#include "ui/ThumbnailListModel.h"

namespace weft {
namespace ui {

// The patterns of one group of duplicates or colourways, side by side in a grid:
// each with its pixel size as ResultDelegate's caption (the largest is usually
// the original) and how alike it is to its closest in the group as its tool tip.
class DuplicateImagesModel : public ThumbnailListModel {
    Q_OBJECT
public:
    // As in the matches, so that the same actions and the quick look work here.
    enum Role { PathRole = ResultsModel::PathRole, ImageIdRole = ResultsModel::ImageIdRole };

    DuplicateImagesModel(ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    void setGroup(const PrintGroup& group);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    PrintGroup m_group;
};

}  // namespace ui
}  // namespace weft
