// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
#include <torch/script.h>

#include "core/models/InstanceSegmenter.h"

#include "core/common/Error.h"
#include "core/models/TorchMessage.h"
#include "core/models/TorchvisionOps.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace weft {

struct InstanceSegmenter::Network {
    torch::jit::Module module;
};

namespace {

// forward(self, images: List[Tensor], targets: Optional[...] = None) -> Tuple[..., List[Dict[str, Tensor]]]:
// empty when the signature is that of a scripted torchvision detection model, otherwise why not.
QString signatureProblem(const torch::jit::Module& module, int tupleIndex)
{
    const auto method = module.find_method("forward");
    if (!method)
        return QStringLiteral("it has no forward method");
    const c10::FunctionSchema& schema = method->function().getSchema();
    const QString signature = QString::fromStdString(c10::toString(schema));
    const auto& arguments = schema.arguments();   // [0] is self
    const bool takesImageList = arguments.size() >= 2 && arguments[1].type()->isSubtypeOf(*c10::ListType::ofTensors());
    bool returnsDetections = false;
    if (schema.returns().size() == 1) {
        const c10::TypePtr result = schema.returns()[0].type();
        c10::TypePtr detections;
        if (const auto tuple = result->cast<c10::TupleType>()) {
            if (tupleIndex < int(tuple->elements().size()))
                detections = tuple->elements()[tupleIndex];
        } else if (tupleIndex == 0) {
            detections = result;
        }
        if (detections)
            if (const auto list = detections->cast<c10::ListType>())
                if (const auto dict = list->getElementType()->cast<c10::DictType>())
                    returnsDetections = dict->getKeyType()->kind() == c10::TypeKind::StringType
                                        && dict->getValueType()->kind() == c10::TypeKind::TensorType;
    }
    if (takesImageList && returnsDetections)
        return {};
    return QStringLiteral("its forward is %1, not forward(images: List[Tensor]) returning "
                          "(losses, List[Dict[str, Tensor]]) with the detections at tuple index %2 as the manifest says")
        .arg(signature)
        .arg(tupleIndex);
}

// Scripted torchvision detection models warn on every call that they return
// (losses, detections) in TorchScript; that is known and handled, so it is dropped.
// Other warnings go to the previous handler. (Warning handlers are per thread.)
class DetectionTupleWarningFilter : public c10::WarningHandler {
public:
    explicit DetectionTupleWarningFilter(c10::WarningHandler* next) : m_next(next) {}

