#include "core/components/YoloDetector.h"

#include "core/components/MaskUtils.h"

#include <QFile>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace weft {

// cv::dnn::Net::forward changes the network's state, so one network is not safe to run
// from two threads at once; the lock serialises detection, which takes ~50-100 ms.
struct YoloDetector::Network {
    cv::dnn::Net net;
    std::vector<cv::String> outputs;
    cv::Size inputSize;
    std::mutex mutex;
};

namespace {

constexpr const char* kModelId = "yolo-fastest-coco";

// A coarse colour histogram (4 levels per BGR channel) of a box: the cheap appearance
// vector Algorithm 1 uses to tell same-size boxes of different content apart.
std::vector<float> colourHistogram(const cv::Mat& bgr, const cv::Rect& box)
{
    std::vector<float> histogram(64, 0.0f);
    const cv::Mat region = bgr(box & cv::Rect(0, 0, bgr.cols, bgr.rows));
    const int step = std::max(1, int(std::sqrt(double(region.total()) / 1024.0)));  // ~1000 samples
    for (int y = 0; y < region.rows; y += step) {
        const cv::Vec3b* row = region.ptr<cv::Vec3b>(y);
        for (int x = 0; x < region.cols; x += step)
            histogram[(row[x][0] >> 6) * 16 + (row[x][1] >> 6) * 4 + (row[x][2] >> 6)] += 1.0f;
    }
    return histogram;
}

QString firstLine(const char* text) { return QString::fromUtf8(text).section(QLatin1Char('\n'), 0, 0).trimmed(); }

}  // namespace

YoloDetector::YoloDetector(std::unique_ptr<Network> network, QStringList classNames, Options options) :
    m_network(std::move(network)), m_classNames(std::move(classNames)), m_options(std::move(options))
{
}

YoloDetector::~YoloDetector() = default;

std::unique_ptr<YoloDetector> YoloDetector::load(const ModelStore& store, Options options)
{
    const ModelSpec& spec = ModelManifest::builtIn().model(QString::fromLatin1(kModelId));
    QString cfg, names;
    for (const ModelFile& extra : spec.extraFiles) {
        if (extra.file.endsWith(QLatin1String(".cfg")))
            cfg = store.verifiedPath(spec, extra);
        else if (extra.file.endsWith(QLatin1String(".names")))
            names = store.verifiedPath(spec, extra);
    }
    if (cfg.isEmpty() || names.isEmpty())
        throw ModelError(QStringLiteral("Model '%1': the manifest names no .cfg or .names file").arg(spec.id));
    const QString weights = store.verifiedPath(spec);

    QFile namesFile(names);
    if (!namesFile.open(QIODevice::ReadOnly | QIODevice::Text))
        throw ModelError(QStringLiteral("Cannot read %1: %2").arg(names, namesFile.errorString()));
    QStringList classNames;
    for (const QByteArray& line : namesFile.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            classNames << QString::fromUtf8(line.trimmed());

    auto network = std::make_unique<Network>();
    try {
        network->net = cv::dnn::readNetFromDarknet(cfg.toStdString(), weights.toStdString());
        network->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        network->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        network->outputs = network->net.getUnconnectedOutLayersNames();
    } catch (const cv::Exception& error) {
        throw ModelError(QStringLiteral("Model '%1' (%2) cannot be loaded by OpenCV: %3. Replace the files: %4")
                             .arg(spec.id, weights, firstLine(error.what()), spec.setup));
    }
    network->inputSize = cv::Size(spec.nativeSize, spec.nativeSize);
    return std::unique_ptr<YoloDetector>(new YoloDetector(std::move(network), std::move(classNames), std::move(options)));
}

std::vector<Candidate> YoloDetector::candidates(const QImage& rgb888) const
{
    const cv::Mat bgr = component_masks::toBgr(rgb888);
    if (bgr.empty())
        return {};
    std::vector<cv::Mat> outs;
    {
        const cv::Mat blob = cv::dnn::blobFromImage(bgr, 1.0 / 255, m_network->inputSize, cv::Scalar(), /*swapRB=*/true, /*crop=*/false);
        const std::lock_guard<std::mutex> lock(m_network->mutex);
        try {
            m_network->net.setInput(blob);
            m_network->net.forward(outs, m_network->outputs);
        } catch (const cv::Exception& error) {
            throw ModelError(QStringLiteral("Model '%1' failed: %2").arg(QLatin1String(kModelId), firstLine(error.what())));
        }
    }

    std::vector<cv::Rect> boxes;
    std::vector<float> scores;
    std::vector<int> classes;
    const cv::Rect imageRect(0, 0, bgr.cols, bgr.rows);
    for (const cv::Mat& out : outs) {
        for (int r = 0; r < out.rows; ++r) {
            const float* row = out.ptr<float>(r);  // cx cy w h objectness class scores
            cv::Point best;
            double score = 0;
            cv::minMaxLoc(out.row(r).colRange(5, out.cols), nullptr, &score, nullptr, &best);
            if (score < m_options.scoreThreshold)
                continue;
            const float w = row[2] * bgr.cols, h = row[3] * bgr.rows;
            const cv::Rect box = cv::Rect(int(std::round(row[0] * bgr.cols - w / 2)), int(std::round(row[1] * bgr.rows - h / 2)),
                                          int(std::round(w)), int(std::round(h))) & imageRect;
            if (box.width < 2 || box.height < 2)
                continue;
            boxes.push_back(box);
            scores.push_back(float(score));
            classes.push_back(best.x);
        }
    }
    std::vector<int> keep;
    cv::dnn::NMSBoxes(boxes, scores, m_options.scoreThreshold, m_options.nmsIoU, keep, 1.0f, m_options.maxCandidates);

    std::vector<Candidate> result;
    for (int i : keep) {
        Candidate candidate;
        candidate.box = QRect(boxes[i].x, boxes[i].y, boxes[i].width, boxes[i].height);
        candidate.score = scores[i];
        candidate.label = classes[i] < m_classNames.size() ? m_classNames[classes[i]] : QString::number(classes[i]);
        candidate.appearance = colourHistogram(bgr, boxes[i]);
        result.push_back(std::move(candidate));
    }
    std::stable_sort(result.begin(), result.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
    return result;
}

Components YoloDetector::detect(const QImage& rgb888) const
{
    const std::vector<Candidate> found = candidates(rgb888);
    if (found.empty())
        return {};
    const cv::Mat bgr = component_masks::toBgr(rgb888);
    Components components;
    for (const GroupedCandidate& kept : groupRepeats(found, m_options.grouping)) {
        const Candidate& candidate = found[kept.index];
        Component component;
        component.box = candidate.box;
        component.score = candidate.score;
        component.label = candidate.label;
        component.group = kept.group;
        component.mask = component_masks::grabCutMask(bgr, candidate.box, 96, m_options.grabCutIterations);
        components.append(component);
    }
    return components;
}

}  // namespace weft
