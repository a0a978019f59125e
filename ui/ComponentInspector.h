#pragma once

#include "ui/BackendTypes.h"

#include "core/components/ShownMotifs.h"

#include <QRectF>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace weft {
namespace ui {

class CompareView;

// One library image with the motifs found in it, drawn over it and listed as a
// designer reads them: each motif, how often it repeats, its size and how sure the
// detector is; under a motif, its instances.
class ComponentInspector : public QWidget {
    Q_OBJECT
public:
    explicit ComponentInspector(QWidget* parent = nullptr);

    void showImage(const ViewImage& image);
    QString currentPath() const { return m_path; }
    CompareView* view() const { return m_view; }

signals:
    void openImageRequested();
    // The user dragged over part of the image (see CompareView::regionSelected).
    void regionSelected(const QString& path, const QRectF& part);

private:
    void addMotif(const ShownMotifs::Motif& motif, QSize imageSize);

    CompareView* m_view;
    QTreeWidget* m_list;
    QLabel* m_title;
    QString m_path;
};

}  // namespace ui
}  // namespace weft
