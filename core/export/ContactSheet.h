#pragma once

#include "core/pipeline/QueryEngine.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

namespace weft {

// What a contact sheet shows: the swatch, its name and when it was looked up,
// and its matches, best first.
struct ContactSheetContent {
    QImage swatch;
    QString queryName;
    QDateTime searchedAt;
    QList<Match> matches;
};

// The swatch with its matches on A4 pages, to print, mail or file with an order:
// every page has the swatch, its name, the date and the page number at the top
// and a grid of kPerPage matches below, each with its rank, score and file name.
class ContactSheet {
public:
    static constexpr int kColumns = 4;
    static constexpr int kRows = 5;
    static constexpr int kPerPage = kColumns * kRows;

    static int pageCount(int matches);

    // Writes the PDF to `path` (replaced in one step, AtomicFile.h). It reads every
    // match's image, on threads of its own, so call it off the GUI thread. An image
    // that cannot be read gets a box that says so. Throws weft::Error when the file
    // cannot be written.
    static void write(const QString& path, const ContactSheetContent& content);
};

}  // namespace weft
