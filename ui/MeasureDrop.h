#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <thread>
#include <vector>

namespace weft {
namespace ui {

class MainWindow;

// `weft --measure-drop IMAGE`: once the library is open and its update is done,
// drops IMAGE onto the window `repeat` times (one after the other), prints the
// milliseconds from each drop event to the results being in the model, and quits.
// While each drop's second look runs it also measures how the window answers:
// another thread posts a key press to the results every 20 ms and the time from
// posting to the window handling it is printed (issue 12: at most 100 ms).
class MeasureDrop : public QObject {
    Q_OBJECT
public:
    static void start(MainWindow& window, const QString& image, int repeat);
    ~MeasureDrop() override;

private:
    MeasureDrop(MainWindow& window, const QString& image, int repeat);
    void dropOnce();
    void record(double milliseconds);
    void startKeyPresses();
    void stopKeyPresses();
    bool eventFilter(QObject* watched, QEvent* event) override;

    MainWindow& m_window;
    QString m_image;
    int m_repeat;
    bool m_started = false;
    std::vector<double> m_times;
    std::thread m_keyPoster;
    std::atomic<bool> m_posting{false};
    std::vector<double> m_keyLatencies;   // of the current drop's second look, ms
    std::vector<double> m_worstKeyLatency;   // per drop, ms
};

}  // namespace ui
}  // namespace weft
