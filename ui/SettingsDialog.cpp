#include "ui/SettingsDialog.h"

#include "ui/AppSettings.h"

#include "core/common/Error.h"
#include "core/features/MethodSettings.h"
#include "core/pipeline/Library.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QCoreApplication>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace weft {
namespace ui {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("MethodSettings", text);
}

}  // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_library(new QLineEdit(this)), m_threads(new QSpinBox(this)), m_thumbnailSize(new QSpinBox(this)),
      m_language(new QComboBox(this))
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

    // The method settings that are offered here, as their declarations say.
    for (const MethodSetting& setting : methodSettings()) {
        if (!setting.label)
            continue;
        const QString current = settings.methodValue(setting.name);
        MethodEditor editor{setting.name, nullptr, {}, {}};
        switch (setting.kind) {
        case MethodSetting::Kind::Choice: {
            auto* box = new QComboBox(this);
            const QString defaultValue = setting.value(MethodConfig());
            for (const QString& choice : setting.choices()) {
                const char* label = setting.choiceLabel ? setting.choiceLabel(choice) : nullptr;
                const QString text = label ? translated(label) : choice;
                box->addItem(choice == defaultValue ? tr("%1 (default)").arg(text) : text, choice);
            }
            box->setCurrentIndex(std::max(0, box->findData(current)));
            editor.value = [box] { return box->currentData().toString(); };
            editor.widget = box;
            break;
        }
        case MethodSetting::Kind::Share: {
            auto* spin = new QDoubleSpinBox(this);
            spin->setRange(setting.minimum, setting.maximum);
            spin->setSingleStep(0.05);
            spin->setDecimals(2);
            spin->setValue(current.toDouble());
            // As text the way the method key writes it, so an untouched value compares equal.
            editor.value = [spin] { return QString::number(spin->value()); };
            editor.widget = spin;
            break;
        }
        case MethodSetting::Kind::Count: {
            auto* spin = new QSpinBox(this);
            spin->setRange(int(setting.minimum), int(setting.maximum));
            spin->setValue(current.toInt());
            editor.value = [spin] { return QString::number(spin->value()); };
            editor.widget = spin;
            break;
        }
        }
        editor.widget->setToolTip(QString::fromLatin1(setting.help));
        editor.shown = editor.value();
        m_method.push_back(editor);
    }

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

    auto* methodNote = new QLabel(tr("Changing the model, the component detector or the colour weight re-indexes the library with the new method."), this);
    methodNote->setWordWrap(true);
    auto* languageNote = new QLabel(tr("A new language takes effect when Weft is restarted."), this);
    languageNote->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Library folder:"), libraryRow);
    for (const MethodEditor& editor : m_method)
        form->addRow(translated(findMethodSetting(editor.name)->label) + QLatin1Char(':'), editor.widget);
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
    // The method chosen: the stored one with the edited settings replaced. It is
    // compared with the stored one as a method (each setting's value in its own
    // type), not as the editors' texts.
    QStringList overrides;
    for (const MethodSetting& setting : methodSettings())
        overrides.append(setting.name + QLatin1Char('=') + m_settings.methodValue(setting.name));
    for (const MethodEditor& editor : m_method)
        if (editor.changed())
            overrides.append(editor.name + QLatin1Char('=') + editor.value());
    MethodConfig chosen;
    try {
        chosen = MethodConfig::fromOverrides(overrides.join(QLatin1Char(',')));   // the choices must fit together
    } catch (const Error& error) {
        QMessageBox::warning(this, tr("Settings"), tr("These settings do not fit together: %1").arg(error.message()));
        return;
    }
    const MethodConfig before = m_settings.method();
    for (const MethodEditor& editor : m_method)
        if (editor.changed())
            m_settings.setMethodValue(editor.name, editor.value());
    m_libraryChanged = m_library->text() != m_settings.libraryFolder() || chosen.key() != before.key() ||
                       chosen.queryKey() != before.queryKey() || m_threads->value() != m_settings.threads();
    m_languageChanged = m_language->currentData().toString() != m_settings.language();
    m_settings.setLibraryFolder(m_library->text());
    m_settings.setThreads(m_threads->value());
    m_settings.setThumbnailSize(m_thumbnailSize->value());
    m_settings.setLanguage(m_language->currentData().toString());
    QDialog::accept();
}

}  // namespace ui
}  // namespace weft
