#!/usr/bin/env python3
"""Writes a PNG that is small on disk and huge decoded, for measuring decode memory.

    scripts/huge_png.py OUT.png [SIDE]

SIDE×SIDE (12000 by default) 16-bit RGBA pixels, the left half opaque orange, the right
half half-transparent blue: 1.1 GB decoded whole, about 1.1 MB on disk, under the
150-megapixel limit (issue 13, defect 6). The same image as writeSixteenBitRgbaPng in
tests/common/BadInputCorpus.cpp. Rows after the first repeat it, stored with PNG filter
type 2 ("up") as zeros, which deflate squeezes about 1000:1.
"""
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def main():
    out = sys.argv[1]
    side = int(sys.argv[2]) if len(sys.argv) > 2 else 12000
    left = struct.pack('>HHHH', 0xC000, 0x2000, 0x1000, 0xFFFF)
    right = struct.pack('>HHHH', 0x1000, 0x4000, 0xE000, 0x8000)
    first = b'\0' + left * (side // 2) + right * (side - side // 2)
    up = b'\2' + b'\0' * (side * 8)
    deflater = zlib.compressobj(6)
    data = [deflater.compress(first)]
    for _ in range(side - 1):
        data.append(deflater.compress(up))
    data.append(deflater.flush())
    header = struct.pack('>IIBBBBB', side, side, 16, 6, 0, 0, 0)
    with open(out, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', b''.join(data)) + chunk(b'IEND', b''))


if __name__ == '__main__':
    main()
