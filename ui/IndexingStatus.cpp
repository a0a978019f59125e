#include "ui/IndexingStatus.h"

#include "ui/ElidedLabel.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

namespace weft {
namespace ui {

IndexingStatus::IndexingStatus(QWidget* parent)
    : QWidget(parent), m_state(new ElidedLabel(Qt::ElideMiddle, this)), m_bar(new QProgressBar(this)), m_rate(new ElidedLabel(Qt::ElideRight, this)),
      m_pause(new QToolButton(this)),
      m_cancel(new QToolButton(this))
{
    m_bar->setMinimumWidth(60);
    m_bar->setMaximumWidth(220);
    m_bar->setTextVisible(true);
    m_pause->setText(tr("Pause"));
    m_cancel->setText(tr("Cancel"));
    m_pause->setToolTip(tr("Pause indexing; searching goes on"));
    m_cancel->setToolTip(tr("Stop indexing; what is done is kept and the next rescan continues"));
    connect(m_pause, &QToolButton::clicked, this, [this] {
        if (m_current == LibraryBackend::IndexingState::Paused)
            emit resumeRequested();
        else
            emit pauseRequested();
    });
    connect(m_cancel, &QToolButton::clicked, this, &IndexingStatus::cancelRequested);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state, 2);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_rate);
    layout->addWidget(m_pause);
    layout->addWidget(m_cancel);
    setState(LibraryBackend::IndexingState::Idle);
}

void IndexingStatus::setState(LibraryBackend::IndexingState state)
{
    using State = LibraryBackend::IndexingState;
    m_current = state;
    const bool running = state != State::Idle;
    m_bar->setVisible(running);
    m_rate->setVisible(running);
    m_pause->setVisible(running);
    m_cancel->setVisible(running);
    m_pause->setEnabled(state == State::Indexing || state == State::Paused);
    m_cancel->setEnabled(state != State::Stopping);
    m_pause->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
    if (!running)
        m_report = {};
    updateText();
}

void IndexingStatus::setProgress(const ProgressReport& report)
{
    m_report = report;
    updateText();
}

void IndexingStatus::setSummary(const QString& text)
{
    m_summary = text;
    updateText();
}

QString IndexingStatus::stateText() const
{
    return m_state->text();
}

QString IndexingStatus::rateText() const
{
    return m_rate->isVisibleTo(this) ? m_rate->text() : QString();
}

bool IndexingStatus::canPause() const
{
    return m_pause->isVisibleTo(this) && m_pause->isEnabled() && m_current != LibraryBackend::IndexingState::Paused;
}

QString IndexingStatus::durationText(double seconds)
{
    if (seconds < 0)
        return tr("estimating time left");
    if (seconds < 60)
        return tr("%1 s left").arg(qRound(seconds));
    if (seconds < 3600)
        return tr("%1 min left").arg(qRound(seconds / 60));
    return tr("%1 h %2 min left").arg(int(seconds / 3600)).arg(qRound(std::fmod(seconds, 3600) / 60));
}

void IndexingStatus::updateText()
{
    using State = LibraryBackend::IndexingState;
    const bool indexing = m_report.phase == ProgressPhase::Indexing;
    m_bar->setRange(0, int(std::max<qint64>(1, m_report.total)));
    m_bar->setValue(int(m_report.done));
    m_bar->setFormat(m_report.total > 0 ? tr("%1 of %2").arg(m_report.done).arg(m_report.total) : QString());
    if (!indexing)
        m_rate->clear();
    else if (m_report.imagesPerSecond > 0)
        m_rate->setText(tr("%1 images/s, %2").arg(m_report.imagesPerSecond, 0, 'f', 1).arg(durationText(m_report.secondsLeft)));
    else
        m_rate->setText(durationText(-1));   // nothing done yet to tell the rate by
    const QString file = QFileInfo(m_report.currentFile).fileName();
    switch (m_current) {
    case State::Idle:
        m_state->setText(m_summary);
        break;
    case State::Scanning:
        m_state->setText(tr("Looking for new and changed files…"));
        break;
    case State::Indexing:
        m_state->setText(file.isEmpty() ? tr("Indexing…") : tr("Indexing %1").arg(file));
        break;
    case State::Paused:
        m_state->setText(tr("Indexing paused; searching still works"));
        break;
    case State::Stopping:
        m_state->setText(tr("Stopping after the current image…"));
        break;
    }
}

}  // namespace ui
}  // namespace weft
