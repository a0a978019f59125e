// The translations are built into the program and chosen by language: Chinese
// replaces the English source, and English gets proper singular/plural forms.

#include "ui/LanguageLoader.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace weft::ui;

class TranslationsTest : public QObject {
    Q_OBJECT
private slots:
    void simplifiedChinese();
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

void TranslationsTest::englishPlurals()
{
    removeTranslators();
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("en")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 1), QStringLiteral("1 image indexed"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "%n image(s) indexed", nullptr, 4), QStringLiteral("4 images indexed"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

void TranslationsTest::unknownLanguageFallsBackToEnglish()
{
    removeTranslators();
    QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("xx")), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate("weft::ui::MainWindow", "&File"), QStringLiteral("&File"));
}

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
