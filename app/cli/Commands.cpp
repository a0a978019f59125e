#include "Commands.h"

#include "CommandSupport.h"

#include "TerminalProgress.h"

#include "core/common/Error.h"
#include "core/components/ComponentDetector.h"
#include "core/components/OverlayRenderer.h"
#include "core/components/ShownMotifs.h"
#include "core/eval/ClassEvaluation.h"
#include "core/eval/SwatchEvaluation.h"
#include "core/eval/SwatchSet.h"
#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "core/pipeline/Scanner.h"

#include <QColor>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <limits>

using namespace weft;

namespace {

// After an evaluation's numbers: a Ctrl+C that ended it early says so, and the
// exit status tells a script the numbers cover only part of the queries.
int stoppedEarly(bool stopped, int queriesDone)
{
    return stopped ? stoppedWith(QStringLiteral("Stopped after %1 queries: the numbers cover those only.").arg(queriesDone)) : 0;
}

int indexCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, false);
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Folders of images to add (none: update every folder of the library)."));
    parseOrExit(parser, arguments);

    // Before the library is opened: a mistyped folder must not leave a new, empty library behind.
    QStringList folders;
    for (const QString& path : parser.positionalArguments()) {
        const QFileInfo info(path);
        if (!info.isDir())
            throw Error(QStringLiteral("%1 is not a folder").arg(path));
        folders.append(info.canonicalFilePath());
    }
    const auto extractor = common.extractor(parser);
    Library library(common.libraryFolder(parser), extractor->config());
    QSet<qint64> added;
    for (const QString& folder : std::as_const(folders))
        added.insert(library.catalog().addRoot(folder));
    // Read back: a folder given after one inside it has taken that one in.
    QList<LibraryRoot> roots = library.catalog().roots();
    if (!added.isEmpty())
        roots.removeIf([&](const LibraryRoot& root) { return !added.contains(root.id); });
    if (roots.isEmpty())
        throw Error(QStringLiteral("The library %1 has no folders yet: name the folders to index").arg(library.folder()));

    TerminalProgress::installInterruptHandler();
    ScanSummary scan;
    const IndexSummary summary = updateLibrary(library, *extractor, roots, scan);
    print(QStringLiteral("%1 images indexed (%10 through the component pass), %2 failed in %3 s (%4 images/s); files: %5 new, %6 changed, %7 moved, %8 removed, %9 unchanged")
              .arg(summary.indexed)
              .arg(summary.failed)
              .arg(summary.seconds, 0, 'f', 1)
              .arg(summary.seconds > 0 ? (summary.indexed + summary.failed) / summary.seconds : 0.0, 0, 'f', 2)
              .arg(scan.added)
              .arg(scan.changed)
              .arg(scan.renamed)
              .arg(scan.removed)
              .arg(scan.unchanged)
              .arg(summary.withComponents));
    if (scan.stopped)
        return stoppedWith(QStringLiteral("Stopped while looking for new and changed files; run the same command again to continue."));
    if (summary.stopped)
        return stoppedWith(QStringLiteral("Stopped: %1 images are left; run the same command again to continue.").arg(summary.remaining));
    return 0;
}

int queryCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, true);
    const QCommandLineOption top(QStringLiteral("top"), QStringLiteral("Number of matches (default 20)."), QStringLiteral("K"), QStringLiteral("20"));
    const QCommandLineOption anyColourway(QStringLiteral("any-colourway"),
                                          QStringLiteral("Find the swatch's print in any colourway: its colours are left out of the comparison."));
    const QCommandLineOption colourOption(QStringLiteral("colour"),
                                          QStringLiteral("Only matches holding this colour (#rrggbb or a colour name); repeat for several. "
                                                         "With no IMAGE: the library's images ranked by how much of the colours they hold."),
                                          QStringLiteral("COLOUR"));
    parser.addOptions({top, anyColourway, colourOption});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Swatch images to look up."));
    parseOrExit(parser, arguments);
    bool ok = false;
    const int k = parser.value(top).toInt(&ok);
    if (!ok || k < 1)
        throw UsageError(QStringLiteral("--top needs a positive whole number"));
    QList<QColor> colours;
    for (const QString& name : parser.values(colourOption)) {
        const QColor colour = QColor::fromString(name);
        if (!colour.isValid())
            throw UsageError(QStringLiteral("--colour %1 is not a colour: give #rrggbb or a colour name such as navy").arg(name));
        colours.append(colour);
    }
    if (parser.positionalArguments().isEmpty() && colours.isEmpty())
        throw UsageError(QStringLiteral("Name at least one image to look up, or a --colour"));

    const auto extractor = common.extractor(parser);
    Library library(common.libraryFolder(parser), extractor->config(), Library::Access::ReadOnly);
    const QueryEngine engine(library, *extractor);
    const ColourFilter filter(colours);
    const auto show = [&](const QString& query, const std::vector<Match>& matches) {
        if (parser.isSet(common.json)) {
            QJsonArray results;
            for (const Match& match : matches)
                results.append(QJsonObject{{QStringLiteral("path"), match.path}, {QStringLiteral("score"), double(match.score)}, {QStringLiteral("rank"), match.rank}});
            print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("results"), results}}).toJson(QJsonDocument::Compact)));
        } else {
            print(query + QLatin1Char(':'));
            for (const Match& match : matches)
                print(QStringLiteral("%1  %2  %3").arg(match.rank, 3).arg(double(match.score), 0, 'f', 4).arg(match.path));
        }
    };
    if (parser.positionalArguments().isEmpty()) {
        QStringList names;
        for (const QColor& colour : colours)
            names.append(colour.name());
        show(names.join(QLatin1Char('+')), engine.searchColours(filter, k));
    }
    for (const QString& path : parser.positionalArguments()) {
        const QImage swatch = ImageDecoder::decode(path).image;
        QueryEngine::SwatchQuery query = engine.describeSwatch(swatch);
        if (parser.isSet(anyColourway))
            query = engine.inAnyColourway(query);
        std::vector<Match> matches = engine.searchSwatch(query, engine.candidatesFor(k), {}, filter);
        engine.refine(swatch, query, matches, k, {}, filter);
        show(path, matches);
    }
    return 0;
}

