#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace weft {

// Notices, while the app runs, which folders of a library change on disk, so that
// only those are scanned again (Scanner::scanFolders) rather than the whole tree.
// It watches the library folders and every folder inside them (QFileSystemWatcher,
// inotify on Linux), and folders that appear later too. Changes come in bursts (a
// copy of many files), so the changed folders are handed on together once nothing
// has changed in them for the quiet time and no image in them was written to in
// that time (a large file still being copied waits until it is complete).
//
// A folder's watch reports files created, deleted, moved or renamed (editors save
// by writing a new file and renaming it over the old one) and touched, but not a
// file rewritten in place: such a change waits for the next rescan.
//
// The system limits how many folders one user can watch (fs.inotify.max_user_watches).
// Folders that cannot be watched are counted (watchLimited), and the whole library
// is then rescanned every fallback interval instead (rescanDue).
class FolderWatcher : public QObject {
    Q_OBJECT
public:
    static constexpr int kQuietMs = 2000;
    static constexpr int kFallbackRescanMinutes = 10;

    explicit FolderWatcher(QObject* parent = nullptr);

    // Tests wait less.
    void setIntervals(int quietMs, int fallbackRescanMs);

    // Watches `roots` and every folder inside them, in place of what was watched.
    void watch(const QStringList& roots);
    int watchedFolders() const { return int(m_watched.size()); }
    int unwatchedFolders() const { return m_unwatched; }

signals:
    // Each to be scanned on its own (not the folders inside it), in path order.
    void foldersChanged(const QStringList& folders);
    void watchLimited(int unwatchedFolders);
    void rescanDue();

private:
    void onDirectoryChanged(const QString& folder);
    void handOn();
    // `folder` and every folder inside it; returns them all, watched or not.
    QStringList watchTree(const QString& folder);
    QStringList watchNewFoldersIn(const QString& folder);
    QStringList forgetGoneFoldersUnder(const QString& folder);
    bool imageBeingWritten(const QSet<QString>& folders) const;

    QFileSystemWatcher m_watcher;
    QSet<QString> m_watched;
    int m_unwatched = 0;
    QSet<QString> m_changed;
    QTimer m_quiet;
    QTimer m_fallback;
};

}  // namespace weft
