#include "ui/PaletteBar.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

#include <cmath>

namespace weft {
namespace ui {

namespace {
constexpr int kChipSide = 22;
}

PaletteBar::PaletteBar(QWidget* parent)
    : QWidget(parent), m_coloursLabel(new QLabel(tr("Colours:"), this)), m_chipRow(new QHBoxLayout)
{
    auto* pick = new QPushButton(tr("Pick a colour…"), this);
    pick->setToolTip(tr("Search the library for patterns holding a colour of your choice"));
    connect(pick, &QPushButton::clicked, this, &PaletteBar::pickColour);

    m_chipRow->setSpacing(3);
    m_coloursLabel->setToolTip(tr("The swatch's main colours: click one to see only the matches holding it"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_coloursLabel);
    layout->addLayout(m_chipRow);
    layout->addSpacing(6);
    layout->addWidget(pick);
    layout->addStretch();
    setPalette({}, {});
}

void PaletteBar::setPalette(const QList<PaletteColour>& palette, const QList<QColor>& chosen)
{
    qDeleteAll(m_chips);
    m_chips.clear();
    for (const PaletteColour& colour : palette) {
        auto* chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("colourChip"));
        chip->setCheckable(true);
        chip->setChecked(chosen.contains(colour.colour));
        chip->setFixedSize(kChipSide, kChipSide);
        chip->setProperty("colour", colour.colour);
        const QString name = colour.colour.name();
        chip->setAccessibleName(tr("Colour %1").arg(name));
        chip->setToolTip(tr("%1, %2% of the swatch: click to see only the matches holding this colour, click again to see all")
                             .arg(name)
                             .arg(std::lround(colour.share * 100)));
        // A pressed chip has a tick and a thick dark frame, a released one a thin grey frame.
        chip->setText(QStringLiteral("✓"));
        const QString tick = colour.lab.L > 60 ? QStringLiteral("black") : QStringLiteral("white");
        chip->setStyleSheet(QStringLiteral("QToolButton { background: %1; color: transparent; border: 1px solid #8a8f96; border-radius: 4px; }"
                                           "QToolButton:checked { color: %2; font-weight: bold; border: 3px solid #1d4f91; }")
                                .arg(name, tick));
        connect(chip, &QToolButton::toggled, this, [this] { emit chosenColoursChanged(chosenColours()); });
        m_chipRow->addWidget(chip);
        m_chips.append(chip);
    }
    m_coloursLabel->setVisible(!m_chips.isEmpty());
}

QList<QColor> PaletteBar::chosenColours() const
{
    QList<QColor> colours;
    for (const QToolButton* chip : m_chips)
        if (chip->isChecked())
            colours.append(chip->property("colour").value<QColor>());
    return colours;
}

void PaletteBar::pickColour()
{
    const QColor colour = QColorDialog::getColor(m_chips.isEmpty() ? QColor(Qt::red) : m_chips.front()->property("colour").value<QColor>(),
                                                 this, tr("Search by colour"));
    if (colour.isValid())
        emit colourPicked(colour);
}

}  // namespace ui
}  // namespace weft
