#pragma once

#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"
#include "core/pipeline/Scanner.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>
#include <atomic>
#include <functional>
#include <memory>

namespace weft {

// Scans and indexes a library on the thread the Library lives on, for a front end
// that must stay responsive: call update() through a queued connection (or
// QMetaObject::invokeMethod) and follow the signals, which arrive queued on the
// receivers' threads. pause(), resume() and cancel() may be called from any thread;
// they take effect between two images (a cancel also between two scanned files; a
// pause holds once the scan is done), after the work so far is committed, so a
// cancelled run loses nothing and the next update() continues where it stopped.
class IndexingWorker : public QObject, private ProgressObserver {
    Q_OBJECT
public:
    // `extractor` may be null (no usable model): update() then only scans.
    IndexingWorker(Library& library, std::shared_ptr<const FeatureExtractor> extractor, QObject* parent = nullptr);
    ~IndexingWorker() override;

    void pause();
    void resume();
    void cancel();       // stops the run under way, if any, and ends a pause
    void shutDown();     // stops the run under way and every later one, for good
    bool isPaused() const { return m_paused.load(); }

public slots:
    // Scans `roots` (all of the library's folders when empty), then fingerprints
    // every image that needs it. A cancel() before or during the run stops it.
    void update(const QList<weft::LibraryRoot>& roots = {});
    // The same after a scan of only these folders (Scanner::scanFolders), e.g. the
    // ones a FolderWatcher saw change.
    void updateFolders(const QStringList& folders);

signals:
    void started();
    void progressed(const weft::ProgressReport& report);
    void imageFailed(const QString& path, const QString& reason);
    void pausedChanged(bool paused);   // true once the work is actually waiting
    void scanned(const weft::ScanSummary& summary);
    void finished(const weft::IndexSummary& summary);
    void failed(const QString& message);   // the run could not go on (e.g. a broken model)
    // The run stopped on a catalog file SQLite finds damaged: a repair is the way on.
    void catalogDamaged(const QString& message);

private:
    void run(const std::function<ScanSummary(ProgressObserver*)>& scan);
    void progress(const ProgressReport& report) override;
    void fileFailed(const QString& path, const QString& reason) override;
    bool shouldStop() override;

    Library& m_library;
    std::shared_ptr<const FeatureExtractor> m_extractor;
    QMutex m_mutex;
    QWaitCondition m_resumed;
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_shutDown{false};
};

}  // namespace weft

Q_DECLARE_METATYPE(weft::LibraryRoot)
Q_DECLARE_METATYPE(weft::ProgressReport)
Q_DECLARE_METATYPE(weft::ScanSummary)
Q_DECLARE_METATYPE(weft::IndexSummary)
