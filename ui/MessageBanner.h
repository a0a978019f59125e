#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace weft {
namespace ui {

// A strip at the top of the window for a problem the user can act on (missing
// model, read-only library, refused library). It stays until dismissed or replaced.
// A message may come with a button that acts on it (actionTriggered()); the next
// message without one hides it.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Warning, Error };

    explicit MessageBanner(QWidget* parent = nullptr);

    void showMessage(Kind kind, const QString& text, const QString& actionText = {});
    QString text() const;   // empty while hidden
    // Hides the banner if it still shows `text`, a message that no longer holds.
    void withdraw(const QString& text);
    QPushButton* actionButton() const { return m_action; }

signals:
    void actionTriggered();

private:
    QLabel* m_label;
    QPushButton* m_action;
};

}  // namespace ui
}  // namespace weft
