#pragma once

#include "core/export/ContactSheet.h"

#include <QObject>
#include <functional>

namespace weft {
namespace ui {

// Writes the matches on show as a CSV list (ResultsCsv) or a PDF contact sheet
// (ContactSheet) on a worker thread, so the window stays responsive while the
// sheet's images are read, and says when the file is there or why it is not.
class ResultsExporter : public QObject {
    Q_OBJECT
public:
    explicit ResultsExporter(QObject* parent = nullptr);

    void exportCsv(const QString& path, const QList<Match>& matches);
    void exportContactSheet(const QString& path, const ContactSheetContent& content);

signals:
    void exported(const QString& path);
    void failed(const QString& message);

private:
    void run(const QString& path, std::function<void()> write);
};

}  // namespace ui
}  // namespace weft
