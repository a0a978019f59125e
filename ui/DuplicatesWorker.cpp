#include "ui/DuplicatesWorker.h"

#include "core/common/Error.h"

#include <QCoreApplication>

namespace weft {
namespace ui {

DuplicatesWorker::DuplicatesWorker(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<weft::PrintGroups>();
    qRegisterMetaType<weft::ProgressReport>();
}

DuplicatesWorker::~DuplicatesWorker() = default;

void DuplicatesWorker::attach(Library* library, std::shared_ptr<const FeatureExtractor> extractor)
{
    m_library = library;
    m_extractor = std::move(extractor);
}

void DuplicatesWorker::detach()
{
    m_library = nullptr;
    m_extractor.reset();
}

void DuplicatesWorker::find(quint64 requestId, const QString& folder)
{
    if (requestId != m_wanted)
        return;   // cancelled or superseded before it started
    m_running = requestId;
    try {
        if (!m_library || !m_extractor)
            throw Error(QCoreApplication::translate("weft::ui::DuplicatesWorker",
                                                    "No library with a loaded model is open, so its patterns cannot be compared"));
        // Made here, as its catalog connection belongs to this thread.
        const DuplicateFinder finder(*m_library, *m_extractor);
        m_sinceProgress.invalidate();
        const PrintGroups groups = finder.find(folder, this);
        emit found(requestId, groups);
    } catch (const std::exception& error) {
        emit failed(requestId, QString::fromUtf8(error.what()));
    }
    m_running = 0;
}

void DuplicatesWorker::progress(const ProgressReport& report)
{
    // The window needs a few updates a second, not one per image.
    if (m_sinceProgress.isValid() && m_sinceProgress.elapsed() < kProgressEveryMs && report.done < report.total)
        return;
    m_sinceProgress.start();
    emit progressed(m_running, report);
}

}  // namespace ui
}  // namespace weft
