#include "ui/ResultsExporter.h"

#include "core/export/ResultsCsv.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace weft {
namespace ui {

ResultsExporter::ResultsExporter(QObject* parent) : QObject(parent) {}

void ResultsExporter::exportCsv(const QString& path, const QList<Match>& matches)
{
    run(path, [path, matches] { ResultsCsv::write(path, matches); });
}

void ResultsExporter::exportContactSheet(const QString& path, const ContactSheetContent& content)
{
    run(path, [path, content] { ContactSheet::write(path, content); });
}

void ResultsExporter::run(const QString& path, std::function<void()> write)
{
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (error.isEmpty())
            emit exported(path);
        else
            emit failed(error);
    });
    watcher->setFuture(QtConcurrent::run([write = std::move(write)]() -> QString {
        try {
            write();
            return {};
        } catch (const std::exception& error) {
            return QString::fromUtf8(error.what());
        }
    }));
}

}  // namespace ui
}  // namespace weft
