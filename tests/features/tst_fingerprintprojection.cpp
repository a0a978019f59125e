// A library's projection of its fingerprints: what it keeps, and its stored form.

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/FingerprintProjection.h"
#include "core/features/Pooling.h"

#include <QTest>

#include <random>

using namespace weft;

namespace {

constexpr int kChannels = 640;   // more than either part's components
constexpr int kTextureChannels = 35;   // a texture part of 630 values, more than its components

// Fingerprints whose network parts lie near a 40-dimensional subspace around a
// common offset, as a library's do, plus a little noise; colour parts random.
std::vector<std::vector<float>> library(const FingerprintLayout& layout, int count, unsigned seed)
{
    std::mt19937 random(seed);
    std::normal_distribution<float> normal;
    std::vector<std::vector<float>> directions(40, std::vector<float>(kChannels));
    for (auto& d : directions)
        for (float& x : d)
            x = normal(random);
    std::vector<float> offset(kChannels);
    for (float& x : offset)
        x = 20.0f + normal(random);
    std::vector<std::vector<float>> result;
    for (int n = 0; n < count; ++n) {
        std::vector<std::vector<float>> parts;
        for (const FingerprintLayout::Slice& slice : layout.slices()) {
            std::vector<float> part(std::size_t(slice.size), 0.0f);
            if (slice.part == FingerprintPart::Colour) {
                for (float& x : part)
                    x = std::fabs(normal(random));
            } else {
                part.assign(offset.begin(), offset.begin() + slice.size);
                for (const auto& d : directions) {
                    const float w = normal(random);
                    for (int i = 0; i < slice.size; ++i)
                        part[std::size_t(i)] += w * d[std::size_t(i)];
                }
                for (float& x : part)
                    x += 0.05f * normal(random);
            }
            parts.push_back(part);
        }
        result.push_back(layout.fuse(parts));
    }
    return result;
}

}  // namespace

class FingerprintProjectionTest : public QObject {
    Q_OBJECT
private slots:
    void keepsTheLibrarysDifferences()
    {
        const MethodConfig method;
        const FingerprintLayout layout(method, kChannels, kTextureChannels);
        QVERIFY(layout.find(FingerprintPart::Texture));
        const auto learned = library(layout, 600, 1);
        const FingerprintProjection projection = FingerprintProjection::learn(learned, layout);
        QCOMPARE(projection.rawDimension(), layout.dimension());
        QCOMPARE(projection.projectedLayout().dimension(), FingerprintProjection::kDeep.components + FingerprintProjection::kCamera.components
                                                               + FingerprintProjection::kTexture.components + kHistogramBins);

        // New fingerprints of the same library: their ranking by the projected
        // vectors is the ranking by the centred raw parts.
        const auto fresh = library(layout, 50, 2);
        std::vector<std::vector<float>> projected;
        for (const auto& f : fresh) {
            projected.push_back(projection.apply(f));
            double squares = 0;
            for (float x : projected.back())
                squares += double(x) * x;
            QVERIFY(std::fabs(squares - 1.0) < 1e-4);
        }
        // The common offset dominates the deep parts' raw cosines (all near 1);
        // centred and projected, they spread out.
        double rawLowest = 1, projectedLowest = 1;
        const auto deep = [](const FingerprintLayout& l, const std::vector<float>& v) { return l.part(v, FingerprintPart::Deep); };
        for (std::size_t a = 0; a < fresh.size(); ++a)
            for (std::size_t b = a + 1; b < fresh.size(); ++b) {
                rawLowest = std::min(rawLowest, double(dot(deep(layout, fresh[a]), deep(layout, fresh[b]))));
                projectedLowest = std::min(projectedLowest, double(dot(deep(projection.projectedLayout(), projected[a]),
                                                                       deep(projection.projectedLayout(), projected[b]))));
            }
        QVERIFY2(rawLowest > 0.5 && projectedLowest < 0.3, qPrintable(QStringLiteral("%1 %2").arg(rawLowest).arg(projectedLowest)));
        // The colour part is kept as it was.
        QVERIFY(std::fabs(dot(projection.projectedLayout().part(projected[0], FingerprintPart::Colour), layout.part(fresh[0], FingerprintPart::Colour)) - 1.0f) < 1e-5f);
        QVERIFY_THROWS_EXCEPTION(Error, projection.apply(std::vector<float>(10, 1.0f)));

        // A swatch's camera part is projected without taking the library's mean
        // off: opposite raw camera parts stay opposite. A library image's camera
        // part, and either's deep part, are centred: for them they do not.
        const auto negated = [&](FingerprintPart which) {
            std::vector<std::vector<float>> parts;
            for (const FingerprintLayout::Slice& slice : layout.slices()) {
                std::vector<float> part = layout.part(fresh[0], slice.part);
                if (slice.part == which)
                    for (float& x : part)
                        x = -x;
                parts.push_back(part);
            }
            return layout.fuse(parts);
        };
        const auto cosineToNegated = [&](FingerprintPart which, FingerprintProjection::Subject subject) {
            const FingerprintLayout& projected = projection.projectedLayout();
            return dot(projected.part(projection.apply(fresh[0], subject), which),
                       projected.part(projection.apply(negated(which), subject), which));
        };
        using Subject = FingerprintProjection::Subject;
        QVERIFY(std::fabs(cosineToNegated(FingerprintPart::Camera, Subject::Swatch) + 1.0f) < 1e-4f);
        QVERIFY(cosineToNegated(FingerprintPart::Camera, Subject::LibraryImage) > -0.9f);
        // The texture part, also from the camera views, is treated as they are.
        QVERIFY(std::fabs(cosineToNegated(FingerprintPart::Texture, Subject::Swatch) + 1.0f) < 1e-4f);
        QVERIFY(cosineToNegated(FingerprintPart::Texture, Subject::LibraryImage) > -0.9f);
        QVERIFY(cosineToNegated(FingerprintPart::Deep, Subject::Swatch) > -0.9f);
        QVERIFY(cosineToNegated(FingerprintPart::Deep, Subject::LibraryImage) > -0.9f);
    }

    void storedFormRoundTripsAndRefusesDamage()
    {
        const FingerprintLayout layout(MethodConfig(), kChannels, kTextureChannels);
        const FingerprintProjection projection = FingerprintProjection::learn(library(layout, 600, 3), layout);
        const QByteArray bytes = projection.toBytes();
        const FingerprintProjection back = FingerprintProjection::fromBytes(bytes);
        QCOMPARE(back.toBytes(), bytes);
        QCOMPARE(back.tag(), projection.tag());
        const auto sample = library(layout, 1, 4).front();
        QCOMPARE(back.apply(sample), projection.apply(sample));

        QVERIFY_THROWS_EXCEPTION(Error, FingerprintProjection::fromBytes(bytes.left(bytes.size() - 3)));
        QVERIFY_THROWS_EXCEPTION(Error, FingerprintProjection::fromBytes(bytes + "x"));
        QByteArray wrongMagic = bytes;
        wrongMagic[0] = 'X';
        QVERIFY_THROWS_EXCEPTION(Error, FingerprintProjection::fromBytes(wrongMagic));
        QVERIFY_THROWS_EXCEPTION(Error, FingerprintProjection::learn(library(layout, 100, 5), layout));
    }
};

QTEST_APPLESS_MAIN(FingerprintProjectionTest)
#include "tst_fingerprintprojection.moc"