    void process(const c10::SourceLocation& location, const std::string& message, const bool verbatim) override
    {
        if (message.find("always returns a (Losses, Detections) tuple") != std::string::npos)
            return;
        m_next->process(location, message, verbatim);
    }

private:
    c10::WarningHandler* m_next;
};

torch::Tensor toInputTensor(const QImage& rgb, const ModelSpec& spec)
{
    const int width = rgb.width(), height = rgb.height();
    torch::Tensor chw = torch::empty({3, height, width}, torch::kFloat32);
    float* planes[3];
    for (int c = 0; c < 3; ++c)
        planes[spec.bgr ? 2 - c : c] = chw.data_ptr<float>() + std::size_t(c) * width * height;
    std::array<float, 3> scale{}, shift{};
    for (int c = 0; c < 3; ++c) {
        scale[c] = 1.0f / spec.std[c];
        shift[c] = spec.mean[c];
    }
    for (int y = 0; y < height; ++y) {
        const uchar* row = rgb.constScanLine(y);
        const std::size_t offset = std::size_t(y) * width;
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                planes[c][offset + x] = (float(row[3 * x + c]) - shift[c]) * scale[c];
    }
    return chw;
}

torch::Tensor field(const c10::Dict<c10::IValue, c10::IValue>& detections, const char* key, const ModelSpec& spec)
{
    const auto found = detections.find(key);
    if (found == detections.end() || !found->value().isTensor())
        throw ModelError(QStringLiteral("Model '%1' gives detections without '%2'; it is not a Mask R-CNN export. "
                                        "Export it again: %3")
                             .arg(spec.id, QLatin1String(key), spec.setup));
    return found->value().toTensor();
}

// The pixels a box touches: floor of the top-left corner to ceil of the bottom-right.
QRect pixelsOf(const QRectF& box)
{
    const int left = int(std::floor(box.left())), top = int(std::floor(box.top()));
    const int right = int(std::ceil(box.right())), bottom = int(std::ceil(box.bottom()));
    if (right <= left || bottom <= top)
        return {};
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

// One [H, W] probability plane to a Grayscale8 mask over the box and every non-zero pixel.
void setMask(Detection& detection, const float* probability, int width, int height)
{
    QImage full(width, height, QImage::Format_Grayscale8);
    int left = width, top = height, right = -1, bottom = -1;
    for (int y = 0; y < height; ++y) {
        uchar* row = full.scanLine(y);
        const float* in = probability + std::size_t(y) * width;
        bool any = false;
        for (int x = 0; x < width; ++x) {
            const uchar value = uchar(std::clamp(in[x], 0.0f, 1.0f) * 255.0f + 0.5f);
            row[x] = value;
            if (value) {
                any = true;
                left = std::min(left, x);
                right = std::max(right, x);
            }
        }
        if (any) {
            top = std::min(top, y);
            bottom = y;
        }
    }
    QRect rect = pixelsOf(detection.box);
    if (right >= 0)
        rect = rect.united(QRect(QPoint(left, top), QPoint(right, bottom)));
    detection.maskRect = rect.intersected(QRect(0, 0, width, height));
    detection.mask = detection.maskRect.isEmpty() ? QImage() : full.copy(detection.maskRect);
}

std::vector<Detection> toDetections(const c10::IValue& output, const ModelSpec& spec, int width, int height)
{
    c10::IValue perImage = output;
    if (output.isTuple()) {
        const auto& elements = output.toTuple()->elements();
        if (spec.outputTupleIndex >= int(elements.size()))
            throw ModelError(QStringLiteral("Model '%1' returns a tuple of %2 elements; the manifest reads element %3")
                                 .arg(spec.id).arg(elements.size()).arg(spec.outputTupleIndex));
        perImage = elements[spec.outputTupleIndex];
    }
    if (!perImage.isList() || perImage.toListRef().size() != 1 || !perImage.toListRef()[0].isGenericDict())
        throw ModelError(QStringLiteral("Model '%1' does not return one detection dict per image; it is not a "
                                        "torchvision detection model export. Export it again: %2")
                             .arg(spec.id, spec.setup));
    const c10::Dict<c10::IValue, c10::IValue> fields = perImage.toListRef()[0].toGenericDict();

    const torch::Tensor boxes = field(fields, "boxes", spec).to(torch::kFloat32).contiguous();
    const torch::Tensor scores = field(fields, "scores", spec).to(torch::kFloat32).contiguous();
    const torch::Tensor labels = field(fields, "labels", spec).to(torch::kInt64).contiguous();
    const torch::Tensor masks = field(fields, "masks", spec).to(torch::kFloat32).contiguous();
    const int64_t count = boxes.dim() == 2 ? boxes.size(0) : -1;
    if (count < 0 || boxes.size(1) != 4 || scores.numel() != count || labels.numel() != count || masks.dim() != 4
        || masks.size(0) != count || masks.size(1) != 1 || masks.size(2) != height || masks.size(3) != width)
        throw ModelError(QStringLiteral("Model '%1' gives detections of unexpected shapes (boxes %2, scores %3, "
                                        "labels %4, masks %5 for a %6x%7 image). Export it again: %8")
                             .arg(spec.id, QString::fromStdString(c10::str(boxes.sizes())),
                                  QString::fromStdString(c10::str(scores.sizes())),
                                  QString::fromStdString(c10::str(labels.sizes())),
                                  QString::fromStdString(c10::str(masks.sizes())))
                             .arg(width)
                             .arg(height)
                             .arg(spec.setup));

    std::vector<Detection> detections(static_cast<std::size_t>(count));
    const float* box = boxes.data_ptr<float>();
    const std::size_t plane = std::size_t(width) * height;
    for (int64_t i = 0; i < count; ++i) {
        Detection& detection = detections[i];
        detection.box = QRectF(QPointF(box[4 * i], box[4 * i + 1]), QPointF(box[4 * i + 2], box[4 * i + 3]));
        detection.score = scores.data_ptr<float>()[i];
        detection.label = int(labels.data_ptr<int64_t>()[i]);
        setMask(detection, masks.data_ptr<float>() + i * plane, width, height);
    }
    return detections;
}

}  // namespace

InstanceSegmenter::InstanceSegmenter(ModelSpec spec, std::unique_ptr<Network> network)
    : m_spec(std::move(spec)), m_network(std::move(network))
{
}

InstanceSegmenter::~InstanceSegmenter() = default;

std::unique_ptr<InstanceSegmenter> InstanceSegmenter::load(const ModelSpec& spec, const ModelStore& store)
{
    return loadUnverified(spec, store.verifiedPath(spec));
}

std::unique_ptr<InstanceSegmenter> InstanceSegmenter::loadUnverified(const ModelSpec& spec, const QString& path)
{
    // The scripted model calls torchvision::nms and torchvision::roi_align, which must
    // be known before its code is compiled at load time.
    registerTorchvisionOperators();
    auto network = std::make_unique<Network>();
    try {
        network->module = torch::jit::load(path.toStdString());
    } catch (const c10::Error& error) {
        const QString message = torchMessage(error);
        const QString hint = message.contains(QLatin1String("Unknown builtin op"))
            ? QStringLiteral(" The model uses an operator that Weft does not provide (it provides torchvision::nms and "
                             "torchvision::roi_align); export it with models/export_maskrcnn.py.")
            : QString();
        throw ModelError(QStringLiteral("Model '%1' at %2 cannot be loaded as TorchScript (%3).%4 Replace the file: %5")
                             .arg(spec.id, path, message, hint, spec.setup));
    }
    const QString problem = signatureProblem(network->module, spec.outputTupleIndex);
    if (!problem.isEmpty())
        throw ModelError(QStringLiteral("Model '%1' at %2 is not an instance segmenter: %3. Replace the file: %4")
                             .arg(spec.id, path, problem, spec.setup));
    network->module.eval();
    return std::unique_ptr<InstanceSegmenter>(new InstanceSegmenter(spec, std::move(network)));
}

std::vector<Detection> InstanceSegmenter::run(const QImage& image) const
{
    if (image.isNull())
        throw Error(QStringLiteral("Instance segmentation needs an image; this one is empty"));
    const QImage rgb = image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    c10::InferenceMode inference;
    DetectionTupleWarningFilter filter(c10::Warning::get_warning_handler());
    const c10::Warning::WarningHandlerGuard quiet(&filter);
    try {
        c10::List<torch::Tensor> images;
        images.push_back(toInputTensor(rgb, m_spec));
        const c10::IValue output = m_network->module.forward({images});
        return toDetections(output, m_spec, rgb.width(), rgb.height());
    } catch (const c10::Error& error) {
        throw ModelError(QStringLiteral("Model '%1' failed on a %2x%3 image: %4")
                             .arg(m_spec.id)
                             .arg(rgb.width())
                             .arg(rgb.height())
                             .arg(torchMessage(error)));
    }
}

QString InstanceSegmenter::cocoCategoryName(int label)
{
    // torchvision's COCO category list (index = category id); "N/A" ids are unused.
    static const char* const names[] = {
        "__background__", "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat",
        "traffic light", "fire hydrant", "N/A", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse",
        "sheep", "cow", "elephant", "bear", "zebra", "giraffe", "N/A", "backpack", "umbrella", "N/A", "N/A",
        "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard", "sports ball", "kite", "baseball bat",
        "baseball glove", "skateboard", "surfboard", "tennis racket", "bottle", "N/A", "wine glass", "cup", "fork",
        "knife", "spoon", "bowl", "banana", "apple", "sandwich", "orange", "broccoli", "carrot", "hot dog", "pizza",
        "donut", "cake", "chair", "couch", "potted plant", "bed", "N/A", "dining table", "N/A", "N/A", "toilet",
        "N/A", "tv", "laptop", "mouse", "remote", "keyboard", "cell phone", "microwave", "oven", "toaster", "sink",
        "refrigerator", "N/A", "book", "clock", "vase", "scissors", "teddy bear", "hair drier", "toothbrush"};
    constexpr int count = int(sizeof(names) / sizeof(names[0]));
    if (label <= 0 || label >= count || QLatin1String(names[label]) == QLatin1String("N/A"))
        return {};
    return QString::fromLatin1(names[label]);
}

}  // namespace weft
