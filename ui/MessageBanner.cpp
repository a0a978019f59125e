#include "ui/MessageBanner.h"

#include "ui/ElidedLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace weft {
namespace ui {

MessageBanner::MessageBanner(QWidget* parent) : QFrame(parent), m_label(new QLabel(this)), m_action(new QPushButton(this))
{
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);
    setObjectName(QStringLiteral("messageBanner"));
    wrapWithinWidth(m_label);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);   // so a command can be copied
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Hide this message"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString& text, const QString& actionText)
{
    m_action->setText(actionText);
    m_action->setEnabled(true);
    m_action->setVisible(!actionText.isEmpty());
    setStyleSheet(kind == Kind::Error ? QStringLiteral("#messageBanner { background: #f8d7da; color: #58151c; border: 1px solid #e0a0a8; }")
                                      : QStringLiteral("#messageBanner { background: #fff3cd; color: #664d03; border: 1px solid #e6cf7a; }"));
    m_label->setText(text);
    show();
}

void MessageBanner::withdraw(const QString& text)
{
    if (!text.isEmpty() && !isHidden() && m_label->text() == text)
        hide();
}

QString MessageBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

}  // namespace ui
}  // namespace weft
