#pragma once

// Shared by the tests/ui tests that run the real model: where it is, a cheap
// method, and a small library of distinct, procedurally drawn patterns.

#include "ui/LibraryBackend.h"
#include "ui/LibraryHost.h"

#include "core/features/MethodConfig.h"
#include "core/models/ModelManifest.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QtMath>

namespace weft::uitest {

// $WEFT_SHARED_DIR/models when it holds the default model, else empty.
inline QString modelDirectory()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    if (shared.isEmpty())
        return {};
    const QString folder = QDir(shared).filePath(QStringLiteral("models"));
    const ModelManifest& manifest = ModelManifest::builtIn();
    return QFileInfo::exists(QDir(folder).filePath(manifest.model(manifest.defaultBackbone()).file)) ? folder : QString();
}

#define WEFT_REQUIRE_MODEL()                                                                                                \
    do {                                                                                                                    \
        if (weft::uitest::modelDirectory().isEmpty())                                                                       \
            QFAIL("needs the MobileNetV2 model: set WEFT_SHARED_DIR to a folder whose models/ holds it (ctest does)");     \
    } while (false)

inline ui::LibraryOptions libraryOptions(const QString& folder)
{
    ui::LibraryOptions options;
    options.folder = folder;
    // Small and quick. The test patterns differ by their stripes' angle, which a
    // swatch tried every way up (orient) would no longer tell apart.
    options.method = MethodConfig::fromOverrides(QStringLiteral("size=64,grid=0,det=none,orient=1,qscales=1"));
    options.modelDirectory = modelDirectory();
    options.threads = 2;
    return options;
}

// `count` images that differ in colour, stripe angle and frequency, so each one's
// nearest neighbour is itself.
inline QStringList writePatterns(const QString& folder, int count, int side = 160)
{
    QDir().mkpath(folder);
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        QImage image(side, side, QImage::Format_RGB888);
        const QColor background = QColor::fromHsv((i * 67) % 360, 60 + (i * 37) % 150, 230);
        const QColor ink = QColor::fromHsv((i * 67 + 180) % 360, 200, 60 + (i * 53) % 150);
        image.fill(background);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.translate(side / 2.0, side / 2.0);
        painter.rotate(i * 23.0);
        const int period = 8 + (i * 5) % 24;
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        for (int x = -side; x < side; x += period) {
            if (i % 3 == 0)
                painter.drawRect(x, -side, period / 2, 2 * side);
            else if (i % 3 == 1)
                for (int y = -side; y < side; y += period)
                    painter.drawEllipse(QPointF(x, y), period / 3.0, period / 3.0);
            else
                for (int y = -side; y < side; y += period)
                    if (((x + y) / period) % 2 == 0)
                        painter.drawRect(x, y, period, period);
        }
        painter.end();
        const QString path = QDir(folder).filePath(QStringLiteral("pattern-%1.png").arg(i, 2, 10, QLatin1Char('0')));
        if (!image.save(path))
            qFatal("cannot write %s", qPrintable(path));
        paths.append(QFileInfo(path).canonicalFilePath());
    }
    return paths;
}

// Waits until indexing is idle with `count` images indexed in the library's folders.
inline bool waitUntilIndexed(ui::LibraryBackend& backend, qint64 count, int timeoutMs)
{
    QSignalSpy folders(&backend, &ui::LibraryBackend::foldersLoaded);
    return QTest::qWaitFor([&] {
        if (backend.indexingState() != ui::LibraryBackend::IndexingState::Idle || folders.isEmpty())
            return false;
        qint64 indexed = 0;
        for (const ui::FolderStatus& folder : folders.back().front().value<QList<ui::FolderStatus>>())
            indexed += folder.indexed;
        return indexed == count;
    }, timeoutMs);
}

// A file that is no image (notes, a damaged download); false if it cannot be written.
inline bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// QSettings go to a throw-away folder, never the user's.
inline void isolateSettings(const QString& folder)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
}

}  // namespace weft::uitest
