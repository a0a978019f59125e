#pragma once

#include <QImage>
#include <QJsonObject>
#include <QtGlobal>

#include <array>

namespace weft {

// A swatch photo as a designer takes it (issue 11, "wild" swatch protocol): the cloth
// on a table at any angle, sometimes its back (mirrored), a close-up of one motif or
// a step back, a tilted camera, warm or cold light, the weave showing through, a
// vignette, focus blur, sensor noise and JPEG. Every number is drawn from a
// std::mt19937 seeded with (set seed, image index), so a photo depends on nothing
// else and is the same on every platform.
struct WildPhotoParameters {
    // Where: a square of cropFraction × the shorter side, centred at (centreX, centreY)
    // in library pixels, turned by turnDegrees (0-360) about its
    // centre (at 90 the photo's right shows the library's up). The square is cut from a
    // turned wider window, so its corners show cloth.
    double cropFraction = 0.3;   // 0.20-0.55
    double centreX = 0;
    double centreY = 0;
    double turnDegrees = 0;
    bool mirrored = false;       // probability 0.2: the photo shows the print left-right flipped
    double zoom = 1;             // photo pixels per library pixel: 0.4-2.5 (log-uniform)
    // Camera tilt: each corner of the photo sees the point of the square displaced by
    // these fractions of its side (x, y for top-left, top-right, bottom-right, bottom-left), ≤ 0.08.
    std::array<double, 8> tilt{};
    // Light: per-channel gains (R, G, B) 0.85-1.15, saturation 0.75-1.2, exposure 0.8-1.2, gamma 0.8-1.25.
    std::array<double, 3> whiteBalance{1, 1, 1};
    double saturation = 1;
    double exposure = 1;
    double gamma = 1;
    // Cloth: a faint weave, a product of sines of period 2.5-5 px along axes turned
    // by weaveDegrees, amplitude ≤ 0.06 of the light.
    double weavePeriod = 3;
    double weaveAmplitude = 0;
    double weaveDegrees = 0;
    // Camera: vignette (light lost at the corners) ≤ 0.15, blur σ ≤ 1.5 px, noise σ ≤ 6 levels, JPEG 55-85.
    double vignette = 0;
    double blurSigma = 0;
    double noiseSigma = 0;
    int jpegQuality = 70;
    quint32 noiseSeed = 0;
    int side = 0;                // photo side in pixels: crop side × zoom, at least 32

    // The turn measured from upright, 0-180 degrees, whichever way it went.
    double turnFromUpright() const;

    QJsonObject toJson() const;
    static WildPhotoParameters fromJson(const QJsonObject& object);
};

// The photo a set of the given seed takes of its image `index`: parameters drawn
// until the photo shows a pattern (grey standard deviation at least 10 levels; a
// close-up of plain ground is drawn again, up to a limit), and the photo itself,
// RGB888, before JPEG (the set writes it at parameters.jpegQuality). Throws
// weft::Error for a null image.
struct WildPhoto {
    WildPhotoParameters parameters;
    QImage rgb;
};
WildPhoto wildPhotoOf(const QImage& library, quint32 seed, int index);

// Which drawing of the photos wildPhotoOf makes; a set made by an earlier one is
// drawn again. 2: a photo drawn again (a plain close-up) starts from the library
// image itself; in 1 it started from the previous draw's blurred copy.
constexpr int kWildPhotosRevision = 2;

// The photo for given parameters (what wildPhotoOf takes).
QImage takeWildPhoto(const QImage& library, const WildPhotoParameters& p);

}  // namespace weft
