#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QString>

namespace weft {
namespace ui {

class ThumbnailProvider;

// A list of library images drawn with their thumbnails (the matches, a browsed
// folder): a row shows a grey stand-in until its thumbnail is made, and
// dataChanged() announces it when it is.
class ThumbnailListModel : public QAbstractListModel {
    Q_OBJECT
protected:
    ThumbnailListModel(ThumbnailProvider* thumbnails, QObject* parent);

    ThumbnailProvider* thumbnails() const { return m_thumbnails; }
    // Which row shows `path`, so that its thumbnail finds it.
    void placeRow(const QString& path, int row);
    // Every row goes (a reset): the thumbnails asked for them are no longer wanted.
    void forgetRows();

private:
    void onThumbnail(const QString& path);

    ThumbnailProvider* m_thumbnails;
    QHash<QString, int> m_rowOfPath;
};

}  // namespace ui
}  // namespace weft
