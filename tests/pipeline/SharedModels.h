#pragma once

// Where the tests/pipeline tests that run the real model find it.

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace weft::pipelinetest {

// $WEFT_SHARED_DIR/models (ctest sets WEFT_SHARED_DIR from the CMake cache), or empty
// when it is not there.
inline QString modelsFolder()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    const QString folder = QDir(shared).filePath(QStringLiteral("models"));
    return !shared.isEmpty() && QFileInfo(folder).isDir() ? folder : QString();
}

}  // namespace weft::pipelinetest

#define WEFT_REQUIRE_MODELS_FOLDER()                                                                                     \
    do {                                                                                                                 \
        if (weft::pipelinetest::modelsFolder().isEmpty())                                                                \
            QFAIL("needs the shared models folder: set WEFT_SHARED_DIR (ctest sets it) to a folder holding models/");   \
    } while (false)