// Swatch-lookup protocol (shared/datasets/README.md): the set (library images and
// simulated photos) is made in <library>/swatch-set, its library images are indexed, and
// every query is ranked against them.
int swatchEval(const QCommandLineParser& parser, const CommonOptions& common, const QString& rootPath, const QList<LabelledImage>& labels,
               int tileSize, int maxQueries, quint32 seed, SwatchPhotos photos)
{
    const bool wild = photos == SwatchPhotos::Wild;
    const QString defaultFolder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/weft/eval/") +
                                  QString::fromLatin1(QCryptographicHash::hash(rootPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(12)) +
                                  (wild ? QStringLiteral("-wild") : QStringLiteral("-swatch"));
    const auto extractor = common.extractor(parser);
    Library library(common.libraryFolder(parser, defaultFolder), extractor->config());
    const QString setFolder = library.folder() + (wild ? QStringLiteral("/wild-swatch-set") : QStringLiteral("/swatch-set"));
    if (!QDir().mkpath(setFolder))
        throw Error(QStringLiteral("Cannot create the folder %1").arg(setFolder));
    // Canonical, as the scanner records the library images under the root's path.
    const SwatchSet set = SwatchSet::build(labels, QFileInfo(setFolder).canonicalFilePath(), tileSize, seed, photos);
    std::fprintf(stderr, "swatch set %s: %lld images, %s\n", qPrintable(set.folder()), qlonglong(set.items().size()),
                 set.reused() ? "reused" : "made");
    for (const QString& skipped : set.skipped())
        std::fprintf(stderr, "warning: left out of the set, %s\n", qPrintable(skipped));

    const QString libraryImages = set.folder() + QStringLiteral("/library");
    const qint64 rootId = library.catalog().addRoot(libraryImages);
    TerminalProgress::installInterruptHandler();
    ScanSummary scan;
    const IndexSummary indexing = updateLibrary(library, *extractor, {{rootId, libraryImages}}, scan);
    if (indexing.stopped)
        throw Error(QStringLiteral("Stopped before every image was indexed; run the same command again to continue"));

    SwatchEvaluationReport report;
    {
        TerminalProgress progress;
        report = evaluateSwatches(library, *extractor, set, maxQueries, &progress);
    }
    const QualitySummary& q = report.quality;
    if (parser.isSet(common.json)) {
        QJsonObject buckets;
        for (const PhotoBucket& bucket : report.buckets)
            buckets.insert(bucket.name, QJsonObject{{QStringLiteral("queries"), bucket.quality.queries},
                                                    {QStringLiteral("top1"), bucket.quality.topOne},
                                                    {QStringLiteral("top5"), bucket.quality.topFive},
                                                    {QStringLiteral("mrr"), bucket.quality.meanReciprocalRank}});
        QJsonObject ranks;   // set item index → rank of its source
        for (const SwatchEvaluationReport::QueryRank& rank : report.ranks)
            ranks.insert(QString::number(set.items()[rank.item].index), rank.rank);
        print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("protocol"), QStringLiteral("swatch")},
                                                          {QStringLiteral("ranks"), ranks},
                                                          {QStringLiteral("photos"), wild ? QStringLiteral("wild") : QStringLiteral("plain")},
                                                          {QStringLiteral("buckets"), buckets},
                                                          {QStringLiteral("root"), rootPath},
                                                          {QStringLiteral("method"), library.methodKey()},
                                                          {QStringLiteral("query_method"), extractor->config().queryKey()},
                                                          {QStringLiteral("tile"), tileSize},
                                                          {QStringLiteral("seed"), qint64(set.seed())},
                                                          {QStringLiteral("library_images"), report.libraryImages},
                                                          {QStringLiteral("queries"), q.queries},
                                                          {QStringLiteral("top1"), q.topOne},
                                                          {QStringLiteral("top5"), q.topFive},
                                                          {QStringLiteral("mrr"), q.meanReciprocalRank},
                                                          {QStringLiteral("hnsw_recall_at_10"), report.hnswRecallAt10},
                                                          {QStringLiteral("unusable"), report.unusableLibraryImages + int(set.skipped().size())},
                                                          {QStringLiteral("unusable_queries"), report.unusableQueries},
                                                          {QStringLiteral("stopped"), report.stopped}})
                                    .toJson(QJsonDocument::Compact)));
    } else {
        print(QStringLiteral("method   %1 (queries: %2)").arg(library.methodKey(), extractor->config().queryKey()));
        print(QStringLiteral("library  %1 images (%2 without a fingerprint, %3 unreadable sources), tile %4, seed %5")
                  .arg(report.libraryImages)
                  .arg(report.unusableLibraryImages)
                  .arg(set.skipped().size())
                  .arg(tileSize)
                  .arg(set.seed()));
        print(QStringLiteral("queries  %1 (%2 could not be fingerprinted)").arg(q.queries).arg(report.unusableQueries));
        print(QStringLiteral("top-1    %1").arg(q.topOne, 0, 'f', 4));
        print(QStringLiteral("top-5    %1").arg(q.topFive, 0, 'f', 4));
        print(QStringLiteral("MRR      %1").arg(q.meanReciprocalRank, 0, 'f', 4));
        print(QStringLiteral("HNSW recall@10 vs exact  %1").arg(report.hnswRecallAt10, 0, 'f', 4));
        for (const PhotoBucket& bucket : report.buckets)
            print(QStringLiteral("  %1  %2 queries  top-1 %3  top-5 %4")
                      .arg(bucket.name, -13)
                      .arg(bucket.quality.queries, 4)
                      .arg(bucket.quality.topOne, 0, 'f', 3)
                      .arg(bucket.quality.topFive, 0, 'f', 3));
    }
    return stoppedEarly(report.stopped, q.queries);
}

int evalCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, true);
    const QCommandLineOption root(QStringLiteral("root"), QStringLiteral("Folder the label paths are relative to."), QStringLiteral("DIR"));
    const QCommandLineOption labelsOption(QStringLiteral("labels"), QStringLiteral("CSV file of path,class."), QStringLiteral("CSV"));
    const QCommandLineOption protocol(QStringLiteral("protocol"),
                                      QStringLiteral("class (default): every image queries the others, relevant = same class. "
                                                     "swatch: simulated photos of pieces of the images query the full images, "
                                                     "relevant = the source image (shared/datasets/README.md)."),
                                      QStringLiteral("class|swatch"), QStringLiteral("class"));
    const QCommandLineOption tile(QStringLiteral("tile"),
                                  QStringLiteral("swatch: repeat each image to fill a PIXELS x PIXELS library image, "
                                                 "for seamless tiles (subtle-patterns: 512). Default 0: the image as it is."),
                                  QStringLiteral("PIXELS"), QStringLiteral("0"));
    const QCommandLineOption queriesOption(QStringLiteral("queries"),
                                           QStringLiteral("swatch: run at most N queries, spread over the set (default: one per image)."),
                                           QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("swatch: the draw of simulated photos (default %1). Compare methods on several.")
                                            .arg(SwatchSet::kDefaultSeed),
                                        QStringLiteral("N"), QString::number(SwatchSet::kDefaultSeed));
    const QCommandLineOption photosOption(QStringLiteral("photos"),
                                          QStringLiteral("swatch: plain (default; shared/datasets/README.md) or wild: photos as a designer "
                                                         "takes them, at any turn, mirrored, zoomed, tilted, under other light."),
                                          QStringLiteral("plain|wild"), QStringLiteral("plain"));
    parser.addOptions({root, labelsOption, protocol, tile, queriesOption, seedOption, photosOption});
    parseOrExit(parser, arguments);
    if (!parser.isSet(root) || !parser.isSet(labelsOption))
        throw UsageError(QStringLiteral("eval needs --root DIR and --labels CSV"));
    const QString protocolName = parser.value(protocol);
    if (protocolName != QLatin1String("class") && protocolName != QLatin1String("swatch"))
        throw UsageError(QStringLiteral("--protocol is class or swatch, not %1").arg(protocolName));
    const bool swatch = protocolName == QLatin1String("swatch");
    if (!swatch && (parser.isSet(tile) || parser.isSet(queriesOption) || parser.isSet(seedOption) || parser.isSet(photosOption)))
        throw UsageError(QStringLiteral("--tile, --queries, --seed and --photos belong to --protocol swatch"));
    const QString photosName = parser.value(photosOption);
    if (photosName != QLatin1String("plain") && photosName != QLatin1String("wild"))
        throw UsageError(QStringLiteral("--photos is plain or wild, not %1").arg(photosName));
    const SwatchPhotos photos = photosName == QLatin1String("wild") ? SwatchPhotos::Wild : SwatchPhotos::Plain;
    bool ok = false;
    const int tileSize = parser.value(tile).toInt(&ok);
    if (!ok || tileSize < 0)
        throw UsageError(QStringLiteral("--tile needs a whole number of pixels (0: no tiling)"));
    int maxQueries = 0;
    if (parser.isSet(queriesOption)) {
        maxQueries = parser.value(queriesOption).toInt(&ok);
        if (!ok || maxQueries < 1)
            throw UsageError(QStringLiteral("--queries needs a positive whole number"));
    }
    const quint32 seed = parser.value(seedOption).toUInt(&ok);
    if (!ok)
        throw UsageError(QStringLiteral("--seed needs a whole number from 0 to %1").arg(std::numeric_limits<quint32>::max()));
    const QString rootPath = QFileInfo(parser.value(root)).canonicalFilePath();
    if (rootPath.isEmpty())
        throw Error(QStringLiteral("The folder %1 does not exist").arg(parser.value(root)));
    const QList<LabelledImage> labels = readLabels(parser.value(labelsOption), rootPath);
    if (swatch)
        return swatchEval(parser, common, rootPath, labels, tileSize, maxQueries, seed, photos);

    // Without --library the evaluation gets a library of its own, never the user's.
    const QString defaultFolder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/weft/eval/") +
                                  QString::fromLatin1(QCryptographicHash::hash(rootPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    const auto extractor = common.extractor(parser);
    Library library(common.libraryFolder(parser, defaultFolder), extractor->config());
    const qint64 rootId = library.catalog().addRoot(rootPath);
    TerminalProgress::installInterruptHandler();
    ScanSummary scan;
    const IndexSummary indexing = updateLibrary(library, *extractor, {{rootId, rootPath}}, scan);
    if (indexing.stopped)
        throw Error(QStringLiteral("Stopped before every image was indexed; run the same command again to continue"));

    ClassEvaluationReport report;
    {
        TerminalProgress progress;
        report = evaluateClasses(library, extractor->config(), library.storedLayout(extractor->layout()), labels, &progress);
    }
    const QualitySummary& q = report.quality;
    if (parser.isSet(common.json)) {
        print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("root"), rootPath},
                                                          {QStringLiteral("method"), library.methodKey()},
                                                          {QStringLiteral("queries"), q.queries},
                                                          {QStringLiteral("top1"), q.topOne},
                                                          {QStringLiteral("top5"), q.topFive},
                                                          {QStringLiteral("p5"), q.precisionAt5},
                                                          {QStringLiteral("r_precision"), q.rPrecision},
                                                          {QStringLiteral("map"), q.meanAveragePrecision},
                                                          {QStringLiteral("mrr"), q.meanReciprocalRank},
                                                          {QStringLiteral("hnsw_recall_at_10"), report.hnswRecallAt10},
                                                          {QStringLiteral("unusable"), report.unusable},
                                                          {QStringLiteral("stopped"), report.stopped}})
                                    .toJson(QJsonDocument::Compact)));
    } else {
        print(QStringLiteral("method   %1").arg(library.methodKey()));
        print(QStringLiteral("queries  %1 (%2 labelled images without a fingerprint)").arg(q.queries).arg(report.unusable));
        print(QStringLiteral("top-1    %1").arg(q.topOne, 0, 'f', 4));
        print(QStringLiteral("P@5      %1").arg(q.precisionAt5, 0, 'f', 4));
        print(QStringLiteral("P@R      %1   (R = relevant items per query: P@15 Brodatz, P@11 USPTex)").arg(q.rPrecision, 0, 'f', 4));
        print(QStringLiteral("mAP      %1").arg(q.meanAveragePrecision, 0, 'f', 4));
        print(QStringLiteral("MRR      %1").arg(q.meanReciprocalRank, 0, 'f', 4));
        print(QStringLiteral("HNSW recall@10 vs exact  %1").arg(report.hnswRecallAt10, 0, 'f', 4));
    }
    return stoppedEarly(report.stopped, q.queries);
}

int statusCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, true);
    parseOrExit(parser, arguments);
    Library library(common.libraryFolder(parser), common.methodConfig(parser), Library::Access::ReadOnly);
    Catalog& catalog = library.catalog();
    const CatalogCounts all = catalog.counts(library.methodKey());
    const QList<ImageRecord> failedImages = catalog.images(ImageStatus::Failed);
    if (parser.isSet(common.json)) {
        QJsonArray folders;
        for (const LibraryRoot& root : catalog.roots()) {
            const CatalogCounts counts = catalog.counts(library.methodKey(), root.id);
            folders.append(QJsonObject{{QStringLiteral("path"), root.path},
                                       {QStringLiteral("indexed"), counts.indexed},
                                       {QStringLiteral("failed"), counts.failed},
                                       {QStringLiteral("pending"), counts.pending + counts.stale},
                                       {QStringLiteral("found"), QFileInfo(root.path).isDir()}});
        }
        QJsonArray failed;
        for (const ImageRecord& image : failedImages)
            failed.append(QJsonObject{{QStringLiteral("path"), image.path}, {QStringLiteral("reason"), image.error}});
        print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("library"), library.folder()},
                                                          {QStringLiteral("method"), library.methodKey()},
                                                          {QStringLiteral("indexed"), all.indexed},
                                                          {QStringLiteral("failed"), all.failed},
                                                          {QStringLiteral("pending"), all.pending + all.stale},
                                                          {QStringLiteral("stale"), all.stale},
                                                          {QStringLiteral("folders"), folders},
                                                          {QStringLiteral("failed_images"), failed}})
                                    .toJson(QJsonDocument::Compact)));
        return 0;
    }
    print(QStringLiteral("library  %1").arg(library.folder()));
    print(QStringLiteral("indexed  %1\nfailed   %2\npending  %3").arg(all.indexed).arg(all.failed).arg(all.pending + all.stale));
    if (all.stale > 0)
        print(QStringLiteral("         (%1 of them were made by another model or method and will be re-indexed)").arg(all.stale));
    for (const LibraryRoot& root : catalog.roots()) {
        const CatalogCounts counts = catalog.counts(library.methodKey(), root.id);
        print(QStringLiteral("folder   %1: %2 indexed, %3 failed, %4 pending%5")
                  .arg(root.path)
                  .arg(counts.indexed)
                  .arg(counts.failed)
                  .arg(counts.pending + counts.stale)
                  .arg(QFileInfo(root.path).isDir() ? QString() : QStringLiteral(" (folder not found)")));
    }
    for (const ImageRecord& failed : failedImages)
        print(QStringLiteral("failed   %1: %2").arg(failed.path, failed.error));
    return 0;
}

