#include "core/components/ComponentDetector.h"

#include "core/common/Error.h"
#include "core/components/MaskRcnnDetector.h"
#include "core/components/MotifDetector.h"
#include "core/components/YoloDetector.h"

#include <cmath>

namespace weft {

ComponentDetector::~ComponentDetector() = default;

namespace {

class NoDetector : public ComponentDetector {
public:
    QString id() const override { return QStringLiteral("none"); }
    Components detect(const QImage&) const override { return {}; }
};

}  // namespace

Components ComponentDetector::detect(const QImage& rgb888, const FeatureMap&, const QRectF&) const
{
    return detect(rgb888);
}

QStringList detectorIds()
{
    return {QStringLiteral("motif"), QStringLiteral("yolo"), QStringLiteral("maskrcnn"), QStringLiteral("none")};
}

std::unique_ptr<ComponentDetector> makeDetector(const QString& id, const ModelStore& store,
                                                std::shared_ptr<const Backbone> backbone)
{
    if (id == QLatin1String("motif")) {
        if (!backbone) {
            const ModelManifest& manifest = ModelManifest::builtIn();
            backbone = Backbone::load(manifest.model(manifest.defaultBackbone()), store);
        }
        return std::make_unique<MotifDetector>(std::move(backbone));
    }
    if (id == QLatin1String("yolo"))
        return YoloDetector::load(store);
    if (id == QLatin1String("maskrcnn"))
        return MaskRcnnDetector::load(store);
    if (id == QLatin1String("none"))
        return std::make_unique<NoDetector>();
    throw Error(QStringLiteral("Unknown component detector '%1'; known detectors: %2").arg(id, detectorIds().join(QStringLiteral(", "))));
}

Components scaled(const Components& components, double factor)
{
    Components result;
    result.reserve(components.size());
    for (const Component& component : components) {
        Component out = component;
        const QRect& b = component.box;
        const int x1 = int(std::floor(b.x() * factor)), y1 = int(std::floor(b.y() * factor));
        const int x2 = int(std::ceil((b.x() + b.width()) * factor)), y2 = int(std::ceil((b.y() + b.height()) * factor));
        out.box = QRect(x1, y1, std::max(1, x2 - x1), std::max(1, y2 - y1));
        if (!component.mask.isNull() && out.box.size() != component.mask.size())
            out.mask = component.mask.scaled(out.box.size(), Qt::IgnoreAspectRatio, Qt::FastTransformation)
                           .convertToFormat(QImage::Format_Grayscale8);
        result.append(out);
    }
    return result;
}

}  // namespace weft
