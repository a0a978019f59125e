#pragma once

// TIFFs of 32-bit float samples made byte by byte, for the tests of images Qt cannot
// read alone: OpenCV writes only the RGB layout, which Qt reads.

#include <QByteArray>
#include <QtEndian>

#include <vector>

namespace weft::test {

// A little-endian, uncompressed, one-strip TIFF of 32-bit float samples
// (SampleFormat 3), grey or RGB, `value(x, y, channel)` in 0..1.
template <typename Value>
QByteArray floatTiff(int width, int height, int channels, Value value)
{
    QByteArray pixels;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                const float sample = value(x, y, c);
                char bytes[4];
                qToLittleEndian(sample, bytes);
                pixels.append(bytes, 4);
            }
    struct Entry {
        quint16 tag, type;
        quint32 count, value;
    };
    const quint32 pixelOffset = 8;
    const quint32 ifdOffset = pixelOffset + quint32(pixels.size());
    const int entries = 11;
    // Per-channel values (BitsPerSample, SampleFormat) of RGB go after the IFD.
    const quint32 extraOffset = ifdOffset + 2 + entries * 12 + 4;
    const bool rgb = channels == 3;
    const std::vector<Entry> ifd = {
        {256, 4, 1, quint32(width)},                                   // ImageWidth
        {257, 4, 1, quint32(height)},                                  // ImageLength
        {258, 3, quint32(channels), rgb ? extraOffset : 32},           // BitsPerSample
        {259, 3, 1, 1},                                                // Compression: none
        {262, 3, 1, rgb ? 2u : 1u},                                    // Photometric: RGB or min-is-black
        {273, 4, 1, pixelOffset},                                      // StripOffsets
        {277, 3, 1, quint32(channels)},                                // SamplesPerPixel
        {278, 4, 1, quint32(height)},                                  // RowsPerStrip
        {279, 4, 1, quint32(pixels.size())},                           // StripByteCounts
        {284, 3, 1, 1},                                                // PlanarConfiguration: chunky
        {339, 3, quint32(channels), rgb ? extraOffset + 6 : 3},        // SampleFormat: IEEE float
    };
    QByteArray tiff("II*\0", 4);
    char word[4];
    qToLittleEndian(ifdOffset, word);
    tiff.append(word, 4);
    tiff.append(pixels);
    char half[2];
    qToLittleEndian(quint16(entries), half);
    tiff.append(half, 2);
    for (const Entry& entry : ifd) {
        qToLittleEndian(entry.tag, half);
        tiff.append(half, 2);
        qToLittleEndian(entry.type, half);
        tiff.append(half, 2);
        qToLittleEndian(entry.count, word);
        tiff.append(word, 4);
        if (entry.type == 3 && entry.count == 1) {   // a SHORT sits in the first two bytes
            qToLittleEndian(quint16(entry.value), half);
            tiff.append(half, 2);
            tiff.append(2, '\0');
        } else {
            qToLittleEndian(entry.value, word);
            tiff.append(word, 4);
        }
    }
    tiff.append(4, '\0');   // no next IFD
    if (rgb)
        for (quint16 extra : {quint16(32), quint16(32), quint16(32), quint16(3), quint16(3), quint16(3)}) {
            qToLittleEndian(extra, half);
            tiff.append(half, 2);
        }
    return tiff;
}

}  // namespace weft::test
