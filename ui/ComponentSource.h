#pragma once

#include "core/catalog/Catalog.h"
#include "core/components/Component.h"

#include <QList>

namespace weft {
namespace ui {

// Where the overlays get an image's feature components from. Used on the query
// thread, which owns the catalog connection.
class ComponentSource {
public:
    virtual ~ComponentSource() = default;
    virtual QList<Component> components(qint64 imageId) const = 0;
};

// The components the catalog stores for an image.
class CatalogComponentSource : public ComponentSource {
public:
    explicit CatalogComponentSource(const Catalog& catalog) : m_catalog(catalog) {}

    QList<Component> components(qint64 imageId) const override { return m_catalog.components(imageId); }

private:
    const Catalog& m_catalog;
};

}  // namespace ui
}  // namespace weft
