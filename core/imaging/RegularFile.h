#pragma once

#include <QFile>
#include <QString>

namespace weft {

// Opens a file for reading only if it is an ordinary file on disk, directly or through
// symbolic links. A library folder can hold anything under an image's name: a link to
// /dev/zero (whose reading never ends), a named pipe (whose opening waits for a writer
// that never comes), a socket, a link loop. Those are refused without being read, and
// a named pipe is never left waiting: the type is checked before opening, the open
// never blocks, and the opened file is checked again, in case something else was put
// in its place in between.
class RegularFile {
public:
    // Opens `path` into `file` (QIODevice::ReadOnly). On failure returns false and
    // sets `whyNot` to the reason, for the user, to follow "Cannot read FILE: ".
    static bool open(QFile& file, const QString& path, QString& whyNot);
};

}  // namespace weft
