#include "FuzzSupport.h"

#include <QCoreApplication>
#include <QtGlobal>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    static QCoreApplication application(*argc, *argv);
    return 0;
}
