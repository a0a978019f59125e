#pragma once

#include "ui/BackendTypes.h"

#include "core/features/MethodConfig.h"

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace weft {
namespace ui {

// The user's choices, kept with QSettings (~/.config/Weft/Weft.conf on Linux).
// One place names the keys, so the dialog, the window and main() agree. Method
// settings are kept by their declared names (MethodSettings.h), as text.
class AppSettings {
public:
    AppSettings();

    QString libraryFolder() const;     // Library::defaultLocation() unless chosen
    void setLibraryFolder(const QString& folder);

    // The text of a method setting the user chose, or the default's.
    QString methodValue(const QString& name) const;
    void setMethodValue(const QString& name, const QString& value);
    // The method the library is indexed with: the defaults with the user's choices;
    // a stored value that is no longer valid falls back to the default.
    MethodConfig method() const;

    int threads() const;               // 0: automatic
    void setThreads(int threads);
    int thumbnailSize() const;         // pixels, the long side of a result's picture
    void setThumbnailSize(int pixels);
    double minimumScore() const;       // matches scoring less are not shown; 0: all are
    void setMinimumScore(double score);
    Colourway colourway() const;       // how swatches are looked up: in their colours, or in any colourway
    void setColourway(Colourway colourway);
    QString language() const;          // "" = the system's, else "en" or "zh_CN"
    void setLanguage(const QString& language);
    QString lastFolder() const;        // where the user last chose a file or folder in a dialog
    void setLastFolder(const QString& folder);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState(const QString& name) const;
    void setSplitterState(const QString& name, const QByteArray& state);

    static constexpr int kDefaultThumbnailSize = 160;
    static constexpr int kMinThumbnailSize = 64;
    static constexpr int kMaxThumbnailSize = 256;

private:
    mutable QSettings m_settings;
};

}  // namespace ui
}  // namespace weft
