#pragma once

#include <QByteArray>

namespace weft {

// Whether the JPEG `data`, which ends without its end-of-image marker, still holds
// all its pixels: one scan of every colour component whose coded data runs to the
// last block (libjpeg then decodes it whole). A progressive JPEG, or one of several
// scans, could lack a whole scan without a sign, so it never counts as complete.
bool jpegScanIsComplete(const QByteArray& data);

}  // namespace weft
