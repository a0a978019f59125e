#pragma once

#include "core/pipeline/Progress.h"

#include <QElapsedTimer>
#include <atomic>

// Prints progress to stderr: one updating line on a terminal, a line every few
// seconds otherwise (logs, CI). Ctrl+C asks the work to stop after committing.
class TerminalProgress : public weft::ProgressObserver {
public:
    TerminalProgress();
    ~TerminalProgress() override;

    void progress(const weft::ProgressReport& report) override;
    void fileFailed(const QString& path, const QString& reason) override;
    bool shouldStop() override;

    // Installs SIGINT/SIGTERM handlers that set the stop flag; a second Ctrl+C ends at once.
    static void installInterruptHandler();
    static bool interrupted();

private:
    void finishLine();

    bool m_terminal = false;
    bool m_lineOpen = false;
    QElapsedTimer m_sinceLastLine;
};
