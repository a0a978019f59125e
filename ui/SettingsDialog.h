#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;
class QWidget;

#include <functional>
#include <vector>

namespace weft {
namespace ui {

class AppSettings;

// Edits AppSettings. Changes to the library, model or method take effect by
// reopening the library; the language after a restart (the dialog says so).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);

    void accept() override;
    bool libraryChanged() const { return m_libraryChanged; }
    bool languageChanged() const { return m_languageChanged; }

private:
    AppSettings& m_settings;
    // One editor per method setting the dialog offers, how to read its value as
    // text, and that text as the dialog opened: an editor left as it was keeps the
    // stored value, even one it cannot show exactly (a share of 0.125 in a box of
    // two decimals).
    struct MethodEditor {
        QString name;
        QWidget* widget;
        std::function<QString()> value;
        QString shown;
        bool changed() const { return value() != shown; }
    };
    QLineEdit* m_library;
    std::vector<MethodEditor> m_method;
    QSpinBox* m_threads;
    QSpinBox* m_thumbnailSize;
    QComboBox* m_language;
    bool m_libraryChanged = false;
    bool m_languageChanged = false;
};

}  // namespace ui
}  // namespace weft
