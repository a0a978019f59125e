#pragma once

#include <QObject>

#include <functional>

class QUrl;

namespace weft {
namespace ui {

// Hands a match's file to the desktop: the image viewer, the file manager. The
// window asks through this, so that a test can stand in for a desktop that fails.
class DesktopLauncher : public QObject {
    Q_OBJECT
public:
    using Answer = std::function<void(bool shown)>;

    explicit DesktopLauncher(QObject* parent = nullptr);

    // QDesktopServices::openUrl: false when no application takes the URL
    // (on Linux it runs xdg-open, from xdg-utils).
    virtual bool openUrl(const QUrl& url);
    // Asks the file manager to show the file selected (org.freedesktop.FileManager1
    // ShowItems on the session bus). Answers later, false when none did.
    virtual void showItem(const QString& path, Answer answer);
};

}  // namespace ui
}  // namespace weft
