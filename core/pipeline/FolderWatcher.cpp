#include "core/pipeline/FolderWatcher.h"

#include "core/pipeline/Scanner.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace weft {

namespace {

bool isUnder(const QString& path, const QString& folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

}  // namespace

FolderWatcher::FolderWatcher(QObject* parent) : QObject(parent), m_watcher(this), m_quiet(this), m_fallback(this)
{
    m_quiet.setSingleShot(true);
    setIntervals(kQuietMs, kFallbackRescanMinutes * 60 * 1000);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FolderWatcher::onDirectoryChanged);
    connect(&m_quiet, &QTimer::timeout, this, &FolderWatcher::handOn);
    connect(&m_fallback, &QTimer::timeout, this, &FolderWatcher::rescanDue);
}

void FolderWatcher::setIntervals(int quietMs, int fallbackRescanMs)
{
    m_quiet.setInterval(quietMs);
    m_fallback.setInterval(fallbackRescanMs);
}

void FolderWatcher::watch(const QStringList& roots)
{
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    m_watched.clear();
    m_changed.clear();
    m_quiet.stop();
    m_fallback.stop();
    m_unwatched = 0;
    for (const QString& root : roots)
        if (QFileInfo(root).isDir())
            watchTree(QDir::cleanPath(root));
}

QStringList FolderWatcher::watchTree(const QString& folder)
{
    // The folders the Scanner looks into: not hidden ones, through symbolic links.
    QStringList folders{folder};
    QDirIterator it(folder, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext())
        folders.append(it.next());
    QStringList toWatch;
    for (const QString& path : std::as_const(folders))
        if (!m_watched.contains(path))
            toWatch.append(path);
    if (toWatch.isEmpty())
        return folders;
    const QStringList refused = m_watcher.addPaths(toWatch);
    for (const QString& path : toWatch)
        m_watched.insert(path);
    int unwatched = 0;
    for (const QString& path : refused) {
        m_watched.remove(path);
        if (QFileInfo(path).isDir())   // not one deleted since it was listed
            ++unwatched;
    }
    if (unwatched > 0) {
        m_unwatched += unwatched;
        if (!m_fallback.isActive())
            m_fallback.start();
        emit watchLimited(m_unwatched);
    }
    return folders;
}

void FolderWatcher::onDirectoryChanged(const QString& folder)
{
    m_changed.insert(folder);
    m_quiet.start();
}

QStringList FolderWatcher::watchNewFoldersIn(const QString& folder)
{
    QStringList added;
    for (const QString& name : QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString path = folder + QLatin1Char('/') + name;
        if (!m_watched.contains(path))
            added += watchTree(path);
    }
    return added;
}

// A folder deleted or moved out of the library: its watch may still report under
// the old path (inotify follows the folder, not its name), so it is dropped.
QStringList FolderWatcher::forgetGoneFoldersUnder(const QString& folder)
{
    QStringList gone;
    for (const QString& path : std::as_const(m_watched))
        if (isUnder(path, folder) && !QFileInfo(path).isDir())
            gone.append(path);
    for (const QString& path : std::as_const(gone)) {
        m_watched.remove(path);
        m_watcher.removePath(path);
    }
    return gone;
}

bool FolderWatcher::imageBeingWritten(const QSet<QString>& folders) const
{
    const QDateTime now = QDateTime::currentDateTime();
    const QStringList& suffixes = Scanner::imageSuffixes();
    for (const QString& folder : folders) {
        for (const QFileInfo& file : QDir(folder).entryInfoList(QDir::Files)) {
            if (!suffixes.contains(file.suffix().toLower()))
                continue;
            const qint64 age = file.lastModified().msecsTo(now);
            if (age >= 0 && age < m_quiet.interval())   // a time in the future (another machine's clock) is not "now"
                return true;
        }
    }
    return false;
}

void FolderWatcher::handOn()
{
    QSet<QString> folders;
    for (const QString& folder : std::as_const(m_changed)) {
        folders.insert(folder);
        for (const QString& gone : forgetGoneFoldersUnder(folder))
            folders.insert(gone);
        if (QFileInfo(folder).isDir())
            for (const QString& added : watchNewFoldersIn(folder))
                folders.insert(added);
    }
    m_changed = folders;
    if (imageBeingWritten(folders)) {
        m_quiet.start();
        return;
    }
    m_changed.clear();
    QStringList sorted(folders.begin(), folders.end());
    sorted.sort();
    emit foldersChanged(sorted);
}

}  // namespace weft
