#include "ui/RegionSearch.h"

#include "core/imaging/ImageDecoder.h"

#include <QBuffer>

namespace weft {
namespace ui {

RegionSearch::RegionSearch(QObject* parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

RegionSearch::~RegionSearch()
{
    // The cut under way posts its answer to this object; once it is done, the
    // answer is dropped with the object's pending events.
    m_pool.waitForDone();
}

void RegionSearch::cut(const QuerySource& image, const QRectF& part)
{
    const quint64 request = ++m_latest;
    if (part.isEmpty() || !image.hasImage()) {   // a click, or a rectangle beside the pictures
        emit refused(tooSmallMessage());
        return;
    }
    m_pool.start([this, request, image, part] {
        const Answer result = cutNow(image, part);
        QMetaObject::invokeMethod(this, [this, request, result] { answer(request, result); }, Qt::QueuedConnection);
    });
}

RegionSearch::Answer RegionSearch::cutNow(const QuerySource& image, const QRectF& part)
{
    Answer result;
    try {
        const DecodeOptions fullSize{0};
        const QImage whole = image.encoded.isEmpty() ? ImageDecoder::decode(image.path, fullSize).image
                                                     : ImageDecoder::decode(image.encoded, fullSize, image.name).image;
        const QPoint topLeft(qRound(part.left() * whole.width()), qRound(part.top() * whole.height()));
        const QPoint end(qRound(part.right() * whole.width()), qRound(part.bottom() * whole.height()));
        const QRect pixels = QRect(topLeft, QSize(end.x() - topLeft.x(), end.y() - topLeft.y())) & whole.rect();
        if (pixels.width() < kMinSide || pixels.height() < kMinSide) {
            result.outcome = Outcome::TooSmall;
            return result;
        }
        QBuffer buffer(&result.swatch.encoded);
        buffer.open(QIODevice::WriteOnly);
        whole.copy(pixels).save(&buffer, "PNG");   // lossless: the search sees the picture's own pixels
        result.swatch.name = tr("region of %1").arg(image.name);
        result.outcome = Outcome::Cut;
    } catch (const std::exception& error) {
        result.outcome = Outcome::Failed;
        result.message = tr("Cannot search with a part of %1.\n%2").arg(image.name, QString::fromStdString(error.what()));
    }
    return result;
}

void RegionSearch::answer(quint64 request, const Answer& result)
{
    if (request != m_latest)
        return;   // the user has picked another region since
    switch (result.outcome) {
    case Outcome::Cut:
        emit ready(result.swatch);
        break;
    case Outcome::TooSmall:
        emit refused(tooSmallMessage());
        break;
    case Outcome::Failed:
        emit failed(result.message);
        break;
    }
}

QString RegionSearch::tooSmallMessage() const
{
    return tr("That part is too small to search with: drag over at least %1 × %1 pixels of the picture.").arg(kMinSide);
}

}  // namespace ui
}  // namespace weft
