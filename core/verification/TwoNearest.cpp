#include "core/verification/TwoNearest.h"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>

namespace weft {

namespace {

std::vector<float> squaredNorms(const cv::Mat& rows)
{
    std::vector<float> norms(std::size_t(rows.rows));
    for (int r = 0; r < rows.rows; ++r) {
        const float* row = rows.ptr<float>(r);
        double sum = 0;
        for (int c = 0; c < rows.cols; ++c)
            sum += double(row[c]) * row[c];
        norms[std::size_t(r)] = float(sum);
    }
    return norms;
}

}  // namespace

std::vector<TwoNearest> twoNearest(const cv::Mat& queries, const cv::Mat& candidates)
{
    if ((!queries.empty() && queries.type() != CV_32FC1) || (!candidates.empty() && candidates.type() != CV_32FC1)
        || (!queries.empty() && !candidates.empty() && queries.cols != candidates.cols))
        throw std::invalid_argument("twoNearest: one-channel float descriptors of the same length");
    std::vector<TwoNearest> found(std::size_t(queries.rows));
    if (queries.empty() || candidates.empty())
        return found;
    // The second look calls this from its own threads, one image each: a BLAS
    // that starts threads of its own would only contend with them.
    static std::once_flag oneThread;
    std::call_once(oneThread, [] { openblas_set_num_threads(1); });
    cv::Mat products(queries.rows, candidates.rows, CV_32F);
    // Row strides as given: a view into a wider matrix is read where it lies, not copied.
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, queries.rows, candidates.rows, queries.cols, 1.0f, queries.ptr<float>(),
                int(queries.step1()), candidates.ptr<float>(), int(candidates.step1()), 0.0f, products.ptr<float>(), candidates.rows);
    const std::vector<float> queryNorms = squaredNorms(queries), candidateNorms = squaredNorms(candidates);
    for (int r = 0; r < queries.rows; ++r) {
        const float* product = products.ptr<float>(r);
        float best = 0, next = 0;
        int nearest = -1, second = -1;
        for (int k = 0; k < candidates.rows; ++k) {
            const float squared = queryNorms[std::size_t(r)] + candidateNorms[std::size_t(k)] - 2 * product[k];
            if (nearest < 0 || squared < best) {
                second = nearest;
                next = best;
                nearest = k;
                best = squared;
            } else if (second < 0 || squared < next) {
                second = k;
                next = squared;
            }
        }
        // Rounding can take an exact match's squared distance just below zero.
        TwoNearest& two = found[std::size_t(r)];
        two.nearest = nearest;
        two.distance = std::sqrt(std::max(best, 0.0f));
        if (second >= 0) {
            two.second = second;
            two.secondDistance = std::sqrt(std::max(next, 0.0f));
        }
    }
    return found;
}

}  // namespace weft
