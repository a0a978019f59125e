// weft-cli palette: the colours the app offers as chips above a swatch's matches.
#include "CommandSupport.h"

#include "core/colour/Palette.h"
#include "core/common/Error.h"
#include "core/imaging/ImageDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace weft;

int paletteCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    parser.addOption(common.json);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("Images whose dominant colours to print, biggest share first."));
    parseOrExit(parser, arguments);
    if (parser.positionalArguments().isEmpty())
        throw Error(QStringLiteral("Name at least one image"));
    for (const QString& path : parser.positionalArguments()) {
        const std::vector<PaletteColour> palette = Palette::of(ImageDecoder::decode(path).image);
        if (parser.isSet(common.json)) {
            QJsonArray colours;
            for (const PaletteColour& colour : palette)
                colours.append(QJsonObject{{QStringLiteral("colour"), colour.colour.name()}, {QStringLiteral("share"), double(colour.share)}});
            print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("image"), path}, {QStringLiteral("palette"), colours}}).toJson(QJsonDocument::Compact)));
        } else {
            QStringList colours;
            for (const PaletteColour& colour : palette)
                colours.append(QStringLiteral("%1 %2%").arg(colour.colour.name()).arg(double(colour.share) * 100, 0, 'f', 0));
            print(path + QStringLiteral(": ") + colours.join(QStringLiteral(", ")));
        }
    }
    return 0;
}
