#pragma once

#include "ui/BackendTypes.h"

#include <QFrame>
#include <QImage>

class QCheckBox;
class QLabel;

namespace weft {
namespace ui {

class PaletteBar;

// The drop target: says where a swatch can come from and, once one is chosen,
// shows it. The whole window accepts drops; this panel lights up while a drag
// is over the window so the target is obvious.
class QueryPanel : public QFrame {
    Q_OBJECT
public:
    explicit QueryPanel(QWidget* parent = nullptr);

    // The query on show: a swatch, a library image ("Find patterns like this") or
    // colours, as `source` says, with its image's dominant colours as chips (the
    // colours of `source` pressed).
    void setQuery(const QImage& image, const QuerySource& source, const QList<PaletteColour>& palette);
    void setBusy(const QString& message);
    void setError(const QString& message);
    void setDragHighlighted(bool highlighted);
    bool showsError() const { return m_error; }
    QString caption() const;   // what it says about the swatch on show
    PaletteBar* paletteBar() const { return m_palette; }
    // "Any colourway": how swatches are looked up. Set without a colourwayChanged().
    void setColourway(Colourway colourway);
    Colourway colourway() const;
    QCheckBox* colourwaySwitch() const { return m_anyColourway; }

signals:
    void openRequested();
    void pasteRequested();
    void colourwayChanged(weft::ui::Colourway colourway);

private:
    void updateFrame();

    QLabel* m_picture;
    QLabel* m_caption;
    QCheckBox* m_anyColourway;
    PaletteBar* m_palette;
    bool m_highlighted = false;
    bool m_error = false;
};

}  // namespace ui
}  // namespace weft
