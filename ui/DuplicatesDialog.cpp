#include "ui/DuplicatesDialog.h"

#include "ui/DuplicateGroupsModel.h"
#include "ui/DuplicateImagesModel.h"
#include "ui/LibraryBackend.h"
#include "ui/QuickLook.h"
#include "ui/ThumbnailGrid.h"
#include "ui/ThumbnailProvider.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace weft {
namespace ui {

namespace {
constexpr int kGroupIconSide = 72;
constexpr int kImageSide = 200;
}  // namespace

DuplicatesDialog::DuplicatesDialog(LibraryBackend* backend, QWidget* parent)
    : QDialog(parent), m_backend(backend), m_thumbnails(new ThumbnailProvider(this)), m_scope(new QLabel(this)),
      m_progress(new QProgressBar(this)), m_stop(new QPushButton(tr("Stop"), this)), m_summary(new QLabel(this)),
      m_groupList(new QListView(this)), m_groupTitle(new QLabel(this)), m_images(new ThumbnailGrid(this)),
      m_open(new QPushButton(tr("Open"), this)), m_reveal(new QPushButton(tr("Show in folder"), this))
{
    setWindowTitle(tr("Duplicates and colourways"));
    m_groups = new DuplicateGroupsModel(m_thumbnails, this);
    m_imagesModel = new DuplicateImagesModel(m_thumbnails, this);

    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_stop->setToolTip(tr("Stop looking; the groups found so far are shown"));
    connect(m_stop, &QPushButton::clicked, this, &DuplicatesDialog::stop);

    m_groupList->setModel(m_groups);
    m_groupList->setIconSize(QSize(kGroupIconSide, kGroupIconSide));
    m_groupList->setUniformItemSizes(true);
    m_groupList->setSpacing(2);
    m_groupList->setAccessibleName(tr("Groups found"));
    connect(m_groupList->selectionModel(), &QItemSelectionModel::currentChanged, this, &DuplicatesDialog::showGroup);

    m_groupTitle->setWordWrap(true);
    m_images->setModel(m_imagesModel);
    m_images->setThumbnailSize(kImageSide);
    m_images->setAccessibleName(tr("Patterns of the group"));
    new QuickLook(m_images, backend, DuplicateImagesModel::PathRole);
    connect(m_images, &QListView::activated, this,
            [this](const QModelIndex& index) { emit openRequested(index.data(DuplicateImagesModel::PathRole).toString()); });
    connect(m_images, &QListView::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = m_images->indexAt(position);
        if (index.isValid())
            emit menuRequested(index.data(DuplicateImagesModel::PathRole).toString(), index.data(DuplicateImagesModel::ImageIdRole).toLongLong(),
                               m_images->viewport()->mapToGlobal(position));
    });
    connect(m_images->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex& current) {
        m_open->setEnabled(current.isValid());
        m_reveal->setEnabled(current.isValid());
    });
    m_open->setToolTip(tr("Open the selected pattern in the system's image viewer"));
    m_reveal->setToolTip(tr("Show the selected pattern in the file manager"));
    m_open->setEnabled(false);
    m_reveal->setEnabled(false);
    connect(m_open, &QPushButton::clicked, this, [this] { emit openRequested(selectedPath()); });
    connect(m_reveal, &QPushButton::clicked, this, [this] { emit showInFolderRequested(selectedPath()); });

    connect(backend, &LibraryBackend::duplicatesProgress, this, &DuplicatesDialog::onProgress);
    connect(backend, &LibraryBackend::duplicatesFound, this, &DuplicatesDialog::onFound);
    connect(backend, &LibraryBackend::duplicatesFailed, this, &DuplicatesDialog::onFailed);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);

    auto* groupPage = new QWidget(this);
    auto* groupLayout = new QVBoxLayout(groupPage);
    groupLayout->setContentsMargins(0, 0, 0, 0);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_groupTitle, 1);
    actions->addWidget(m_open);
    actions->addWidget(m_reveal);
    groupLayout->addLayout(actions);
    groupLayout->addWidget(m_images, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_groupList);
    splitter->addWidget(groupPage);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 800});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_again = buttons->addButton(tr("Find again"), QDialogButtonBox::ActionRole);
    m_again->setToolTip(tr("Look through the patterns again, with what was indexed since"));
    connect(m_again, &QPushButton::clicked, this, &DuplicatesDialog::findAgain);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_scope);
    layout->addLayout(progressRow);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(1150, 720);
    setState(State::Idle);
}

