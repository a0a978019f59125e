#include "ui/QueryPanel.h"

#include "ui/ElidedLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace weft {
namespace ui {

namespace {
constexpr int kPictureSide = 120;
}

QueryPanel::QueryPanel(QWidget* parent) : QFrame(parent), m_picture(new QLabel(this)), m_caption(new QLabel(this))
{
    setObjectName(QStringLiteral("queryPanel"));
    m_picture->setFixedSize(kPictureSide, kPictureSide);
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setText(QStringLiteral("⤓"));
    QFont big = m_picture->font();
    big.setPointSizeF(big.pointSizeF() * 3.5);
    m_picture->setFont(big);
    wrapWithinWidth(m_caption);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setText(tr("<b>Drop a swatch photo here</b><br>from the file manager or a browser, paste it with Ctrl+V, or open a file."));

    auto* open = new QPushButton(tr("Open swatch…"), this);
    auto* paste = new QPushButton(tr("Paste"), this);
    connect(open, &QPushButton::clicked, this, &QueryPanel::openRequested);
    connect(paste, &QPushButton::clicked, this, &QueryPanel::pasteRequested);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(paste);
    buttons->addStretch();
    auto* text = new QVBoxLayout;
    text->addWidget(m_caption, 1);
    text->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_picture);
    layout->addLayout(text, 1);
    setMinimumHeight(kPictureSide + 24);
    updateFrame();
}

void QueryPanel::setQuery(const QImage& image, const QString& name, bool pattern)
{
    m_error = false;
    m_picture->setPixmap(QPixmap::fromImage(image.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_caption->setText(pattern ? tr("<b>Patterns like:</b> %1<br>Drop, paste or open a swatch to search for it.").arg(name.toHtmlEscaped())
                               : tr("<b>Swatch:</b> %1<br>Drop, paste or open another to search again.").arg(name.toHtmlEscaped()));
    updateFrame();
}

void QueryPanel::setBusy(const QString& message)
{
    m_error = false;
    m_picture->setText(QStringLiteral("⤓"));   // the previous swatch is no longer the query
    m_caption->setText(message.toHtmlEscaped());
    updateFrame();
}

void QueryPanel::setError(const QString& message)
{
    m_error = true;
    m_caption->setText(tr("<b>This swatch could not be searched.</b><br>%1").arg(message.toHtmlEscaped()));
    updateFrame();
}

QString QueryPanel::caption() const
{
    return m_caption->text();
}

void QueryPanel::setDragHighlighted(bool highlighted)
{
    m_highlighted = highlighted;
    updateFrame();
}

void QueryPanel::updateFrame()
{
    const QString border = m_highlighted ? QStringLiteral("#2a7ae2") : m_error ? QStringLiteral("#c0392b") : QStringLiteral("#9aa0a6");
    const QString fill = m_highlighted ? QStringLiteral("#e3efff") : QStringLiteral("palette(base)");
    setStyleSheet(QStringLiteral("#queryPanel { border: 2px dashed %1; border-radius: 8px; background: %2; }").arg(border, fill));
}

}  // namespace ui
}  // namespace weft
