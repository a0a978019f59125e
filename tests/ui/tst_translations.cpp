// The translations are built into the program and chosen by language: Chinese
// replaces the English source, also in the core's messages and Qt's own buttons,
// with one word for each of the designer's things; English gets proper
// singular/plural forms.

#include "ui/LanguageLoader.h"

#include "core/imaging/ImageDecoder.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace weft;
using namespace weft::ui;

namespace {

// One <message> of a .ts file, read from the file itself rather than through a translator.
struct TsMessage {
    QString context;
    QString source;
    QString comment;       // the disambiguation
    QString translation;   // a plural's forms run together
    bool plural = false;
};

QList<TsMessage> tsMessages(const QString& path)
{
    QFile ts(path);
    if (!ts.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QXmlStreamReader xml(&ts);
    QList<TsMessage> messages;
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            messages.append({context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")});
        } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
            messages.back().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("comment") && !messages.isEmpty()) {
            messages.back().comment = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
            messages.back().translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private slots:
    void simplifiedChinese();
    void coreMessagesInChinese();
    void qtButtonsInChinese();
    void oneChineseTermForSwatchesAndComponents();
    void englishPlurals();
    void unknownLanguageFallsBackToEnglish();

private:
    void removeTranslators();
};

void TranslationsTest::removeTranslators()
{
    for (QTranslator* translator : QCoreApplication::instance()->findChildren<QTranslator*>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

void TranslationsTest::simplifiedChinese()
{
    removeTranslators();
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "&File"), QStringLiteral("文件(&F)"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 3), QStringLiteral("已索引 3 张图像"));
    QCOMPARE(QCoreApplication::translate("weft::ui::SwatchSource", "pasted image"), QStringLiteral("粘贴的图像"));
}

void TranslationsTest::coreMessagesInChinese()
{
    removeTranslators();
    installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.png"));
    QFile notes(path);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("Not a picture, only a note about the next collection.\n");
    notes.close();
    QString message;
    try {
        ImageDecoder::decode(path);
    } catch (const DecodeError& error) {
        message = error.message();
    }
    QVERIFY2(message.startsWith(QDir::toNativeSeparators(path) + QStringLiteral(" 不是 Weft 能读取的图像")), qPrintable(message));
}

// Qt's own dialogs and buttons come from qtbase_zh_CN.qm (qt6-translations-l10n).
void TranslationsTest::qtButtonsInChinese()
{
    removeTranslators();
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFileInfo::exists(QDir(qtTranslations).filePath(QStringLiteral("qtbase_zh_CN.qm"))))
        QFAIL(qPrintable(QStringLiteral("Qt's own Chinese translation is not in %1: install qt6-translations-l10n (scripts/install-deps.sh does)")
                             .arg(qtTranslations)));
    installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
}

// A swatch is a 布样 (the fabric sample a designer holds), never 小样 (a proof,
// a strike-off); a detected component is a 纹样元素 (an element of the pattern),
// never 构件 (a building's structural member).
void TranslationsTest::oneChineseTermForSwatchesAndComponents()
{
    int swatches = 0, components = 0;
    for (const TsMessage& message : tsMessages(QFINDTESTDATA("../../translations/weft_zh_CN.ts"))) {
        const QString& translation = message.translation;
        const QString& source = message.source;
        QVERIFY2(!translation.contains(QStringLiteral("小样")) && !translation.contains(QStringLiteral("构件")), qPrintable(translation));
        if (source.contains(QLatin1String("swatch"), Qt::CaseInsensitive)) {
            ++swatches;
            QVERIFY2(translation.contains(QStringLiteral("布样")), qPrintable(source + QStringLiteral(" → ") + translation));
        }
        if (source.contains(QLatin1String("component"), Qt::CaseInsensitive)) {
            ++components;
            QVERIFY2(translation.contains(QStringLiteral("纹样元素")), qPrintable(source + QStringLiteral(" → ") + translation));
        }
    }
    QVERIFY(swatches > 0 && components > 0);
}

void TranslationsTest::englishPlurals()
{
    removeTranslators();
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 1), QStringLiteral("1 image indexed"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 4), QStringLiteral("4 images indexed"));
    // Every other English text is shown as written in the source: the English file
    // only adds plural forms, and a stale or mistaken entry in it would change words
    // the source no longer uses.
    int checked = 0;
    for (const TsMessage& message : tsMessages(QFINDTESTDATA("../../translations/weft_en.ts"))) {
        if (message.plural)
            continue;
        QCOMPARE(message.translation, message.source);
        const QString shown = QCoreApplication::translate(message.context.toUtf8().constData(), message.source.toUtf8().constData(),
                                                          message.comment.isEmpty() ? nullptr : message.comment.toUtf8().constData());
        QVERIFY2(shown == message.source, qPrintable(message.context + QStringLiteral(": ") + message.source + QStringLiteral(" → ") + shown));
        ++checked;
    }
    QVERIFY(checked > 100);
}

void TranslationsTest::unknownLanguageFallsBackToEnglish()
{
    removeTranslators();
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("xx")), QStringLiteral("en"));
    // The English file is in use, not merely no file: only it has the singular.
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 1), QStringLiteral("1 image indexed"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 2), QStringLiteral("2 images indexed"));
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
