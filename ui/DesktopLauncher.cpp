#include "ui/DesktopLauncher.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDesktopServices>
#include <QUrl>

namespace weft {
namespace ui {

namespace {
// A file manager that is activated on demand may take a moment to start.
constexpr int kShowItemTimeoutMs = 10000;
}

DesktopLauncher::DesktopLauncher(QObject* parent) : QObject(parent) {}

bool DesktopLauncher::openUrl(const QUrl& url)
{
    return QDesktopServices::openUrl(url);
}

void DesktopLauncher::showItem(const QString& path, Answer answer)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        answer(false);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.FileManager1"), QStringLiteral("/org/freedesktop/FileManager1"),
                                                       QStringLiteral("org.freedesktop.FileManager1"), QStringLiteral("ShowItems"));
    call << QStringList{QUrl::fromLocalFile(path).toString()} << QString();
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kShowItemTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [answer](QDBusPendingCallWatcher* finished) {
        finished->deleteLater();
        answer(!finished->isError());
    });
}

}  // namespace ui
}  // namespace weft