// The share of a component's box its mask covers (1 without a mask).
double maskFraction(const QImage& mask)
{
    if (mask.isNull())
        return 1.0;
    qint64 inside = 0;
    for (int y = 0; y < mask.height(); ++y)
        inside += std::count_if(mask.constScanLine(y), mask.constScanLine(y) + mask.width(), [](uchar v) { return v > 127; });
    return double(inside) / (qint64(mask.width()) * mask.height());
}

QString hiddenReason(ShownMotifs::Hidden hidden)
{
    switch (hidden) {
    case ShownMotifs::Hidden::TooLarge: return QStringLiteral("too large");
    case ShownMotifs::Hidden::CutByFrame: return QStringLiteral("cut by the frame");
    case ShownMotifs::Hidden::FoldOrEdge: return QStringLiteral("fold or edge");
    case ShownMotifs::Hidden::No: break;
    }
    return QString();
}

QString boxText(const QRect& box)
{
    return QStringLiteral("box %1,%2 %3x%4").arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height());
}

// The motifs of one image as the app names and shows them, then what it leaves out.
void printShownMotifs(const QString& path, const Components& components, const ShownMotifs& shown, QSize imageSize)
{
    print(QStringLiteral("%1: %2 motifs shown (%3 instances), %4 of %5 instances not shown")
              .arg(path)
              .arg(shown.motifs().size())
              .arg(shown.instanceCount())
              .arg(shown.hiddenCount())
              .arg(components.size()));
    for (const ShownMotifs::Motif& motif : shown.motifs()) {
        print(QStringLiteral("  %1").arg(ShownMotifs::legendText(motif)));
        for (const Component& c : motif.instances)
            print(QStringLiteral("    %1  size %2  confidence %3").arg(boxText(c.box), ShownMotifs::sizeText(ShownMotifs::shareOfPicture(c, imageSize)), ShownMotifs::confidenceText(c.score)));
    }
    for (const ShownMotifs::HiddenInstance& hidden : shown.hidden())
        print(QStringLiteral("  not shown: %1  (%2)").arg(boxText(hidden.component.box), hiddenReason(hidden.reason)));
}

