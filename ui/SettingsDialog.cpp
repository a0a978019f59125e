#include "ui/SettingsDialog.h"

#include "ui/AppSettings.h"

#include "core/models/ModelManifest.h"
#include "core/pipeline/Library.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace weft {
namespace ui {

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_library(new QLineEdit(this)), m_model(new QComboBox(this)), m_detector(new QComboBox(this)),
      m_colourWeight(new QDoubleSpinBox(this)), m_threads(new QSpinBox(this)), m_thumbnailSize(new QSpinBox(this)), m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));

    m_library->setText(settings.libraryFolder());
    auto* browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Library folder"), m_library->text());
        if (!folder.isEmpty())
            m_library->setText(folder);
    });
    auto* defaultLibrary = new QPushButton(tr("Default"), this);
    connect(defaultLibrary, &QPushButton::clicked, this, [this] { m_library->setText(Library::defaultLocation()); });
    auto* libraryRow = new QHBoxLayout;
    libraryRow->addWidget(m_library, 1);
    libraryRow->addWidget(browse);
    libraryRow->addWidget(defaultLibrary);

    const ModelManifest& manifest = ModelManifest::builtIn();
    for (const ModelSpec& spec : manifest.models()) {
        if (spec.role != QLatin1String("backbone"))
            continue;
        const QString text = spec.id == manifest.defaultBackbone() ? tr("%1 (default)").arg(spec.id) : spec.id;
        m_model->addItem(text, spec.id);
        m_model->setItemData(m_model->count() - 1, spec.description, Qt::ToolTipRole);
    }
    const QString backbone = settings.backbone().isEmpty() ? manifest.defaultBackbone() : settings.backbone();
    m_model->setCurrentIndex(std::max(0, m_model->findData(backbone)));

    m_detector->addItem(tr("None (whole image only)"), QStringLiteral("none"));
    m_detector->addItem(tr("Repeated motif (finds the pattern's repeating element)"), QStringLiteral("motif"));
    m_detector->addItem(tr("Objects (YOLO, COCO classes)"), QStringLiteral("yolo"));
    m_detector->setCurrentIndex(std::max(0, m_detector->findData(settings.detector())));

    m_colourWeight->setRange(0, AppSettings::maxColourWeight());
    m_colourWeight->setSingleStep(0.05);
    m_colourWeight->setDecimals(2);
    m_colourWeight->setValue(settings.colourWeight());
    m_colourWeight->setToolTip(tr("Share of the colour histogram in the similarity; the rest is the CNN fingerprint"));

    m_threads->setRange(0, std::max(64, QThread::idealThreadCount()));
    m_threads->setSpecialValueText(tr("Automatic"));
    m_threads->setValue(settings.threads());

    m_thumbnailSize->setRange(AppSettings::kMinThumbnailSize, AppSettings::kMaxThumbnailSize);
    m_thumbnailSize->setSingleStep(16);
    m_thumbnailSize->setSuffix(tr(" px"));
    m_thumbnailSize->setValue(settings.thumbnailSize());

    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));

    auto* methodNote = new QLabel(tr("Changing the model or the colour weight re-indexes the library with the new method."), this);
    methodNote->setWordWrap(true);
    auto* languageNote = new QLabel(tr("A new language takes effect when Weft is restarted."), this);
    languageNote->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Library folder:"), libraryRow);
    form->addRow(tr("Model:"), m_model);
    form->addRow(tr("Component detector:"), m_detector);
    form->addRow(tr("Colour weight:"), m_colourWeight);
    form->addRow(QString(), methodNote);
    form->addRow(tr("Threads:"), m_threads);
    form->addRow(tr("Thumbnail size:"), m_thumbnailSize);
    form->addRow(tr("Language:"), m_language);
    form->addRow(QString(), languageNote);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

void SettingsDialog::accept()
{
    const QString backbone = m_model->currentData().toString() == ModelManifest::builtIn().defaultBackbone() ? QString() : m_model->currentData().toString();
    m_libraryChanged = m_library->text() != m_settings.libraryFolder() || backbone != m_settings.backbone() ||
                       !qFuzzyCompare(1 + m_colourWeight->value(), 1 + m_settings.colourWeight()) || m_threads->value() != m_settings.threads();
    m_languageChanged = m_language->currentData().toString() != m_settings.language();
    m_settings.setLibraryFolder(m_library->text());
    m_settings.setBackbone(backbone);
    m_settings.setDetector(m_detector->currentData().toString());
    m_settings.setColourWeight(m_colourWeight->value());
    m_settings.setThreads(m_threads->value());
    m_settings.setThumbnailSize(m_thumbnailSize->value());
    m_settings.setLanguage(m_language->currentData().toString());
    QDialog::accept();
}

}  // namespace ui
}  // namespace weft
