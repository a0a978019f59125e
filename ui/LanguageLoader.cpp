#include "ui/LanguageLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QFileInfo>

namespace weft {
namespace ui {

QString installTranslations(QCoreApplication& application, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    auto* weft = new QTranslator(&application);
    // Tries weft_zh_CN, weft_zh, ... for each of the locale's UI languages.
    // English is the fallback: it carries the singular and plural forms of the
    // source texts, which read "image(s)" untranslated.
    if (!weft->load(locale, QStringLiteral("weft"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        !weft->load(QStringLiteral(":/i18n/weft_en.qm"))) {
        delete weft;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(weft);
    auto* qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return QFileInfo(weft->filePath()).completeBaseName().mid(5);
}

}  // namespace ui
}  // namespace weft
