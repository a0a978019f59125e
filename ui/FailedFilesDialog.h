#pragma once

#include "ui/BackendTypes.h"

#include <QDialog>

class QTreeWidget;
class QLabel;

namespace weft {
namespace ui {

// The files that could not be indexed and why, so they can be fixed or removed.
class FailedFilesDialog : public QDialog {
    Q_OBJECT
public:
    explicit FailedFilesDialog(QWidget* parent = nullptr);
    void setFailedImages(const QList<FailedImage>& images);

private:
    QTreeWidget* m_list;
    QLabel* m_summary;
};

}  // namespace ui
}  // namespace weft
