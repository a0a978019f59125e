#pragma once

#include <QString>
#include <stdexcept>

namespace weft {

// Every failure a user can act on travels as a weft::Error whose message says what
// went wrong and, where we know it, what to do about it. Callers show what() as is.
class Error : public std::runtime_error {
public:
    explicit Error(const QString& message) : std::runtime_error(message.toStdString()) {}
    QString message() const { return QString::fromStdString(what()); }
};

}  // namespace weft
