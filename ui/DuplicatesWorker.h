#pragma once

#include "core/features/FeatureExtractor.h"
#include "core/pipeline/DuplicateFinder.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/IndexingWorker.h"   // declares ProgressReport's meta type

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <atomic>
#include <memory>

namespace weft {
namespace ui {

// Lives on a thread of its own and looks for duplicates and colourways
// (DuplicateFinder), which takes a while on a big library: searches and
// indexing go on meanwhile on their threads.
class DuplicatesWorker : public QObject, private ProgressObserver {
    Q_OBJECT
public:
    explicit DuplicatesWorker(QObject* parent = nullptr);
    ~DuplicatesWorker() override;

    // Thread-safe. Only the request set last runs; the run under way stops when
    // another is wanted or cancel() is called.
    void setWanted(quint64 requestId) { m_wanted = requestId; }
    void cancel() { m_wanted = 0; }

public slots:
    void attach(weft::Library* library, std::shared_ptr<const weft::FeatureExtractor> extractor);
    void detach();
    // The groups under `folder` (empty: the whole library).
    void find(quint64 requestId, const QString& folder);

signals:
    void progressed(quint64 requestId, const weft::ProgressReport& report);
    // Also after a stop: then groups.stopped is set and they cover the images compared.
    void found(quint64 requestId, const weft::PrintGroups& groups);
    void failed(quint64 requestId, const QString& message);

private:
    void progress(const ProgressReport& report) override;
    bool shouldStop() override { return m_wanted != m_running; }

    static constexpr int kProgressEveryMs = 100;

    Library* m_library = nullptr;
    std::shared_ptr<const FeatureExtractor> m_extractor;
    std::atomic<quint64> m_wanted{0};
    quint64 m_running = 0;
    QElapsedTimer m_sinceProgress;
};

}  // namespace ui
}  // namespace weft

Q_DECLARE_METATYPE(weft::PrintGroups)
