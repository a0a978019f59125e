#pragma once

#include <QString>

namespace weft {

// Where long work reports to and asks whether to go on. The command line prints
// these reports, the desktop app shows them; both see the same numbers.
enum class ProgressPhase { Scanning, Indexing, Querying, Comparing, Repairing };

// The phase as the command line prints it; the app words it in the user's language.
inline const char* phaseName(ProgressPhase phase)
{
    switch (phase) {
    case ProgressPhase::Scanning: return "scanning";
    case ProgressPhase::Indexing: return "indexing";
    case ProgressPhase::Querying: return "querying";
    case ProgressPhase::Comparing: return "comparing";
    case ProgressPhase::Repairing: return "repairing";
    }
    return "";
}

struct ProgressReport {
    ProgressPhase phase = ProgressPhase::Scanning;
    qint64 done = 0;
    qint64 total = 0;
    qint64 failed = 0;
    QString currentFile;
    double imagesPerSecond = 0;
    double secondsLeft = -1;  // negative while unknown
};

class ProgressObserver {
public:
    virtual ~ProgressObserver() = default;
    virtual void progress(const ProgressReport& report) = 0;
    virtual void fileFailed(const QString& path, const QString& reason) { Q_UNUSED(path) Q_UNUSED(reason) }
    // Polled between images. Returning true stops the work after committing what is
    // done. An observer pauses the work by blocking here until it is resumed.
    virtual bool shouldStop() { return false; }
};

}  // namespace weft
