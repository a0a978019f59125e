// The stored form of fingerprints: what it keeps of a vector and of dot products.

#include "core/common/QuantizedVector.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>

using namespace weft;

namespace {

std::vector<float> randomUnit(std::mt19937& rng, std::size_t dim, bool nonNegative)
{
    std::normal_distribution<float> normal;
    std::vector<float> v(dim);
    double squares = 0;
    for (float& x : v) {
        x = nonNegative ? std::fabs(normal(rng)) : normal(rng);
        squares += double(x) * x;
    }
    for (float& x : v)
        x = float(x / std::sqrt(squares));
    return v;
}

double floatDot(const std::vector<float>& a, const std::vector<float>& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += double(a[i]) * b[i];
    return sum;
}

}  // namespace

class TestQuantizedVector : public QObject {
    Q_OBJECT
private slots:
    void roundTripIsCloseAndIdempotent();
    void dotProductErrorIsSmall();
    void scaleDoesNotMatter();
    void refusesZeroAndNonFinite();
    void plausibilityRejectsGarbage();
    void dotMatchesPlainLoop();
};

void TestQuantizedVector::roundTripIsCloseAndIdempotent()
{
    std::mt19937 rng(7);
    for (int trial = 0; trial < 50; ++trial) {
        const std::vector<float> v = randomUnit(rng, 1536, trial % 2);
        const QByteArray stored = quantized(v);
        QCOMPARE(std::size_t(stored.size()), quantizedBytes(v.size()));
        const std::vector<float> back = dequantized(stored);
        QCOMPARE(back.size(), v.size());
        // Close to the original value by value, and of unit length.
        double squares = 0, error = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            squares += double(back[i]) * back[i];
            error = std::max(error, double(std::fabs(back[i] - v[i])));
        }
        QVERIFY2(std::fabs(squares - 1.0) < 1e-5, qPrintable(QString::number(squares)));
        QVERIFY2(error < 0.01, qPrintable(QString::number(error)));
        QVERIFY(isPlausibleQuantized(stored.constData(), v.size()));
        QCOMPARE(quantized(back), stored);   // stored again, the same bytes
    }
}

void TestQuantizedVector::dotProductErrorIsSmall()
{
    std::mt19937 rng(11);
    double worst = 0;
    for (int trial = 0; trial < 200; ++trial) {
        const std::vector<float> a = randomUnit(rng, 1536, true), b = randomUnit(rng, 1536, true);
        const QByteArray qa = quantized(a), qb = quantized(b);
        worst = std::max(worst, std::fabs(quantizedDot(qa.constData(), qb.constData(), a.size()) - floatDot(a, b)));
        const float self = quantizedDot(qa.constData(), qa.constData(), a.size());
        QVERIFY2(std::fabs(self - 1.0f) < 1e-5f, qPrintable(QString::number(self)));
    }
    QVERIFY2(worst < 0.005, qPrintable(QStringLiteral("largest dot product error %1").arg(worst)));
}

void TestQuantizedVector::scaleDoesNotMatter()
{
    std::mt19937 rng(3);
    std::vector<float> v = randomUnit(rng, 300, false);
    const QByteArray unit = quantized(v);
    for (float& x : v)
        x *= 42.5f;
    QCOMPARE(quantized(v), unit);
}

void TestQuantizedVector::refusesZeroAndNonFinite()
{
    QVERIFY(quantized(std::vector<float>(8, 0.0f)).isEmpty());
    std::vector<float> v(8, 0.5f);
    v[3] = NAN;
    QVERIFY(quantized(v).isEmpty());
    v[3] = INFINITY;
    QVERIFY(quantized(v).isEmpty());
    QVERIFY(dequantized(QByteArray(3, '\0')).empty());
}

void TestQuantizedVector::plausibilityRejectsGarbage()
{
    std::mt19937 rng(5);
    const std::vector<float> v = randomUnit(rng, 64, false);
    const QByteArray good = quantized(v);
    QVERIFY(isPlausibleQuantized(good.constData(), 64));

    QByteArray longer = good;   // codes doubled: length 2
    for (int i = int(kQuantizedHeaderBytes); i < longer.size(); ++i)
        longer[i] = char(std::clamp(int(qint8(longer[i])) * 2, -127, 127));
    QVERIFY(!isPlausibleQuantized(longer.constData(), 64));

    for (const float scale : {NAN, INFINITY, -0.01f, 0.0f, 1.0f, 1e20f}) {
        QByteArray bad = good;
        std::memcpy(bad.data(), &scale, sizeof scale);
        QVERIFY2(!isPlausibleQuantized(bad.constData(), 64), qPrintable(QString::number(double(scale))));
    }
    QByteArray zeros = good;
    std::fill(zeros.begin() + int(kQuantizedHeaderBytes), zeros.end(), '\0');
    QVERIFY(!isPlausibleQuantized(zeros.constData(), 64));
}

void TestQuantizedVector::dotMatchesPlainLoop()
{
    // quantizedDot() and isPlausibleQuantized() run as AVX2 or AVX-512 code where the
    // CPU has it: every length (vector bodies and remainders) must give exactly what
    // the plain loop gives, including the extreme codes ±127 and −128.
    std::mt19937 rng(13);
    std::uniform_int_distribution<int> code(-128, 127);
    for (std::size_t dim : {std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(15), std::size_t(16), std::size_t(17),
                            std::size_t(31), std::size_t(32), std::size_t(33), std::size_t(63), std::size_t(64), std::size_t(65),
                            std::size_t(100), std::size_t(127), std::size_t(129), std::size_t(768), std::size_t(1536), std::size_t(1537),
                            std::size_t(65536)}) {
        QByteArray a(int(quantizedBytes(dim)), Qt::Uninitialized), b = a;
        const float scaleA = 0.013f, scaleB = 0.0021f;
        std::memcpy(a.data(), &scaleA, sizeof scaleA);
        std::memcpy(b.data(), &scaleB, sizeof scaleB);
        for (std::size_t i = 0; i < dim; ++i) {
            a[int(kQuantizedHeaderBytes + i)] = char(i % 5 == 0 ? -128 : code(rng));
            b[int(kQuantizedHeaderBytes + i)] = char(i % 7 == 0 ? -128 : code(rng));
        }
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < dim; ++i)
            sum += std::int64_t(qint8(a[int(kQuantizedHeaderBytes + i)])) * qint8(b[int(kQuantizedHeaderBytes + i)]);
        QCOMPARE(quantizedDot(a.constData(), b.constData(), dim), scaleA * scaleB * float(sum));

        // Plausibility sees the largest magnitude wherever it is (here −128: too large).
        QVERIFY(!isPlausibleQuantized(a.constData(), dim, 1e9f));
        for (std::size_t i = 0; i < dim; ++i)
            a[int(kQuantizedHeaderBytes + i)] = char(std::clamp(int(qint8(a[int(kQuantizedHeaderBytes + i)])), -100, 100));
        QVERIFY(!isPlausibleQuantized(a.constData(), dim, 1e9f));  // no code of magnitude 127
        a[int(kQuantizedHeaderBytes + dim - 1)] = char(-127);
        QVERIFY(isPlausibleQuantized(a.constData(), dim, 1e9f));
    }
}

QTEST_APPLESS_MAIN(TestQuantizedVector)
#include "tst_quantizedvector.moc"
