#pragma once

#include <QStringList>

// Runs `weft-cli <command> ...` and returns the exit status. Every error ends with a
// one-line reason on stderr and a non-zero status.
int runCommand(const QStringList& arguments);
