#pragma once

#include <QByteArray>
#include <QString>

namespace weft {

// A 16-byte fingerprint of a file's bytes, used by the incremental scanner to tell a
// renamed file (same hash, new path) from a changed one (same path, new hash).
//
// The digest is BLAKE2s-128 (RFC 7693, 128-bit output). Qt 6.4's QCryptographicHash has no
// BLAKE2b with a 128-bit output (only Blake2b_160 and up), and BLAKE2s-128 is the standard
// 16-byte member of the family: `python3 -c "import hashlib,sys;
// print(hashlib.blake2s(open(sys.argv[1],'rb').read(), digest_size=16).hexdigest())" FILE`
// reproduces it. Catalogs store these values, so the algorithm must never change silently.
//
// Reads the whole file in 1 MiB chunks; throws weft::Error if the file cannot be read.
QByteArray contentHash(const QString& path);

}  // namespace weft
