#pragma once

#include <QObject>
#include <QString>
#include <vector>

namespace weft {
namespace ui {

class MainWindow;

// `weft --measure-drop IMAGE`: once the library is open and its update is done,
// drops IMAGE onto the window `repeat` times (one after the other), prints the
// milliseconds from each drop event to the results being in the model, and quits.
class MeasureDrop : public QObject {
    Q_OBJECT
public:
    static void start(MainWindow& window, const QString& image, int repeat);

private:
    MeasureDrop(MainWindow& window, const QString& image, int repeat);
    void dropOnce();
    void record(double milliseconds);

    MainWindow& m_window;
    QString m_image;
    int m_repeat;
    bool m_started = false;
    std::vector<double> m_times;
};

}  // namespace ui
}  // namespace weft
