#include "core/export/ContactSheet.h"

#include "core/common/AtomicFile.h"
#include "core/imaging/ImageDecoder.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>

namespace weft {

namespace {

constexpr int kDotsPerInch = 300;
constexpr int kMarginMm = 12;
// Each match is read at about the size it is printed at (a column at 300 dpi).
constexpr int kPictureSide = 600;

// `image` as large as fits in `box`, centred, with a hairline around the box.
void drawFitted(QPainter& painter, const QImage& image, const QRectF& box)
{
    painter.setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(box);
    if (image.isNull())
        return;
    QSizeF size = image.size();
    size.scale(box.size(), Qt::KeepAspectRatio);
    painter.drawImage(QRectF(box.center() - QPointF(size.width() / 2, size.height() / 2), size), image);
}

struct Picture {
    QImage image;
    bool readable = false;
};

Picture readPicture(const QString& path)
{
    DecodeOptions options;
    options.maxSide = kPictureSide;
    try {
        return {ImageDecoder::decode(path, options).image, true};
    } catch (const Error&) {
        return {};
    }
}

class SheetPainter {
public:
    SheetPainter(QPainter& painter, QRectF area, const ContactSheetContent& content)
        : m_painter(painter), m_area(area), m_content(content), m_pages(ContactSheet::pageCount(int(content.matches.size())))
    {
    }

    void drawPage(int page, const QList<Picture>& pictures);

private:
    void drawHeader(int page, const QRectF& band);
    void drawMatch(const Match& match, const Picture& picture, const QRectF& cell);

    QPainter& m_painter;
    QRectF m_area;
    const ContactSheetContent& m_content;
    int m_pages;
};

void SheetPainter::drawPage(int page, const QList<Picture>& pictures)
{
    const double headerHeight = m_area.height() * 0.16;
    drawHeader(page, QRectF(m_area.topLeft(), QSizeF(m_area.width(), headerHeight)));
    const double gap = m_area.height() * 0.02;
    const QRectF grid(m_area.left(), m_area.top() + headerHeight + gap, m_area.width(), m_area.height() - headerHeight - gap);
    const double cellWidth = grid.width() / ContactSheet::kColumns;
    const double cellHeight = grid.height() / ContactSheet::kRows;
    const int first = page * ContactSheet::kPerPage;
    for (int i = 0; i < pictures.size(); ++i) {
        const QRectF cell(grid.left() + (i % ContactSheet::kColumns) * cellWidth, grid.top() + (i / ContactSheet::kColumns) * cellHeight,
                          cellWidth, cellHeight);
        drawMatch(m_content.matches[first + i], pictures[i], cell);
    }
}

void SheetPainter::drawHeader(int page, const QRectF& band)
{
    const QRectF swatchBox(band.topLeft(), QSizeF(band.height(), band.height()));
    drawFitted(m_painter, m_content.swatch, swatchBox);

    const QRectF text = band.adjusted(band.height() * 1.15, 0, 0, 0);
    QFont title = m_painter.font();
    title.setPointSizeF(16);
    title.setBold(true);
    QFont body = m_painter.font();
    body.setPointSizeF(10);
    m_painter.setPen(Qt::black);
    m_painter.setFont(title);
    const double titleHeight = QFontMetricsF(title, m_painter.device()).lineSpacing();
    m_painter.drawText(QRectF(text.topLeft(), QSizeF(text.width(), titleHeight)), Qt::AlignLeft | Qt::AlignVCenter,
                       QFontMetricsF(title, m_painter.device()).elidedText(m_content.queryName, Qt::ElideMiddle, text.width()));
    m_painter.setFont(body);
    const QString details = QCoreApplication::translate("weft::ContactSheet", "Swatch looked up on %1").arg(QLocale().toString(m_content.searchedAt, QLocale::LongFormat))
                            + QLatin1Char('\n')
                            + QCoreApplication::translate("weft::ContactSheet", "%n match(es), best first", nullptr, int(m_content.matches.size()))
                            + QLatin1Char('\n') + QCoreApplication::translate("weft::ContactSheet", "Page %1 of %2").arg(page + 1).arg(m_pages);
    m_painter.drawText(text.adjusted(0, titleHeight * 1.3, 0, 0), Qt::AlignLeft | Qt::AlignTop, details);
}

void SheetPainter::drawMatch(const Match& match, const Picture& picture, const QRectF& cell)
{
    QFont caption = m_painter.font();
    caption.setPointSizeF(8);
    m_painter.setFont(caption);
    const QFontMetricsF metrics(caption, m_painter.device());
    const double padding = cell.width() * 0.04;
    const QRectF inner = cell.adjusted(padding, padding, -padding, -padding);
    const double captionHeight = metrics.lineSpacing() * 2.2;
    const QRectF box(inner.topLeft(), QSizeF(inner.width(), inner.height() - captionHeight));
    drawFitted(m_painter, picture.image, box);
    if (!picture.readable) {
        m_painter.setPen(Qt::darkGray);
        m_painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, QCoreApplication::translate("weft::ContactSheet", "This image cannot be read"));
    }
    m_painter.setPen(Qt::black);
    const QRectF lines(inner.left(), box.bottom() + metrics.lineSpacing() * 0.2, inner.width(), captionHeight);
    const QString rank = QCoreApplication::translate("weft::ContactSheet", "#%1  ·  score %2").arg(match.rank).arg(double(match.score), 0, 'f', 3);
    const QString name = metrics.elidedText(QFileInfo(match.path).fileName(), Qt::ElideMiddle, lines.width());
    m_painter.drawText(lines, Qt::AlignHCenter | Qt::AlignTop, rank + QLatin1Char('\n') + name);
}

}  // namespace

int ContactSheet::pageCount(int matches)
{
    return std::max(1, (matches + kPerPage - 1) / kPerPage);
}

void ContactSheet::write(const QString& path, const ContactSheetContent& content)
{
    replaceFileAtomically(path, [&](const QString& temporary) {
        QPdfWriter writer(temporary);
        writer.setResolution(kDotsPerInch);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter);
        writer.setTitle(QCoreApplication::translate("weft::ContactSheet", "Matches for %1").arg(content.queryName));
        writer.setCreator(QStringLiteral("Weft"));
        QPainter painter;
        if (!painter.begin(&writer))
            throw Error(QCoreApplication::translate("weft::ContactSheet", "Cannot write the contact sheet %1: check that its folder exists and is writable.").arg(path));
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        SheetPainter sheet(painter, QRectF(0, 0, writer.width(), writer.height()), content);
        // A pool of our own: the caller may be running on the global one.
        QThreadPool pool;
        const int pages = pageCount(int(content.matches.size()));
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            QStringList paths;
            for (const Match& match : content.matches.mid(page * kPerPage, kPerPage))
                paths.append(match.path);
            sheet.drawPage(page, QtConcurrent::blockingMapped<QList<Picture>>(&pool, paths, readPicture));
        }
        if (!painter.end())
            throw Error(QCoreApplication::translate("weft::ContactSheet", "Cannot write the contact sheet %1: the disk may be full.").arg(path));
    });
}

}  // namespace weft
