#pragma once

#include <QFrame>

class QLabel;

namespace weft {
namespace ui {

// One line of text that gives way when the window is narrow: it is shortened
// with "…" where `mode` says instead of holding the window wide, and the whole
// text is in its tooltip while shortened.
class ElidedLabel : public QFrame {
    Q_OBJECT
    Q_PROPERTY(QString text READ text WRITE setText)
public:
    explicit ElidedLabel(Qt::TextElideMode mode, QWidget* parent = nullptr);

    void setText(const QString& text);
    QString text() const { return m_text; }
    void clear() { setText(QString()); }
    QString shownText() const;   // as drawn at the present width

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateToolTip();

    QString m_text;
    Qt::TextElideMode m_mode;
};

// For a word-wrapped label: its longest word (a path, a file name) no longer
// holds the window wide; the text wraps where it can and the rest is cut.
void wrapWithinWidth(QLabel* label);

}  // namespace ui
}  // namespace weft
