#include "ui/SearchHistory.h"

#include <QAction>
#include <QApplication>
#include <QStyle>

namespace weft {
namespace ui {

namespace {

// The same swatch with other colours chosen is the same search; a search by
// colour is another search for other colours.
bool sameSwatch(const QuerySource& a, const QuerySource& b)
{
    return a.path == b.path && a.encoded == b.encoded && a.indexedPattern == b.indexedPattern && (a.hasImage() || a.colours == b.colours);
}

}  // namespace

SearchHistory::SearchHistory(QObject* parent)
    : QObject(parent), m_back(new QAction(QApplication::style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this)),
      m_forward(new QAction(QApplication::style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this))
{
    m_back->setShortcut(QKeySequence::Back);
    m_back->setToolTip(tr("Back to the search before (%1)").arg(m_back->shortcut().toString(QKeySequence::NativeText)));
    m_forward->setShortcut(QKeySequence::Forward);
    m_forward->setToolTip(tr("Forward to the search after (%1)").arg(m_forward->shortcut().toString(QKeySequence::NativeText)));
    connect(m_back, &QAction::triggered, this, [this] { go(-1); });
    connect(m_forward, &QAction::triggered, this, [this] { go(1); });
    updateActions();
}

void SearchHistory::record(const QuerySource& source, const SearchResult& result)
{
    if (m_current >= 0 && sameSwatch(m_entries[m_current].source, source)) {
        m_entries[m_current] = {source, result};
        return;
    }
    m_entries.resize(m_current + 1);
    m_entries.append({source, result});
    if (m_entries.size() > kLimit)
        m_entries.removeFirst();
    m_current = m_entries.size() - 1;
    updateActions();
}

void SearchHistory::refine(const SearchResult& result)
{
    for (Entry& entry : m_entries)
        if (entry.result.requestId == result.requestId)
            entry.result = result;
}

void SearchHistory::go(qsizetype step)
{
    const qsizetype next = m_current + step;
    if (next < 0 || next >= m_entries.size())
        return;
    m_current = next;
    updateActions();
    emit entryChosen(m_entries[m_current]);
}

void SearchHistory::updateActions()
{
    m_back->setEnabled(canGoBack());
    m_forward->setEnabled(canGoForward());
}

}  // namespace ui
}  // namespace weft
