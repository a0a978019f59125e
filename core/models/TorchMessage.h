#pragma once

#include <QString>

// No Torch header here (see Backbone.h): the error type is only named.
namespace c10 {
class Error;
}

namespace weft {

// The part of a Torch error a user can read: its first non-empty line. An exported
// model's code cites the Python source it came from, and what() adds a C++
// backtrace; neither helps someone replacing a model file.
QString torchMessage(const c10::Error& error);

// The first line of any exception's what(), trimmed.
QString firstLineOf(const char* text);

}  // namespace weft
