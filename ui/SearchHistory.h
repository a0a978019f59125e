#pragma once

#include "ui/BackendTypes.h"

#include <QList>
#include <QObject>

class QAction;

namespace weft {
namespace ui {

// The searches shown, to go back and forward through as in a web browser, with
// the Back and Forward actions (Alt+Left, Alt+Right) for menus and buttons. Each
// entry keeps its swatch picture and matches, so one gone back to is shown again
// as it was, without searching (even when the swatch's file is gone).
class SearchHistory : public QObject {
    Q_OBJECT
public:
    static constexpr int kLimit = 20;   // swatch pictures of up to 1024 px each

    struct Entry {
        QuerySource source;
        SearchResult result;   // the second look's answer once it is in
    };

    explicit SearchHistory(QObject* parent = nullptr);

    // A search's answer is on show: it comes after the entry on show, and those
    // that were ahead of that are dropped. The same swatch searched again (in
    // another folder) takes its entry's place instead.
    void record(const QuerySource& source, const SearchResult& result);
    // The second answer of a recorded search, on show or gone back from.
    void refine(const SearchResult& result);

    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current + 1 < m_entries.size(); }
    QAction* backAction() const { return m_back; }
    QAction* forwardAction() const { return m_forward; }

signals:
    // Back or forward: the entry to show now.
    void entryChosen(const weft::ui::SearchHistory::Entry& entry);

private:
    void go(qsizetype step);
    void updateActions();

    QAction* m_back;
    QAction* m_forward;
    QList<Entry> m_entries;
    qsizetype m_current = -1;
};

}  // namespace ui
}  // namespace weft
