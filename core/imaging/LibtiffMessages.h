#pragma once

namespace weft {

// libtiff prints its errors and warnings straight to stderr unless told otherwise, and
// Qt's TIFF reader lets it: a float TIFF that Qt cannot read (and ImageDecoder then reads
// through OpenCV) put "foo: Sorry, can not handle images with 32-bit samples." on the
// terminal once per file, which a user can do nothing about. The decoder's own reason
// for a TIFF it cannot read says what matters. This sends libtiff's messages to the
// logging category "weft.imaging.libtiff" instead, off unless enabled
// (QT_LOGGING_RULES="weft.imaging.libtiff.debug=true"). Process-wide (libtiff keeps one
// handler), idempotent and thread-safe; it reaches Qt's TIFF reader when Qt uses the
// system libtiff, as Debian's Qt does.
void routeLibtiffMessagesToLog();

}  // namespace weft
