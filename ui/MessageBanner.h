#pragma once

#include <QFrame>

class QLabel;

namespace weft {
namespace ui {

// A strip at the top of the window for a problem the user can act on (missing
// model, read-only library, refused library). It stays until dismissed or replaced.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text);
    QString text() const;   // empty while hidden
    // Hides the banner if it still shows `text`, a message that no longer holds.
    void withdraw(const QString& text);

private:
    QLabel* m_label;
};

}  // namespace ui
}  // namespace weft