// Feature components of images (seed paper 000): boxes in the pixel coordinates of the
// file as stored (after EXIF orientation); --overlay draws them on the decoded image.
int componentsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, true);
    const QCommandLineOption detectorOption(QStringLiteral("detector"),
                                            QStringLiteral("Component detector: %1 (default motif).").arg(detectorIds().join(QStringLiteral(", "))),
                                            QStringLiteral("ID"), QStringLiteral("motif"));
    const QCommandLineOption overlayOption(QStringLiteral("overlay"),
                                           QStringLiteral("Write the image with the components drawn on it to OUT.png (one image only)."),
                                           QStringLiteral("OUT.png"));
    const QCommandLineOption timeOption(QStringLiteral("time"), QStringLiteral("Print the detection time of each image and the median."));
    const QCommandLineOption shownOption(QStringLiteral("as-shown"),
                                         QStringLiteral("Print the motifs as the app shows them: named, repeats counted, and the instances "
                                                        "not shown (the garment's edges and folds, the wearer) with the reason."));
    parser.addOptions({detectorOption, overlayOption, timeOption, shownOption});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Images to look at."));
    parseOrExit(parser, arguments);
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        throw UsageError(QStringLiteral("Name at least one image"));
    if (parser.isSet(overlayOption) && paths.size() != 1)
        throw UsageError(QStringLiteral("--overlay takes one image"));

    // The backbone comes from --method, as for indexing, so "motif" sees what the fingerprint sees.
    std::shared_ptr<const Backbone> backbone;
    const QString detectorId = parser.value(detectorOption);
    if (detectorId == QLatin1String("motif")) {
        const auto extractor = common.extractor(parser);  // applies --threads, loads and checks the backbone
        const ModelManifest& manifest = ModelManifest::builtIn();
        const QString backboneId = extractor->config().backbone.isEmpty() ? manifest.defaultBackbone() : extractor->config().backbone;
        backbone = Backbone::load(manifest.model(backboneId), ModelStore());
    }
    const auto detector = makeDetector(detectorId, ModelStore(), backbone);

    std::vector<double> milliseconds;
    for (const QString& path : paths) {
        const DecodedImage decoded = ImageDecoder::decode(path);
        QElapsedTimer clock;
        clock.start();
        const Components found = detector->detect(decoded.image);
        milliseconds.push_back(clock.nsecsElapsed() / 1e6);
        const Components components = scaled(found, double(decoded.originalSize.width()) / decoded.image.width());
        const ShownMotifs shown(components, decoded.originalSize);
        if (parser.isSet(shownOption) && !parser.isSet(common.json)) {
            printShownMotifs(path, components, shown, decoded.originalSize);
        } else if (parser.isSet(common.json)) {
            QJsonArray list;
            for (const Component& c : components)
                list.append(QJsonObject{{QStringLiteral("box"), QJsonArray{c.box.x(), c.box.y(), c.box.width(), c.box.height()}},
                                        {QStringLiteral("score"), double(c.score)},
                                        {QStringLiteral("label"), c.label},
                                        {QStringLiteral("group"), c.group},
                                        {QStringLiteral("mask_fraction"), maskFraction(c.mask)}});
            QJsonObject object{{QStringLiteral("image"), path},
                               {QStringLiteral("detector"), detector->id()},
                               {QStringLiteral("width"), decoded.originalSize.width()},
                               {QStringLiteral("height"), decoded.originalSize.height()},
                               {QStringLiteral("components"), list}};
            if (parser.isSet(timeOption))
                object.insert(QStringLiteral("ms"), milliseconds.back());
            print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
        } else {
            print(QStringLiteral("%1: %2 components (%3)%4")
                      .arg(path)
                      .arg(components.size())
                      .arg(detector->id(), parser.isSet(timeOption) ? QStringLiteral(", %1 ms").arg(milliseconds.back(), 0, 'f', 0) : QString()));
            for (const Component& c : components)
                print(QStringLiteral("  group %1  %2  score %3  box %4,%5 %6x%7%8")
                          .arg(c.group)
                          .arg(c.label, -10)
                          .arg(double(c.score), 0, 'f', 3)
                          .arg(c.box.x())
                          .arg(c.box.y())
                          .arg(c.box.width())
                          .arg(c.box.height())
                          .arg(c.mask.isNull() ? QStringLiteral("  (mask: whole box)") : QString()));
        }
        if (parser.isSet(overlayOption)) {
            const QString out = parser.value(overlayOption);
            const Components drawn = parser.isSet(shownOption) ? scaled(shown.instances(), double(decoded.image.width()) / decoded.originalSize.width()) : found;
            if (!OverlayRenderer::render(decoded.image, drawn).save(out, "PNG"))
                throw Error(QStringLiteral("Cannot write the overlay %1").arg(out));
        }
    }
    if (parser.isSet(timeOption) && !parser.isSet(common.json))
        print(QStringLiteral("median detection time over %1 images: %2 ms").arg(milliseconds.size()).arg(median(milliseconds), 0, 'f', 1));
    return 0;
}
}  // namespace

int runCommand(const QStringList& arguments)
{
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")) {
        std::fputs(usageText(), arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? 2 : 0;
    }
    const QString command = arguments[1];
    QStringList rest = arguments;
    rest.removeAt(1);  // the parser sees "weft-cli [options]"
    try {
        if (command == QLatin1String("index"))
            return indexCommand(rest);
        if (command == QLatin1String("query"))
            return queryCommand(rest);
        if (command == QLatin1String("eval"))
            return evalCommand(rest);
        if (command == QLatin1String("status"))
            return statusCommand(rest);
        if (command == QLatin1String("bench"))
            return benchCommand(rest);
        if (command == QLatin1String("duplicates"))
            return duplicatesCommand(rest);
        if (command == QLatin1String("repair"))
            return repairCommand(rest);
        if (command == QLatin1String("components"))
            return componentsCommand(rest);
        if (command == QLatin1String("palette"))
            return paletteCommand(rest);
        std::fprintf(stderr, "weft-cli: unknown command '%s'\n%s", qPrintable(command), usageText());
        return 2;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "weft-cli: %s\n", QString::fromUtf8(error.what()).simplified().toLocal8Bit().constData());
        return dynamic_cast<const UsageError*>(&error) ? 2 : 1;
    }
}
