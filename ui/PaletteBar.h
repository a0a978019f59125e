#pragma once

#include "ui/BackendTypes.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace weft {
namespace ui {

// Under the swatch: its dominant colours as chips (pressed ones keep only the
// matches holding them) and "Pick a colour…" to search the library by a colour of
// one's own. It only shows and asks: the window turns its signals into searches.
class PaletteBar : public QWidget {
    Q_OBJECT
public:
    explicit PaletteBar(QWidget* parent = nullptr);

    // The swatch's colours as chips, those among `chosen` pressed; none hides them.
    void setPalette(const QList<PaletteColour>& palette, const QList<QColor>& chosen);
    QList<QColor> chosenColours() const;

    QList<QToolButton*> chips() const { return m_chips; }

signals:
    // A chip was pressed or released: the colours now pressed.
    void chosenColoursChanged(const QList<QColor>& colours);
    // "Pick a colour…" chose one: search the library by it.
    void colourPicked(const QColor& colour);

private:
    void pickColour();

    QLabel* m_coloursLabel;
    QHBoxLayout* m_chipRow;
    QList<QToolButton*> m_chips;
};

}  // namespace ui
}  // namespace weft
