#include "TerminalProgress.h"

#include <QFileInfo>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int signalNumber)
{
    g_interrupted = true;
    std::signal(signalNumber, SIG_DFL);  // a second Ctrl+C ends the program at once
}

QString duration(double seconds)
{
    if (seconds < 0)
        return QStringLiteral("?");
    const qint64 s = qint64(seconds + 0.5);
    if (s >= 3600)
        return QStringLiteral("%1h%2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1s").arg(s);
}

}  // namespace

TerminalProgress::TerminalProgress() : m_terminal(::isatty(STDERR_FILENO) == 1)
{
    m_sinceLastLine.start();
}

TerminalProgress::~TerminalProgress()
{
    finishLine();
}

void TerminalProgress::installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

bool TerminalProgress::interrupted()
{
    return g_interrupted;
}

bool TerminalProgress::shouldStop()
{
    return g_interrupted;
}

void TerminalProgress::finishLine()
{
    if (m_lineOpen)
        std::fputs("\n", stderr);
    m_lineOpen = false;
}

void TerminalProgress::progress(const weft::ProgressReport& report)
{
    const bool last = report.done == report.total;
    if (!last && m_sinceLastLine.elapsed() < (m_terminal ? 200 : 5000))
        return;
    m_sinceLastLine.restart();
    QString line = QStringLiteral("%1 %2/%3").arg(QLatin1String(phaseName(report.phase))).arg(report.done).arg(report.total);
    if (report.total > 0)
        line += QStringLiteral(" (%1%)").arg(100.0 * report.done / report.total, 0, 'f', 1);
    if (report.imagesPerSecond > 0)
        line += QStringLiteral("  %1 images/s  %2 left").arg(report.imagesPerSecond, 0, 'f', 1).arg(duration(report.secondsLeft));
    if (report.failed > 0)
        line += QStringLiteral("  %1 failed").arg(report.failed);
    if (m_terminal) {
        line += QStringLiteral("  ") + QFileInfo(report.currentFile).fileName();
        std::fprintf(stderr, "\r\033[K%s", qPrintable(line.left(160)));
        m_lineOpen = true;
        if (last)
            finishLine();
    } else {
        std::fprintf(stderr, "%s\n", qPrintable(line));
    }
    std::fflush(stderr);
}

void TerminalProgress::fileFailed(const QString& path, const QString& reason)
{
    finishLine();
    std::fprintf(stderr, "failed: %s: %s\n", qPrintable(path), qPrintable(reason));
}
