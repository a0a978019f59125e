// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
// (This file uses no Qt at all.)
#include <ATen/Dispatch.h>
#include <ATen/Parallel.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/library.h>
#include <torch/script.h>

#include "core/models/TorchvisionOps.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <mutex>
#include <vector>

namespace weft {

namespace {

// ---------------------------------------------------------------------------------
// Non-maximum suppression, greedy: take the highest-scoring box left, drop every
// remaining box whose IoU with it exceeds the threshold, repeat. Areas are
// (x2 - x1) * (y2 - y1) (continuous coordinates, no +1), intersections are clamped
// at zero, and a pair is suppressed only when IoU > threshold (strictly). Returns the
// indices of the kept boxes, int64, by decreasing score (ties: lower index first).

template <typename T>
at::Tensor nmsTyped(const at::Tensor& dets, const at::Tensor& scores, double iouThreshold)
{
    const int64_t count = dets.size(0);
    // By decreasing score; equal scores in index order (a stable sort), which is also
    // what torchvision 0.14's CPU operator gives.
    const at::Tensor order = std::get<1>(scores.sort(/*stable=*/true, /*dim=*/0, /*descending=*/true)).contiguous();
    const int64_t* byScore = order.data_ptr<int64_t>();
    const T* box = dets.data_ptr<T>();

    std::vector<T> areas(static_cast<std::size_t>(count));
    for (int64_t i = 0; i < count; ++i)
        areas[i] = (box[4 * i + 2] - box[4 * i + 0]) * (box[4 * i + 3] - box[4 * i + 1]);

    std::vector<char> suppressed(static_cast<std::size_t>(count), 0);
    std::vector<int64_t> keep;
    keep.reserve(static_cast<std::size_t>(count));
    for (int64_t a = 0; a < count; ++a) {
        const int64_t i = byScore[a];
        if (suppressed[i])
            continue;
        keep.push_back(i);
        const T ix1 = box[4 * i + 0], iy1 = box[4 * i + 1], ix2 = box[4 * i + 2], iy2 = box[4 * i + 3];
        for (int64_t b = a + 1; b < count; ++b) {
            const int64_t j = byScore[b];
            if (suppressed[j])
                continue;
            const T left = std::max(ix1, box[4 * j + 0]);
            const T top = std::max(iy1, box[4 * j + 1]);
            const T right = std::min(ix2, box[4 * j + 2]);
            const T bottom = std::min(iy2, box[4 * j + 3]);
            const T width = std::max(T(0), right - left);
            const T height = std::max(T(0), bottom - top);
            const T intersection = width * height;
            const T iou = intersection / (areas[i] + areas[j] - intersection);
            if (iou > iouThreshold)   // NaN (two empty boxes) never suppresses
                suppressed[j] = 1;
        }
    }
    at::Tensor result = at::empty({int64_t(keep.size())}, dets.options().dtype(at::kLong));
    std::copy(keep.begin(), keep.end(), result.data_ptr<int64_t>());
    return result;
}

at::Tensor nmsCpu(const at::Tensor& dets, const at::Tensor& scores, double iouThreshold)
{
    TORCH_CHECK(dets.dim() == 2 && dets.size(1) == 4, "torchvision::nms (Weft): boxes must be [N, 4], got ",
                dets.sizes());
    TORCH_CHECK(scores.dim() == 1, "torchvision::nms (Weft): scores must be [N], got ", scores.sizes());
    TORCH_CHECK(dets.size(0) == scores.size(0), "torchvision::nms (Weft): ", dets.size(0), " boxes but ",
                scores.size(0), " scores");
    TORCH_CHECK(dets.scalar_type() == scores.scalar_type(),
                "torchvision::nms (Weft): boxes and scores must have one dtype, got ", dets.scalar_type(), " and ",
                scores.scalar_type());
    TORCH_CHECK(dets.device().is_cpu() && scores.device().is_cpu(), "torchvision::nms (Weft): CPU tensors only");
    if (dets.size(0) == 0)
        return at::empty({0}, dets.options().dtype(at::kLong));
    at::Tensor result;
    AT_DISPATCH_FLOATING_TYPES(dets.scalar_type(), "weft_nms", [&] {
        result = nmsTyped<scalar_t>(dets.contiguous(), scores.contiguous(), iouThreshold);
    });
    return result;
}

// ---------------------------------------------------------------------------------
// RoIAlign (He et al., Mask R-CNN, 2017): each RoI is split into pooled_height x
// pooled_width bins; each bin averages a regular grid of bilinearly interpolated
// samples of the feature map, without rounding the RoI or bin edges.
//
//  * rois: [K, 5] = (batch index, x1, y1, x2, y2) in image coordinates, scaled to
//    the feature map by spatial_scale.
//  * aligned: pixel-centre convention, the scaled box is shifted by -0.5; otherwise
//    (legacy) RoI width and height are at least 1.
//  * sampling_ratio > 0: that many samples per bin along each axis; otherwise
//    ceil(roi_size / pooled_size) (adaptive).
//  * The average divides by the number of grid points (at least 1), including points
//    that fall outside the map, which count as zero: a point with y < -1, y > height,
//    x < -1 or x > width is zero; otherwise coordinates are clamped at 0 below and the
//    interpolation cell at height - 1 / width - 1 above.

// One sample coordinate along an axis: the two neighbouring indices and weights.
template <typename T>
struct Tap {
    bool inside = false;
    int64_t low = 0, high = 0;
    T lowWeight = 0, highWeight = 0;
};

template <typename T>
Tap<T> tapAt(T position, int64_t size)
{
    Tap<T> tap;
    if (position < T(-1) || position > T(size) || size <= 0)
        return tap;
    tap.inside = true;
    if (position <= T(0))
        position = T(0);
    tap.low = static_cast<int64_t>(position);
    if (tap.low >= size - 1) {
        tap.low = tap.high = size - 1;
        position = static_cast<T>(tap.low);
    } else {
        tap.high = tap.low + 1;
    }
    const T fraction = position - static_cast<T>(tap.low);
    tap.highWeight = fraction;
    tap.lowWeight = T(1) - fraction;
    return tap;
}

// The sample taps of every bin along one axis: taps[bin * grid + sample].
template <typename T>
std::vector<Tap<T>> axisTaps(T start, T binSize, int64_t bins, int64_t grid, int64_t size)
{
    std::vector<Tap<T>> taps(static_cast<std::size_t>(bins * grid));
    for (int64_t bin = 0; bin < bins; ++bin)
        for (int64_t sample = 0; sample < grid; ++sample) {
            const T position = start + static_cast<T>(bin) * binSize
                               + (static_cast<T>(sample) + T(0.5)) * binSize / static_cast<T>(grid);
            taps[bin * grid + sample] = tapAt(position, size);
        }
    return taps;
}

template <typename T>
void roiAlignTyped(const at::Tensor& input, const at::Tensor& rois, T spatialScale, int64_t pooledHeight,
                   int64_t pooledWidth, int64_t samplingRatio, bool aligned, at::Tensor& output)
{
    const int64_t channels = input.size(1), height = input.size(2), width = input.size(3);
    const T* features = input.data_ptr<T>();
    const T* boxes = rois.data_ptr<T>();
    T* out = output.data_ptr<T>();
    const int64_t plane = height * width;

    at::parallel_for(0, rois.size(0), 1, [&](int64_t begin, int64_t end) {
        for (int64_t k = begin; k < end; ++k) {
            const T* roi = boxes + 5 * k;
            const int64_t batch = static_cast<int64_t>(roi[0]);
            const T offset = aligned ? T(0.5) : T(0);
            const T x1 = roi[1] * spatialScale - offset;
            const T y1 = roi[2] * spatialScale - offset;
            const T x2 = roi[3] * spatialScale - offset;
            const T y2 = roi[4] * spatialScale - offset;
            T roiWidth = x2 - x1;
            T roiHeight = y2 - y1;
            if (!aligned) {
                roiWidth = std::max(roiWidth, T(1));
                roiHeight = std::max(roiHeight, T(1));
            }
            const T binHeight = roiHeight / static_cast<T>(pooledHeight);
            const T binWidth = roiWidth / static_cast<T>(pooledWidth);
            // Adaptive grids of empty or inverted (aligned) boxes have no points.
            const int64_t gridHeight = samplingRatio > 0
                ? samplingRatio
                : std::max<int64_t>(0, static_cast<int64_t>(std::ceil(roiHeight / static_cast<T>(pooledHeight))));
            const int64_t gridWidth = samplingRatio > 0
                ? samplingRatio
                : std::max<int64_t>(0, static_cast<int64_t>(std::ceil(roiWidth / static_cast<T>(pooledWidth))));
            const T points = static_cast<T>(std::max<int64_t>(gridHeight * gridWidth, 1));

            const std::vector<Tap<T>> rowTaps = axisTaps(y1, binHeight, pooledHeight, gridHeight, height);
            const std::vector<Tap<T>> columnTaps = axisTaps(x1, binWidth, pooledWidth, gridWidth, width);

            for (int64_t c = 0; c < channels; ++c) {
                const T* map = features + (batch * channels + c) * plane;
                T* bins = out + (k * channels + c) * pooledHeight * pooledWidth;
                for (int64_t py = 0; py < pooledHeight; ++py)
                    for (int64_t px = 0; px < pooledWidth; ++px) {
                        T sum = 0;
                        for (int64_t iy = 0; iy < gridHeight; ++iy) {
                            const Tap<T>& row = rowTaps[py * gridHeight + iy];
                            for (int64_t ix = 0; ix < gridWidth; ++ix) {
                                const Tap<T>& column = columnTaps[px * gridWidth + ix];
                                if (!row.inside || !column.inside)
                                    continue;
                                const T* low = map + row.low * width;
                                const T* high = map + row.high * width;
                                sum += row.lowWeight * column.lowWeight * low[column.low]
                                       + row.lowWeight * column.highWeight * low[column.high]
                                       + row.highWeight * column.lowWeight * high[column.low]
                                       + row.highWeight * column.highWeight * high[column.high];
                            }
                        }
                        bins[py * pooledWidth + px] = sum / points;
                    }
            }
        }
    });
}

at::Tensor roiAlignCpu(const at::Tensor& input, const at::Tensor& rois, double spatialScale, int64_t pooledHeight,
                       int64_t pooledWidth, int64_t samplingRatio, bool aligned)
{
    TORCH_CHECK(input.dim() == 4, "torchvision::roi_align (Weft): input must be [N, C, H, W], got ", input.sizes());
    TORCH_CHECK(rois.dim() == 2 && rois.size(1) == 5,
                "torchvision::roi_align (Weft): rois must be [K, 5] (batch index, x1, y1, x2, y2), got ", rois.sizes());
    TORCH_CHECK(input.scalar_type() == rois.scalar_type(),
                "torchvision::roi_align (Weft): input and rois must have one dtype, got ", input.scalar_type(), " and ",
                rois.scalar_type());
    TORCH_CHECK(input.device().is_cpu() && rois.device().is_cpu(), "torchvision::roi_align (Weft): CPU tensors only");
    TORCH_CHECK(pooledHeight > 0 && pooledWidth > 0, "torchvision::roi_align (Weft): output size must be positive, got ",
                pooledHeight, "x", pooledWidth);

    const int64_t count = rois.size(0);
    at::Tensor output = at::zeros({count, input.size(1), pooledHeight, pooledWidth}, input.options());
    if (count == 0 || output.numel() == 0)
        return output;
    const at::Tensor batches = rois.select(1, 0);
    const double firstBatch = batches.min().item<double>(), lastBatch = batches.max().item<double>();
    TORCH_CHECK(firstBatch >= 0 && lastBatch < double(input.size(0)),
                "torchvision::roi_align (Weft): RoI batch indices must lie in [0, ", input.size(0), "), got ",
                firstBatch, "..", lastBatch);
    AT_DISPATCH_FLOATING_TYPES(input.scalar_type(), "weft_roi_align", [&] {
        roiAlignTyped<scalar_t>(input.contiguous(), rois.contiguous(), static_cast<scalar_t>(spatialScale),
                                pooledHeight, pooledWidth, samplingRatio, aligned, output);
    });
    return output;
}

// torchvision 0.14's schemas, as its scripted detection models call them.
constexpr const char* kNmsSchema = "nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor";
constexpr const char* kRoiAlignSchema =
    "roi_align(Tensor input, Tensor rois, float spatial_scale, int pooled_height, int pooled_width, "
    "int sampling_ratio, bool aligned) -> Tensor";

std::atomic<bool> g_ours{false};
// The libraries that register our operators, never destroyed (see below). Held
// here because nothing else points to them: a leak checker would take them for lost.
torch::Library* g_definitions = nullptr;
torch::Library* g_cpu = nullptr;

}  // namespace

void registerTorchvisionOperators()
{
    // Function-local, not TORCH_LIBRARY's static initialisers: those live in an object
    // file of a static library that nothing references, which the linker drops. The
    // libraries are never destroyed, so the operators stay registered until exit.
    static std::once_flag once;
    std::call_once(once, [] {
        auto& dispatcher = c10::Dispatcher::singleton();
        const bool haveNms = dispatcher.findSchema({"torchvision::nms", ""}).has_value();
        const bool haveRoiAlign = dispatcher.findSchema({"torchvision::roi_align", ""}).has_value();
        if (haveNms && haveRoiAlign)
            return;   // libtorchvision (or another provider) is loaded: use its operators
        // FRAGMENT, not DEF: other code may add further torchvision:: operators.
        g_definitions = new torch::Library(torch::Library::FRAGMENT, "torchvision", c10::nullopt, __FILE__, __LINE__);
        g_cpu = new torch::Library(torch::Library::IMPL, "torchvision", c10::DispatchKey::CPU, __FILE__, __LINE__);
        if (!haveNms) {
            g_definitions->def(kNmsSchema);
            g_cpu->impl("nms", TORCH_FN(nmsCpu));
        }
        if (!haveRoiAlign) {
            g_definitions->def(kRoiAlignSchema);
            g_cpu->impl("roi_align", TORCH_FN(roiAlignCpu));
        }
        g_ours = !haveNms && !haveRoiAlign;
    });
}

bool torchvisionOperatorsAreWefts()
{
    return g_ours;
}

}  // namespace weft
