#pragma once

#include "ui/BackendTypes.h"

#include <QObject>
#include <QRectF>
#include <QThreadPool>

namespace weft {
namespace ui {

// Turns a part of a picture the user dragged over into a swatch: cut from the
// image at full resolution (views show it smaller), encoded losslessly like a
// pasted image, so that it is searched the way a drop is. Cutting runs on a
// thread of its own; only the latest request answers.
class RegionSearch : public QObject {
    Q_OBJECT
public:
    // A swatch narrower than this, in the image's own pixels, is too small to
    // check a match with (SwatchVerifier).
    static constexpr int kMinSide = 48;

    explicit RegionSearch(QObject* parent = nullptr);
    ~RegionSearch() override;   // waits for a cut under way

    // `image`: the whole picture, a file or encoded bytes. `part`: the piece to
    // search with, in fractions of the image's width and height.
    void cut(const QuerySource& image, const QRectF& part);

signals:
    void ready(const weft::ui::QuerySource& swatch);
    void refused(const QString& message);   // the part is too small
    void failed(const QString& message);    // the picture could not be read

private:
    enum class Outcome { Cut, TooSmall, Failed };
    struct Answer {
        Outcome outcome = Outcome::Failed;
        QuerySource swatch;
        QString message;
    };
    static Answer cutNow(const QuerySource& image, const QRectF& part);
    void answer(quint64 request, const Answer& answer);
    QString tooSmallMessage() const;

    QThreadPool m_pool;
    quint64 m_latest = 0;
};

}  // namespace ui
}  // namespace weft
