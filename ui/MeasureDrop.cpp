#include "ui/MeasureDrop.h"

#include "ui/MainWindow.h"
#include "ui/SyntheticDrop.h"

#include <QApplication>
#include <QFileInfo>
#include <QMimeData>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>

namespace weft {
namespace ui {

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
    if (int(m_times.size()) < m_repeat) {
        QTimer::singleShot(300, this, &MeasureDrop::dropOnce);
        return;
    }
    std::vector<double> sorted = m_times;
    std::sort(sorted.begin(), sorted.end());
    std::printf("first drop %.1f ms, median of %zu drops %.1f ms\n", m_times.front(), sorted.size(), sorted[sorted.size() / 2]);
    std::fflush(stdout);
    QTimer::singleShot(0, &m_window, &QWidget::close);
    QTimer::singleShot(0, qApp, &QApplication::quit);
}

}  // namespace ui
}  // namespace weft
