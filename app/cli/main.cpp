// weft-cli: index folders, query by image, evaluate retrieval quality and report
// the state of a library, over the same core the desktop app uses.
#include "Commands.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace {

// LibTorch's OpenMP threads busy-wait by default, which made inference 2-14x
// slower on a shared 2-core machine (shared/models/README.md). OpenMP reads the
// setting when it is loaded, before main(), so we set it and start again.
void preferPassiveOpenMpWaiting(char** argv)
{
    if (std::getenv("OMP_WAIT_POLICY") || std::getenv("WEFT_NO_REEXEC"))
        return;
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    ::setenv("WEFT_NO_REEXEC", "1", 1);
    ::execv("/proc/self/exe", argv);
    // execv only returns on failure: carry on with the default policy.
}

}  // namespace

int main(int argc, char** argv)
{
    preferPassiveOpenMpWaiting(argv);
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    return runCommand(QCoreApplication::arguments());
}
