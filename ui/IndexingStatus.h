#pragma once

#include "ui/LibraryBackend.h"

#include <QWidget>

class QProgressBar;
class QToolButton;

namespace weft {
namespace ui {

class ElidedLabel;

// The status bar's account of indexing: what is happening, a progress bar, the
// rate and the time left, and buttons to pause, resume and cancel.
class IndexingStatus : public QWidget {
    Q_OBJECT
public:
    explicit IndexingStatus(QWidget* parent = nullptr);

    void setState(LibraryBackend::IndexingState state);
    void setProgress(const ProgressReport& report);
    void setSummary(const QString& text);   // shown while idle
    QString stateText() const;
    QString rateText() const;   // the rate and the time left; empty while not shown
    bool canPause() const;      // the Pause button is there and enabled

    static QString durationText(double seconds);

signals:
    void pauseRequested();
    void resumeRequested();
    void cancelRequested();

private:
    void updateText();

    ElidedLabel* m_state;
    QProgressBar* m_bar;
    ElidedLabel* m_rate;
    QToolButton* m_pause;
    QToolButton* m_cancel;
    LibraryBackend::IndexingState m_current = LibraryBackend::IndexingState::Idle;
    ProgressReport m_report;
    QString m_summary;
};

}  // namespace ui
}  // namespace weft
