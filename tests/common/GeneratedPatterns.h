#pragma once

// Small patterns drawn at test time, for the tests that run the model on a few
// images: stripes, dots and checks, each image in its own colours and scale, so
// that no two look alike.

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QStringList>

namespace weft::test {

// Writes <folder>/pattern-<i>.png for i < count and returns their canonical paths.
// Image i is stripes, dots or checks as i / kindsEvery is 0, 1 or 2 (modulo 3).
inline QStringList writeGeneratedPatterns(const QString& folder, int count, QSize size, int kindsEvery = 1)
{
    QDir().mkpath(folder);
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        QImage image(size, QImage::Format_RGB888);
        image.fill(QColor::fromHsv(i * 60 % 360, 75, 235));
        QPainter painter(&image);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor::fromHsv((i * 60 + 180) % 360, 220, 85));
        const int period = 10 + 5 * i;
        const int kind = i / kindsEvery % 3;
        for (int x = 0; x < size.width(); x += period)
            for (int y = 0; y < size.height(); y += period) {
                if (kind == 0)
                    painter.drawRect(x, 0, period / 2, size.height());
                else if (kind == 1)
                    painter.drawEllipse(QPointF(x + period / 2.0, y + period / 2.0), period / 3.0, period / 3.0);
                else if ((x + y) / period % 2 == 0)
                    painter.drawRect(x, y, period, period);
            }
        painter.end();
        const QString path = QDir(folder).filePath(QStringLiteral("pattern-%1.png").arg(i));
        if (!image.save(path))
            qFatal("cannot write %s", qPrintable(path));
        paths.append(QFileInfo(path).canonicalFilePath());
    }
    return paths;
}

}  // namespace weft::test
