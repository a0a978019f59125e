#pragma once

#include <QByteArray>

#include <cstddef>
#include <vector>

namespace weft {

// A fingerprint as it is stored, in the catalog and in the index alike: one signed
// byte per value, the largest magnitude mapped to 127, and a float scale that is
// 1 / the codes' length, so the stored vector scale · code has unit length. The dot
// product of two stored vectors is the cosine of their codes; it differs from the
// float vectors' cosine by about 1e-3 (docs/BENCHMARKS.md, "compact vectors"), in a
// quarter of the bytes of float32. A fingerprint not yet projected, whose texture
// part is thousands of small values, keeps its direction to about 2e-3 (tst_retrieval).
//
// Layout, kQuantizedHeaderBytes + dim bytes: the scale as a little-endian IEEE
// float32, then the codes. Quantizing is idempotent: quantize(dequantize(q)) == q,
// so a vector read back from the catalog and stored again keeps its bytes.
constexpr std::size_t kQuantizedHeaderBytes = 4;

constexpr std::size_t quantizedBytes(std::size_t dim) { return kQuantizedHeaderBytes + dim; }

// Writes quantizedBytes(dim) bytes to `out`. Returns false (and writes nothing
// useful) when the vector is all zeros or holds a NaN or an infinity.
bool quantizeInto(const float* vector, std::size_t dim, char* out);

// The stored form of `vector`; empty when quantizeInto() refuses it.
QByteArray quantized(const std::vector<float>& vector);

// The vector back from its stored form (`bytes` holds quantizedBytes(dim) bytes).
std::vector<float> dequantized(const char* bytes, std::size_t dim);
// From a whole blob: dim = size − kQuantizedHeaderBytes. Empty for a blob too short.
std::vector<float> dequantized(const QByteArray& blob);

// The scale of a stored vector.
float quantizedScale(const char* bytes);

// Dot product of two stored vectors of `dim` (at most 65536) values each. Uses AVX2 or
// AVX-512 where the CPU has them; the result is the same on every CPU.
float quantizedDot(const char* a, const char* b, std::size_t dim);

// Whether `bytes` is what quantizeInto() could have written: a finite positive
// scale, a code of magnitude 127, and unit length within `tolerance`. Garbage
// passing this still scores within about [−1 − tolerance, 1 + tolerance] against
// any other stored vector, so damaged bytes cannot rank above everything.
// `dim` is at most 65536, as for quantizedDot().
bool isPlausibleQuantized(const char* bytes, std::size_t dim, float tolerance = 0.02f);

}  // namespace weft
