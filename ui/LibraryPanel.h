#pragma once

#include "ui/BackendTypes.h"

#include <QWidget>

class QTreeWidget;
class QPushButton;
class QLabel;

namespace weft {
namespace ui {

// The library's folders with how many of their images are indexed, failed and
// pending, and the buttons that change them.
class LibraryPanel : public QWidget {
    Q_OBJECT
public:
    explicit LibraryPanel(QWidget* parent = nullptr);

    void setFolders(const QList<FolderStatus>& folders);
    const QList<FolderStatus>& folders() const { return m_folders; }
    void setEditable(bool editable);
    // No folders to show yet, and why: the library is being opened, or none is
    // open. Until setFolders(), nothing can be changed.
    void showOpening();
    void showNotOpen();
    QString summary() const;   // the line under the folders

signals:
    void addRequested();
    void removeRequested(qint64 rootId, const QString& path);
    void rescanRequested();
    void failedFilesRequested();
    void folderClicked(const QString& path);   // to browse it

private:
    qint64 selectedRoot() const;
    void showWithoutFolders(const QString& why);
    void updateButtons();

    QTreeWidget* m_tree;
    QLabel* m_totals;
    QPushButton* m_add;
    QPushButton* m_remove;
    QPushButton* m_rescan;
    QPushButton* m_failed;
    QList<FolderStatus> m_folders;
    bool m_editable = true;
};

}  // namespace ui
}  // namespace weft
