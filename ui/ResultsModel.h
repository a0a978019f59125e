#pragma once

#include "core/pipeline/QueryEngine.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPixmap>

namespace weft {
namespace ui {

class ThumbnailProvider;

// The ranked matches of the current query, best first. Pictures come from the
// ThumbnailProvider: until a thumbnail is ready a row shows a placeholder, and
// dataChanged() announces it when it arrives.
class ResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, ScoreRole, RankRole, ImageIdRole, ThumbnailReadyRole };

    explicit ResultsModel(ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    void setMatches(const QList<Match>& matches);
    void clear();
    const QList<Match>& matches() const { return m_matches; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // A match dragged out of the grid carries its file (a file manager copies it,
    // an image editor opens it) and, for applications that take pictures only,
    // the picture itself. Dragging copies; nothing is ever moved.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    void onThumbnailReady(const QString& path);
    QPixmap placeholder() const;

    ThumbnailProvider* m_thumbnails;
    QList<Match> m_matches;
    QHash<QString, int> m_rowOfPath;
};

}  // namespace ui
}  // namespace weft
