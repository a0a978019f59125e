#include "ui/QueryPanel.h"

#include "ui/ElidedLabel.h"
#include "ui/PaletteBar.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace weft {
namespace ui {

namespace {
constexpr int kPictureSide = 120;
}

QueryPanel::QueryPanel(QWidget* parent)
    : QFrame(parent), m_picture(new QLabel(this)), m_caption(new QLabel(this)), m_anyColourway(new QCheckBox(tr("Any colourway"), this)),
      m_palette(new PaletteBar(this))
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
    m_anyColourway->setToolTip(tr("Find the swatch's print in any colourway: its colours are left out of the comparison"));
    connect(m_anyColourway, &QCheckBox::toggled, this,
            [this](bool any) { emit colourwayChanged(any ? Colourway::Any : Colourway::AsPhotographed); });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(paste);
    buttons->addSpacing(12);
    buttons->addWidget(m_anyColourway);
    buttons->addStretch();
    auto* text = new QVBoxLayout;
    text->addWidget(m_caption, 1);
    text->addLayout(buttons);
    text->addWidget(m_palette);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_picture);
    layout->addLayout(text, 1);
    setMinimumHeight(kPictureSide + 24);
    updateFrame();
}

void QueryPanel::setQuery(const QImage& image, const QuerySource& source, const QList<PaletteColour>& palette)
{
    m_error = false;
    m_picture->setPixmap(QPixmap::fromImage(image.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    const QString name = source.name.toHtmlEscaped();
    const bool filtered = !source.colours.isEmpty();   // by the chips pressed below
    const bool anyColourway = source.colourway == Colourway::Any;
    if (source.searchesByColour()) {
        QStringList colours;
        for (const QColor& colour : source.colours)
            colours.append(colour.name());
        m_caption->setText(tr("<b>Patterns holding</b> %1<br>Pick another colour, or drop, paste or open a swatch.").arg(colours.join(QStringLiteral(", "))));
    } else if (source.indexedPattern) {
        m_caption->setText(filtered ? tr("<b>Patterns like:</b> %1<br>Only the patterns holding the pressed colours are shown.").arg(name)
                                    : tr("<b>Patterns like:</b> %1<br>Drop, paste or open a swatch to search for it.").arg(name));
    } else if (filtered) {
        m_caption->setText(anyColourway ? tr("<b>Swatch:</b> %1, its print in any colourway<br>Only the matches holding the pressed colours are shown.").arg(name)
                                        : tr("<b>Swatch:</b> %1<br>Only the matches holding the pressed colours are shown.").arg(name));
    } else {
        m_caption->setText(anyColourway ? tr("<b>Swatch:</b> %1, its print in any colourway<br>Drop, paste or open another to search again.").arg(name)
                                        : tr("<b>Swatch:</b> %1<br>Drop, paste or open another to search again.").arg(name));
    }
    m_palette->setPalette(palette, source.colours);
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

void QueryPanel::setColourway(Colourway colourway)
{
    const QSignalBlocker quiet(m_anyColourway);
    m_anyColourway->setChecked(colourway == Colourway::Any);
}

Colourway QueryPanel::colourway() const
{
    return m_anyColourway->isChecked() ? Colourway::Any : Colourway::AsPhotographed;
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