void DuplicatesDialog::start(const QString& folder)
{
    if (folder == m_folder && m_state != State::Idle && m_state != State::Failed)
        return;
    m_folder = folder;
    findAgain();
}

void DuplicatesDialog::findAgain()
{
    m_thumbnails->setCacheFolder(QDir(m_backend->info().folder).filePath(QStringLiteral("thumbnails")));
    m_scope->setText(m_folder.isEmpty() ? tr("Patterns of one print in the whole library")
                                        : tr("Patterns of one print in %1").arg(QDir::toNativeSeparators(m_folder)));
    m_groups->setGroups({});
    m_imagesModel->clear();
    m_groupTitle->clear();
    m_progress->setRange(0, 0);   // busy until the first report
    m_summary->setText(tr("Comparing every pattern with the ones closest to it…"));
    m_request = m_backend->findDuplicates(m_folder);
    setState(State::Looking);
}

void DuplicatesDialog::stop()
{
    if (m_state == State::Looking)
        m_backend->cancelDuplicates();
}

void DuplicatesDialog::setState(State state)
{
    m_state = state;
    m_progress->setVisible(state == State::Looking);
    m_stop->setVisible(state == State::Looking);
    m_again->setEnabled(state != State::Looking && state != State::Idle);
    emit stateChanged(state);
}

void DuplicatesDialog::onProgress(quint64 requestId, const ProgressReport& report)
{
    if (requestId != m_request || m_state != State::Looking)
        return;
    m_progress->setRange(0, int(std::min<qint64>(report.total, std::numeric_limits<int>::max())));
    m_progress->setValue(int(std::min<qint64>(report.done, std::numeric_limits<int>::max())));
    m_progress->setFormat(tr("%1 of %2 patterns").arg(report.done).arg(report.total));
}

void DuplicatesDialog::onFound(quint64 requestId, const PrintGroups& found)
{
    if (requestId != m_request)
        return;
    int duplicates = 0, colourways = 0;
    for (const PrintGroup& group : found.groups)
        ++(group.kind == PrintGroup::Kind::Duplicates ? duplicates : colourways);
    QString summary;
    if (found.groups.empty())
        summary = tr("No duplicates or colourways among %n pattern(s).", nullptr, int(found.compared));
    else
        summary = tr("Among %n pattern(s): ", nullptr, int(found.compared)) + tr("%n group(s) of duplicates", nullptr, duplicates) +
                  QStringLiteral(", ") + tr("%n group(s) of colourways", nullptr, colourways) + QStringLiteral(". ") +
                  tr("Duplicates are the same print in the same colours (resized, saved again, cropped a little); colourways the "
                     "same print in other colours. Nothing is deleted here.");
    if (found.stopped)
        summary = tr("Stopped after %1 of %2 patterns.").arg(found.compared).arg(found.total) + QLatin1Char(' ') + summary;
    m_summary->setText(summary);
    m_groups->setGroups(found.groups);
    if (!found.groups.empty())
        m_groupList->setCurrentIndex(m_groups->index(0));
    setState(found.stopped ? State::Stopped : State::Found);
}

void DuplicatesDialog::onFailed(quint64 requestId, const QString& message)
{
    if (requestId != m_request)
        return;
    m_summary->setText(tr("The patterns could not be compared: %1").arg(message));
    setState(State::Failed);
}

void DuplicatesDialog::showGroup(const QModelIndex& index)
{
    if (!index.isValid() || index.row() >= int(m_groups->groups().size())) {
        m_imagesModel->clear();
        m_groupTitle->clear();
        return;
    }
    const PrintGroup& group = m_groups->groups()[std::size_t(index.row())];
    m_groupTitle->setText(group.kind == PrintGroup::Kind::Duplicates
                              ? tr("%n pattern(s) of one print in the same colours, the largest first", nullptr, int(group.members.size()))
                              : tr("One print in %n pattern(s) of other colours, the largest first", nullptr, int(group.members.size())));
    m_imagesModel->setGroup(group);
    m_images->setCurrentIndex(m_imagesModel->index(0));
}

QString DuplicatesDialog::selectedPath() const
{
    return m_images->currentIndex().data(DuplicateImagesModel::PathRole).toString();
}

}  // namespace ui
}  // namespace weft
