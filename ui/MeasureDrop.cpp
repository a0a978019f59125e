#include "ui/MeasureDrop.h"

#include "ui/MainWindow.h"
#include "ui/SyntheticDrop.h"

#include <QApplication>
#include <QFileInfo>
#include <QKeyEvent>
#include <QListView>
#include <QMimeData>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace weft {
namespace ui {

namespace {
constexpr auto kKeyPressInterval = std::chrono::milliseconds(20);

// A key press that knows when it was posted (steady clock, ns); Shift alone does
// nothing in the results, so the probe changes nothing it measures.
class ProbeKeyPress : public QKeyEvent {
public:
    explicit ProbeKeyPress(qint64 postedAt) : QKeyEvent(QEvent::KeyPress, Qt::Key_Shift, Qt::NoModifier), postedAt(postedAt) {}
    const qint64 postedAt;
};

qint64 steadyNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void MeasureDrop::start(MainWindow& window, const QString& image, int repeat)
{
    new MeasureDrop(window, image, repeat);   // parented to the window
}

MeasureDrop::MeasureDrop(MainWindow& window, const QString& image, int repeat)
    : QObject(&window), m_window(window), m_image(QFileInfo(image).absoluteFilePath()), m_repeat(repeat)
{
    LibraryBackend& backend = window.backend();
    // Measured on an idle library, so the numbers are the lookup's alone.
    auto ready = [this] {
        if (m_started)
            return;
        m_started = true;
        QTimer::singleShot(500, this, &MeasureDrop::dropOnce);
    };
    connect(&backend, &LibraryBackend::indexingFinished, this, ready);
    connect(&backend, &LibraryBackend::indexingFailed, this, ready);
    connect(&backend, &LibraryBackend::opened, this, [ready](const LibraryInfo& info) {
        if (info.readOnly)
            ready();
    });
    connect(&backend, &LibraryBackend::openFailed, this, [](const QString& message) {
        std::fprintf(stderr, "measure-drop: %s\n", qPrintable(message));
        QApplication::exit(1);
    });
    connect(&window, &MainWindow::dropToResults, this, &MeasureDrop::record);
    connect(&window, &MainWindow::resultsRefined, this, &MeasureDrop::stopKeyPresses);
    connect(&window, &MainWindow::resultsShown, this, [this] {
        if (!m_window.secondLookPending())
            stopKeyPresses();   // none follows
    });
    window.resultsView()->installEventFilter(this);
    connect(&window, &MainWindow::searchFailedShown, this, [](const QString& message) {
        std::fprintf(stderr, "measure-drop: %s\n", qPrintable(message));
        QApplication::exit(1);
    });
}

void MeasureDrop::dropOnce()
{
    std::fprintf(stderr, "measure-drop: dropping %s\n", qPrintable(m_image));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_image)});
    if (!sendSyntheticDrop(&m_window, &mime)) {
        std::fprintf(stderr, "measure-drop: the window did not take the drop\n");
        QApplication::exit(1);
    }
}

void MeasureDrop::record(double milliseconds)
{
    m_times.push_back(milliseconds);
    std::printf("drop %zu: %.1f ms from the drop event to the results in the model\n", m_times.size(), milliseconds);
    std::fflush(stdout);
    startKeyPresses();   // the second look starts now; resultsRefined ends it
}

void MeasureDrop::startKeyPresses()
{
    m_keyLatencies.clear();
    m_posting = true;
    QObject* target = m_window.resultsView();
    m_keyPoster = std::thread([this, target] {
        while (m_posting) {
            QCoreApplication::postEvent(target, new ProbeKeyPress(steadyNow()));
            std::this_thread::sleep_for(kKeyPressInterval);
        }
    });
}

bool MeasureDrop::eventFilter(QObject* watched, QEvent* event)
{
    if (const auto* probe = dynamic_cast<const ProbeKeyPress*>(event)) {
        if (m_posting)
            m_keyLatencies.push_back((steadyNow() - probe->postedAt) / 1e6);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void MeasureDrop::stopKeyPresses()
{
    if (!m_keyPoster.joinable())
        return;
    m_posting = false;
    m_keyPoster.join();
    std::vector<double> sorted = m_keyLatencies;
    std::sort(sorted.begin(), sorted.end());
    const double worst = sorted.empty() ? 0 : sorted.back();
    m_worstKeyLatency.push_back(worst);
    std::printf("drop %zu: during the second look %zu key presses were handled, median %.1f ms, worst %.1f ms after they were pressed\n",
                m_times.size(), sorted.size(), sorted.empty() ? 0 : sorted[sorted.size() / 2], worst);
    std::fflush(stdout);
    if (int(m_times.size()) < m_repeat) {
        QTimer::singleShot(300, this, &MeasureDrop::dropOnce);
        return;
    }
    std::vector<double> times = m_times;
    std::sort(times.begin(), times.end());
    std::printf("first drop %.1f ms, median of %zu drops %.1f ms; key presses during second looks: worst %.1f ms\n", m_times.front(), times.size(),
                times[times.size() / 2], *std::max_element(m_worstKeyLatency.begin(), m_worstKeyLatency.end()));
    std::fflush(stdout);
    QTimer::singleShot(0, &m_window, &QWidget::close);
    QTimer::singleShot(0, qApp, &QApplication::quit);
}

MeasureDrop::~MeasureDrop()
{
    m_posting = false;
    if (m_keyPoster.joinable())
        m_keyPoster.join();
}

}  // namespace ui
}  // namespace weft
