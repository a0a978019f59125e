#pragma once

#include "core/pipeline/DuplicateFinder.h"

#include <QDialog>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

namespace weft {
namespace ui {

class DuplicateGroupsModel;
class DuplicateImagesModel;
class LibraryBackend;
class ThumbnailGrid;
class ThumbnailProvider;

// Library › Find duplicates and colourways: looks through the library (or the
// folder chosen) in the background, with progress and a Stop button, then lists
// the groups found; the selected group's patterns are shown side by side, to be
// opened or shown in their folder. Nothing is ever deleted from here.
class DuplicatesDialog : public QDialog {
    Q_OBJECT
public:
    enum class State { Idle, Looking, Found, Stopped, Failed };
    Q_ENUM(State)

    DuplicatesDialog(LibraryBackend* backend, QWidget* parent = nullptr);

    // Looks under `folder` (empty: the whole library), unless the groups of that
    // folder are on show already or being looked for.
    void start(const QString& folder);
    // Looks again (the library changed).
    void findAgain();
    void stop();

    State state() const { return m_state; }
    QListView* groupList() const { return m_groupList; }
    ThumbnailGrid* groupImages() const { return m_images; }
    DuplicateGroupsModel* groupsModel() const { return m_groups; }
    DuplicateImagesModel* imagesModel() const { return m_imagesModel; }

signals:
    void stateChanged(weft::ui::DuplicatesDialog::State state);
    void openRequested(const QString& path);
    void showInFolderRequested(const QString& path);
    void menuRequested(const QString& path, qint64 imageId, const QPoint& globalPosition);

private:
    void setState(State state);
    void onProgress(quint64 requestId, const ProgressReport& report);
    void onFound(quint64 requestId, const PrintGroups& found);
    void onFailed(quint64 requestId, const QString& message);
    void showGroup(const QModelIndex& index);
    QString selectedPath() const;

    LibraryBackend* m_backend;
    ThumbnailProvider* m_thumbnails;
    DuplicateGroupsModel* m_groups;
    DuplicateImagesModel* m_imagesModel;
    QLabel* m_scope;
    QProgressBar* m_progress;
    QPushButton* m_stop;
    QLabel* m_summary;
    QListView* m_groupList;
    QLabel* m_groupTitle;
    ThumbnailGrid* m_images;
    QPushButton* m_open;
    QPushButton* m_reveal;
    QPushButton* m_again;
    State m_state = State::Idle;
    QString m_folder;
    quint64 m_request = 0;
};

}  // namespace ui
}  // namespace weft
