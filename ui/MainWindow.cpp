#include "ui/MainWindow.h"

#include "ui/AppSettings.h"
#include "ui/BrowseView.h"
#include "ui/CollectionActions.h"
#include "ui/CollectionsPanel.h"
#include "ui/CompareView.h"
#include "ui/ComponentInspector.h"
#include "ui/DesktopLauncher.h"
#include "ui/DuplicatesDialog.h"
#include "ui/ElidedLabel.h"
#include "ui/FailedFilesDialog.h"
#include "ui/ImageClipboard.h"
#include "ui/IndexingStatus.h"
#include "ui/LibraryPanel.h"
#include "ui/MessageBanner.h"
#include "ui/PaletteBar.h"
#include "ui/RepairOffer.h"
#include "ui/QueryPanel.h"
#include "ui/QuickLook.h"
#include "ui/RegionSearch.h"
#include "ui/RegionSelector.h"
#include "ui/ResultsExporter.h"
#include "ui/ResultsModel.h"
#include "ui/SettingsDialog.h"
#include "ui/StartFolder.h"
#include "ui/SwatchSource.h"
#include "ui/ThumbnailGrid.h"
#include "ui/ThumbnailProvider.h"

#include "core/pipeline/Scanner.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <utility>

namespace weft {
namespace ui {

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent), m_options(options), m_backend(new LibraryBackend(this)), m_thumbnails(new ThumbnailProvider(this)),
      m_results(new ResultsModel(m_thumbnails, this)),
      m_launcher(options.launcher ? options.launcher : new DesktopLauncher(this)), m_clipboard(new ImageClipboard(this)),
      m_regionSearch(new RegionSearch(this)), m_exporter(new ResultsExporter(this)), m_history(new SearchHistory(this))
{
    m_launcher->setParent(this);
    setWindowTitle(tr("Weft"));
    setAcceptDrops(true);

    m_banner = new MessageBanner(this);
    m_libraryPanel = new LibraryPanel(this);
    m_collectionsPanel = new CollectionsPanel(this);
    m_collectionActions = new CollectionActions(m_backend, this);
    new RepairOffer(m_backend, m_banner, this);
    m_leftSplitter = new QSplitter(Qt::Vertical, this);
    m_leftSplitter->addWidget(m_libraryPanel);
    m_leftSplitter->addWidget(m_collectionsPanel);
    m_leftSplitter->setStretchFactor(0, 3);
    m_leftSplitter->setStretchFactor(1, 2);
    m_detailTabs = new QTabWidget(this);
    m_detailTabs->addTab(buildComparePage(), tr("Compare"));
    m_inspector = new ComponentInspector(this);
    m_detailTabs->addTab(m_inspector, tr("Components"));

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_leftSplitter);
    m_mainSplitter->addWidget(buildCentre());
    m_mainSplitter->addWidget(m_detailTabs);
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 4);
    m_mainSplitter->setStretchFactor(2, 4);
    m_mainSplitter->setSizes({360, 620, 620});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_indexingStatus = new IndexingStatus(this);
    // Not stretched: the status bar's messages are drawn in the room left of it.
    statusBar()->addPermanentWidget(m_indexingStatus);
    m_indexingStatus->setSummary(tr("Opening the library…"));

    buildMenus();

    connect(m_libraryPanel, &LibraryPanel::addRequested, this, &MainWindow::chooseFolderToAdd);
    connect(m_libraryPanel, &LibraryPanel::rescanRequested, m_backend, &LibraryBackend::rescan);
    connect(m_libraryPanel, &LibraryPanel::folderClicked, this, &MainWindow::browse);
    connect(m_libraryPanel, &LibraryPanel::removeRequested, this, [this](qint64 rootId, const QString& path) {
        const auto answer = QMessageBox::question(this, tr("Remove folder"),
                                                  tr("Remove %1 from the library? Its images leave the library; the files themselves stay where they are.")
                                                      .arg(QDir::toNativeSeparators(path)));
        if (answer == QMessageBox::Yes)
            m_backend->removeFolder(rootId);
    });
    connect(m_libraryPanel, &LibraryPanel::failedFilesRequested, this, [this] {
        if (!m_failedDialog)
            m_failedDialog = new FailedFilesDialog(this);
        m_backend->refreshFailedImages();
        m_failedDialog->show();
        m_failedDialog->raise();
    });
    connect(m_collectionsPanel, &CollectionsPanel::showRequested, this, &MainWindow::showCollection);
    connect(m_collectionsPanel, &CollectionsPanel::createRequested, this,
            [this](const QString& name) { m_backend->editCollection({CollectionEdit::Kind::Create, 0, name, 0}); });
    connect(m_collectionsPanel, &CollectionsPanel::renameRequested, this,
            [this](qint64 id, const QString& name) { m_backend->editCollection({CollectionEdit::Kind::Rename, id, name, 0}); });
    connect(m_collectionsPanel, &CollectionsPanel::removeRequested, this,
            [this](qint64 id) { m_backend->editCollection({CollectionEdit::Kind::Remove, id, {}, 0}); });
    connect(m_queryPanel, &QueryPanel::openRequested, this, &MainWindow::openSwatchFile);
    connect(m_queryPanel, &QueryPanel::pasteRequested, this, &MainWindow::pasteSwatch);
    connect(m_inspector, &ComponentInspector::openImageRequested, this, &MainWindow::chooseImageToInspect);
    connect(m_clipboard, &ImageClipboard::copied, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Copied the picture %1").arg(QDir::toNativeSeparators(path)), 4000);
    });
    connect(m_clipboard, &ImageClipboard::failed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("The picture could not be copied.\n%1").arg(message));
    });
    connectRegionSearch();
    connectColourSearch();
    connect(m_exporter, &ResultsExporter::exported, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 6000);
    });
    connect(m_exporter, &ResultsExporter::failed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("The results could not be saved.\n%1").arg(message));
    });
    connect(m_results, &QAbstractItemModel::modelReset, this, [this] {
        m_exportCsv->setEnabled(m_results->rowCount() > 0);
        m_exportSheet->setEnabled(m_results->rowCount() > 0);
    });
    connect(m_indexingStatus, &IndexingStatus::pauseRequested, m_backend, &LibraryBackend::pauseIndexing);
    connect(m_indexingStatus, &IndexingStatus::resumeRequested, m_backend, &LibraryBackend::resumeIndexing);
    connect(m_indexingStatus, &IndexingStatus::cancelRequested, m_backend, &LibraryBackend::cancelIndexing);

    connect(m_backend, &LibraryBackend::opened, this, &MainWindow::onOpened);
    connect(m_backend, &LibraryBackend::openFailed, this, [this](const QString& message) {
        m_libraryPanel->showNotOpen();
        m_indexingStatus->setSummary(tr("No library is open."));
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Weft cannot open the library. Nothing in it was changed.\n%1\nChoose another library folder in Settings.").arg(message));
    });
    connect(m_backend, &LibraryBackend::modelUnavailable, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("The model could not be loaded, so Weft cannot index or search yet; the library can still be browsed.\n%1\n"
                                 "To set the default model up, run this in the Weft source folder, then restart Weft:\n    models/setup_models.sh")
                                  .arg(message));
    });
    connect(m_backend, &LibraryBackend::readOnlyBecause, this, [this](const QString& message) {
        m_readOnlyNotice = tr("The library is open read-only: you can search, but not add folders or index.\n%1").arg(message);
        m_banner->showMessage(MessageBanner::Kind::Warning, m_readOnlyNotice);
    });
    connect(m_backend, &LibraryBackend::folderError, this, [this](const QString& message) {
        QMessageBox::warning(this, tr("Library folders"), message);
    });
    connect(m_backend, &LibraryBackend::indexingStateChanged, m_indexingStatus, &IndexingStatus::setState);
    connect(m_backend, &LibraryBackend::indexingProgress, m_indexingStatus, &IndexingStatus::setProgress);
    connect(m_backend, &LibraryBackend::indexingFinished, this, &MainWindow::onIndexingFinished);
    connect(m_backend, &LibraryBackend::indexingFailed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("Indexing stopped: %1").arg(message));
    });
    connect(m_backend, &LibraryBackend::scanFinished, this, [this](const ScanSummary& scan) {
        if (!scan.missingRoots.isEmpty())
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("These folders are not there (unplugged drive?); their images are kept until they come back:\n%1")
                                      .arg(scan.missingRoots.join(QLatin1Char('\n'))));
    });
    connect(m_backend, &LibraryBackend::foldersLoaded, this, &MainWindow::onFoldersLoaded);
    connect(m_backend, &LibraryBackend::folderWatchLimited, this, [this](int unwatched) {
        m_unwatchedFolders = unwatched;
        m_backend->refreshFolders();   // the status bar's summary says so
    });
    connect(m_backend, &LibraryBackend::failedImagesLoaded, this, [this](const QList<FailedImage>& images) {
        if (m_failedDialog)
            m_failedDialog->setFailedImages(images);
    });
    connect(m_backend, &LibraryBackend::searchFinished, this, &MainWindow::onSearchFinished);
    connect(m_backend, &LibraryBackend::searchPageFinished, this, &MainWindow::showNextPage);
    connect(m_backend, &LibraryBackend::searchFailed, this, &MainWindow::onSearchFailed);
    connect(m_backend, &LibraryBackend::viewImageLoaded, this, &MainWindow::onViewImageLoaded);
    connect(m_backend, &LibraryBackend::collectionsLoaded, this, &MainWindow::onCollectionsLoaded);
    connect(m_backend, &LibraryBackend::collectionLoaded, this, &MainWindow::onCollectionLoaded);
    connect(m_backend, &LibraryBackend::collectionError, this,
            [this](const QString& message) { m_banner->showMessage(MessageBanner::Kind::Warning, message); });

    restoreLayout();
    m_backend->open(m_options.library);
}

MainWindow::~MainWindow()
{
    m_backend->shutDown();
}

QListView* MainWindow::resultsView() const
{
    return m_resultsView;
}

QWidget* MainWindow::buildCentre()
{
    auto* centre = new QWidget(this);
    m_queryPanel = new QueryPanel(centre);

    m_folderFilter = new QComboBox(centre);
    m_folderFilter->addItem(tr("All folders"), QString());
    m_folderFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_folderFilter->setMinimumContentsLength(10);
    m_folderFilter->setToolTip(tr("Search only one library folder, or a folder inside it"));
    connect(m_folderFilter, &QComboBox::currentIndexChanged, this, &MainWindow::onFolderChosen);
    m_sizeSlider = new QSlider(Qt::Horizontal, centre);
    m_sizeSlider->setRange(AppSettings::kMinThumbnailSize, AppSettings::kMaxThumbnailSize);
    m_sizeSlider->setSingleStep(16);
    m_sizeSlider->setMinimumWidth(60);
    m_sizeSlider->setMaximumWidth(120);
    m_sizeSlider->setToolTip(tr("Thumbnail size"));
    connect(m_sizeSlider, &QSlider::valueChanged, this, &MainWindow::setThumbnailSize);
    m_resultCount = new ElidedLabel(Qt::ElideRight, centre);
    m_resultCount->setObjectName(QStringLiteral("resultCount"));
    // Its own label, whose room is kept while hidden: showing it moves nothing.
    m_checkingNotice = new QLabel(tr("checking the best ones…"), centre);
    QSizePolicy keepRoom = m_checkingNotice->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_checkingNotice->setSizePolicy(keepRoom);
    m_checkingNotice->hide();

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Folder:"), centre));
    filterRow->addWidget(m_folderFilter, 1);
    filterRow->addWidget(new QLabel(tr("Size:"), centre));
    filterRow->addWidget(m_sizeSlider, 1);
    m_scoreCutOff = new QDoubleSpinBox(centre);
    m_scoreCutOff->setRange(0, 1);
    m_scoreCutOff->setSingleStep(0.05);
    m_scoreCutOff->setDecimals(2);
    m_scoreCutOff->setSpecialValueText(tr("any"));
    m_scoreCutOff->setKeyboardTracking(false);   // one search when the number is typed, not one per digit
    m_scoreCutOff->setToolTip(tr("Show only matches scoring at least this much (1 is an exact copy)"));
    connect(m_scoreCutOff, &QDoubleSpinBox::valueChanged, this, [this](double score) {
        if (m_options.settings)
            m_options.settings->setMinimumScore(score);
        if (!m_lastQuery.isEmpty())
            startSearch(m_lastQuery);
    });

    auto* countRow = new QHBoxLayout;
    countRow->addWidget(m_resultCount, 1);
    countRow->addWidget(m_checkingNotice);
    countRow->addWidget(new QLabel(tr("Score at least:"), centre));
    countRow->addWidget(m_scoreCutOff);

    m_resultsView = new ThumbnailGrid(centre);
    m_resultsView->setModel(m_results);
    m_resultsView->setAccessibleName(tr("Matches, best first"));
    m_resultsView->setDragEnabled(true);
    m_resultsView->setDragDropMode(QAbstractItemView::DragOnly);
    m_resultsView->setDefaultDropAction(Qt::CopyAction);
    new QuickLook(m_resultsView, m_backend, ResultsModel::PathRole);
    // Scrolled to the end, or all of it in sight: the next page is asked for.
    connect(m_resultsView->verticalScrollBar(), &QScrollBar::valueChanged, this, &MainWindow::fetchMoreIfAtEnd);
    connect(m_resultsView->verticalScrollBar(), &QScrollBar::rangeChanged, this, &MainWindow::fetchMoreIfAtEnd);
    connect(m_resultsView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentResultChanged);
    connect(m_resultsView, &QListView::activated, this, [this](const QModelIndex& index) { openInViewer(index.data(ResultsModel::PathRole).toString()); });
    connect(m_resultsView, &QListView::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = m_resultsView->indexAt(position);
        if (index.isValid())
            showImageMenu(index.data(ResultsModel::PathRole).toString(), index.data(ResultsModel::ImageIdRole).toLongLong(),
                          m_resultsView->viewport()->mapToGlobal(position));
    });

    // The folder chosen above is the one searched and the one browsed.
    m_browse = new BrowseView(m_backend, centre);
    connect(m_browse, &BrowseView::openRequested, this, &MainWindow::openInViewer);
    connect(m_browse, &BrowseView::findLikeRequested, this, &MainWindow::findLike);
    connect(m_browse, &BrowseView::menuRequested, this, &MainWindow::showImageMenu);
    m_centreTabs = new QTabWidget(centre);
    m_centreTabs->setDocumentMode(true);
    m_centreTabs->addTab(m_resultsView, tr("Matches"));
    m_centreTabs->addTab(m_browse, tr("Browse"));
    m_centreTabs->setTabToolTip(1, tr("All the patterns of the folder, without a search"));
    connect(m_history, &SearchHistory::entryChosen, this, &MainWindow::showFromHistory);
    auto* history = new QWidget(m_centreTabs);
    auto* historyLayout = new QHBoxLayout(history);
    historyLayout->setContentsMargins(0, 0, 4, 0);
    historyLayout->setSpacing(0);
    for (QAction* action : {m_history->backAction(), m_history->forwardAction()}) {
        auto* button = new QToolButton(history);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        historyLayout->addWidget(button);
    }
    m_centreTabs->setCornerWidget(history, Qt::TopLeftCorner);

    auto* resultsBox = new QWidget(centre);
    auto* resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->addLayout(filterRow);
    resultsLayout->addLayout(countRow);
    resultsLayout->addWidget(m_centreTabs, 1);

    m_centreSplitter = new QSplitter(Qt::Vertical, centre);
    m_centreSplitter->addWidget(m_queryPanel);
    m_centreSplitter->addWidget(resultsBox);
    m_centreSplitter->setStretchFactor(1, 1);
    m_centreSplitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_centreSplitter);
    return centre;
}

QWidget* MainWindow::buildComparePage()
{
    auto* page = new QWidget(this);
    m_compare = new CompareView(page);
    m_compareCaption = new QLabel(tr("Select a match to see it beside the swatch."), page);
    wrapWithinWidth(m_compareCaption);
    m_compareCaption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overlayToggle = new QCheckBox(tr("Components"), page);
    m_overlayToggle->setChecked(true);
    m_overlayToggle->setToolTip(tr("Draw the detected components as outlines and masks"));
    connect(m_overlayToggle, &QCheckBox::toggled, m_compare, &CompareView::setOverlaysVisible);

    auto button = [page](const QString& text, const QString& tip) {
        auto* b = new QToolButton(page);
        b->setText(text);
        b->setToolTip(tip);
        return b;
    };
    QToolButton* zoomIn = button(tr("Zoom in"), tr("Zoom in (or turn the mouse wheel)"));
    QToolButton* zoomOut = button(tr("Zoom out"), tr("Zoom out"));
    QToolButton* fit = button(tr("Fit"), tr("Fit both images in the view"));
    QToolButton* open = button(tr("Open"), tr("Open the match in the system's image viewer"));
    QToolButton* reveal = button(tr("Show in folder"), tr("Show the match in the file manager"));
    QToolButton* copy = button(tr("Copy"), tr("Copy the match's picture, to paste it into an image editor"));
    connect(zoomIn, &QToolButton::clicked, m_compare, &CompareView::zoomIn);
    connect(zoomOut, &QToolButton::clicked, m_compare, &CompareView::zoomOut);
    connect(fit, &QToolButton::clicked, m_compare, &CompareView::fitToWindow);
    connect(open, &QToolButton::clicked, this, [this] { openInViewer(selectedPath()); });
    connect(reveal, &QToolButton::clicked, this, [this] { showInFolder(selectedPath()); });
    connect(copy, &QToolButton::clicked, this, [this] { copyImage(selectedPath()); });

    // A tool bar, so that in a narrow pane what does not fit goes behind its » button.
    auto* tools = new QToolBar(page);
    tools->addWidget(m_overlayToggle);
    for (QToolButton* tool : {zoomIn, zoomOut, fit})
        tools->addWidget(tool);
    tools->addWidget(m_compare->regionSelector()->createButton(page));
    auto* gap = new QWidget(tools);
    gap->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    tools->addWidget(gap);
    for (QToolButton* tool : {open, reveal, copy})
        tools->addWidget(tool);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(tools);
    layout->addWidget(m_compare, 1);
    layout->addWidget(m_compareCaption);
    return page;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open swatch…"), this, &MainWindow::openSwatchFile);
    open->setShortcut(QKeySequence::Open);
    QAction* paste = file->addAction(tr("&Paste swatch"), this, &MainWindow::pasteSwatch);
    paste->setShortcut(QKeySequence::Paste);
    file->addSeparator();
    file->addAction(tr("&Add library folder…"), this, &MainWindow::chooseFolderToAdd);
    QAction* rescan = file->addAction(tr("&Rescan library"), m_backend, &LibraryBackend::rescan);
    rescan->setShortcut(QKeySequence::Refresh);
    file->addAction(tr("&Inspect library image…"), this, &MainWindow::chooseImageToInspect);
    file->addAction(tr("Find &duplicates and colourways…"), this, [this] {
        auto* dialog = findChild<DuplicatesDialog*>();
        if (!dialog) {
            dialog = new DuplicatesDialog(m_backend, this);
            connect(dialog, &DuplicatesDialog::openRequested, this, &MainWindow::openInViewer);
            connect(dialog, &DuplicatesDialog::showInFolderRequested, this, &MainWindow::showInFolder);
            connect(dialog, &DuplicatesDialog::menuRequested, this, &MainWindow::showImageMenu);
        }
        dialog->start(m_folderFilter->currentData().toString());   // the folder searches are kept to
        dialog->show();
        dialog->raise();
    });
    file->addSeparator();
    m_exportCsv = file->addAction(tr("Export results as &CSV…"), this, &MainWindow::exportCsv);
    m_exportSheet = file->addAction(tr("Export contact &sheet (PDF)…"), this, &MainWindow::exportContactSheet);
    m_exportCsv->setEnabled(false);
    m_exportSheet->setEnabled(false);
    file->addSeparator();
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* match = menuBar()->addMenu(tr("&Match"));
    QAction* openMatch = match->addAction(tr("Open in &viewer"), this, [this] { openInViewer(selectedPath()); });
    openMatch->setShortcut(Qt::CTRL | Qt::Key_Return);
    match->addAction(tr("Show in &folder"), this, [this] { showInFolder(selectedPath()); });
    QAction* copy = match->addAction(tr("&Copy"), this, [this] { copyImage(selectedPath()); });
    copy->setShortcut(QKeySequence::Copy);
    match->addAction(tr("Copy &path"), this, [this] { copyPath(selectedPath()); });
    match->addAction(tr("&Inspect components"), this, [this] { inspectImage(selectedPath()); });
    match->addSeparator();
    match->addAction(m_collectionActions->favouriteAction());

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_showOverlays = view->addAction(tr("Show &components"));
    m_showOverlays->setCheckable(true);
    m_showOverlays->setChecked(true);
    m_showOverlays->setShortcut(Qt::Key_C);
    connect(m_showOverlays, &QAction::toggled, m_overlayToggle, &QCheckBox::setChecked);
    connect(m_overlayToggle, &QCheckBox::toggled, m_showOverlays, &QAction::setChecked);
    QAction* zoomIn = view->addAction(tr("Zoom &in"), m_compare, &CompareView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = view->addAction(tr("Zoom &out"), m_compare, &CompareView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction* fit = view->addAction(tr("&Fit to window"), m_compare, &CompareView::fitToWindow);
    fit->setShortcut(Qt::CTRL | Qt::Key_0);
    view->addSeparator();
    QAction* matches = view->addAction(tr("&Matches"), this, [this] { m_centreTabs->setCurrentWidget(m_resultsView); });
    matches->setShortcut(Qt::CTRL | Qt::Key_1);
    QAction* browseFolder = view->addAction(tr("&Browse the folder"), this, [this] { m_centreTabs->setCurrentWidget(m_browse); });
    browseFolder->setShortcut(Qt::CTRL | Qt::Key_B);
    view->addSeparator();
    view->addAction(m_history->backAction());
    view->addAction(m_history->forwardAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Weft"), this, [this] {
        QMessageBox::about(this, tr("About Weft"),
                           tr("<h3>Weft %1</h3><p>Finds textile patterns by what they look like.</p>"
                              "<p>Library: %2<br>Method: %3</p>")
                               .arg(QStringLiteral(WEFT_VERSION), m_backend->info().folder.toHtmlEscaped(), m_backend->info().methodKey.toHtmlEscaped()));
    });
}

void MainWindow::restoreLayout()
{
    const int thumbnailSize = m_options.settings ? m_options.settings->thumbnailSize() : AppSettings::kDefaultThumbnailSize;
    m_sizeSlider->setValue(thumbnailSize);
    setThumbnailSize(thumbnailSize);
    if (m_options.settings) {
        const QSignalBlocker quiet(m_scoreCutOff);
        m_scoreCutOff->setValue(m_options.settings->minimumScore());
        m_queryPanel->setColourway(m_options.settings->colourway());
    }
    if (!m_options.settings) {
        resize(1500, 920);
        return;
    }
    if (!restoreGeometry(m_options.settings->windowGeometry()))
        resize(1500, 920);
    restoreState(m_options.settings->windowState());
    m_mainSplitter->restoreState(m_options.settings->splitterState(QStringLiteral("main")));
    m_centreSplitter->restoreState(m_options.settings->splitterState(QStringLiteral("centre")));
    m_leftSplitter->restoreState(m_options.settings->splitterState(QStringLiteral("left")));
}

void MainWindow::saveLayout()
{
    if (!m_options.settings)
        return;
    m_options.settings->setWindowGeometry(saveGeometry());
    m_options.settings->setWindowState(saveState());
    m_options.settings->setSplitterState(QStringLiteral("main"), m_mainSplitter->saveState());
    m_options.settings->setSplitterState(QStringLiteral("centre"), m_centreSplitter->saveState());
    m_options.settings->setSplitterState(QStringLiteral("left"), m_leftSplitter->saveState());
    m_options.settings->setThumbnailSize(m_sizeSlider->value());
}

void MainWindow::onOpened(const LibraryInfo& info)
{
    m_libraryWritable = !info.readOnly;
    if (m_libraryWritable)
        m_banner->withdraw(std::exchange(m_readOnlyNotice, QString()));
    m_unwatchedFolders = 0;
    m_libraryPanel->setEditable(!info.readOnly);
    m_collectionsPanel->setEditable(!info.readOnly);
    m_collectionActions->setEditable(!info.readOnly);
    m_thumbnails->setCacheFolder(QDir(info.folder).filePath(QStringLiteral("thumbnails")));
    setWindowTitle(tr("Weft — %1").arg(QDir::toNativeSeparators(info.folder)));
    if (!m_options.swatchOnOpen.isEmpty()) {
        searchFor({m_options.swatchOnOpen, {}, QFileInfo(m_options.swatchOnOpen).fileName()});
        m_options.swatchOnOpen.clear();
    }
    if (info.readOnly)
        return;
    for (const QString& folder : std::as_const(m_options.foldersToAdd))
        m_backend->addFolder(folder);
    if (m_options.updateOnOpen && m_options.foldersToAdd.isEmpty())
        m_backend->rescan();
    m_options.foldersToAdd.clear();
}

void MainWindow::onFoldersLoaded(const QList<FolderStatus>& folders)
{
    m_libraryPanel->setFolders(folders);
    qint64 indexed = 0;
    for (const FolderStatus& folder : folders)
        indexed += folder.indexed;
    QString summary = folders.isEmpty() ? tr("The library is empty: add a folder of patterns.")
                                        : tr("%n image(s) indexed", nullptr, int(indexed)) + QStringLiteral(" · ") +
                                              tr("%n folder(s)", nullptr, int(folders.size()));
    if (m_unwatchedFolders > 0)
        summary += QStringLiteral(" · ") + tr("too many folders to watch for changes (%n not watched): the library is rescanned every %1 minutes",
                                               nullptr, m_unwatchedFolders)
                                               .arg(FolderWatcher::kFallbackRescanMinutes);
    m_indexingStatus->setSummary(summary);
    showFolderChoices(folders);
}

void MainWindow::showFolderChoices(const QList<FolderStatus>& folders)
{
    QStringList paths{QString()};
    for (const FolderStatus& folder : folders)
        paths += QStringList{folder.path} + folder.subfolders;
    bool same = paths.size() == m_folderFilter->count();
    for (int i = 0; same && i < paths.size(); ++i)
        same = m_folderFilter->itemData(i).toString() == paths[i];
    if (same)
        return;   // refreshed counts: leave the list (and an open popup) alone
    const QString current = m_folderFilter->currentData().toString();
    QSignalBlocker blocker(m_folderFilter);
    m_folderFilter->clear();
    m_folderFilter->addItem(tr("All folders"), QString());
    for (const FolderStatus& folder : folders) {
        m_folderFilter->addItem(QFileInfo(folder.path).fileName(), folder.path);
        m_folderFilter->setItemData(m_folderFilter->count() - 1, QDir::toNativeSeparators(folder.path), Qt::ToolTipRole);
        for (const QString& subfolder : folder.subfolders) {
            // Indented by its depth below the library folder.
            const int depth = int(QStringView(subfolder).mid(folder.path.size()).count(QLatin1Char('/')));
            m_folderFilter->addItem(QString(3 * depth, QLatin1Char(' ')) + QFileInfo(subfolder).fileName(), subfolder);
            m_folderFilter->setItemData(m_folderFilter->count() - 1, QDir::toNativeSeparators(subfolder), Qt::ToolTipRole);
        }
    }
    const int kept = m_folderFilter->findData(current);
    m_folderFilter->setCurrentIndex(std::max(0, kept));
    if (kept < 0 && !current.isEmpty())
        onFolderChosen();   // the chosen folder left the library: all of it instead
}

void MainWindow::onFolderChosen()
{
    m_browse->setFolder(m_folderFilter->currentData().toString());
    if (!m_lastQuery.isEmpty())
        searchAgain(m_lastQuery);
}

void MainWindow::browse(const QString& folder)
{
    m_folderFilter->setCurrentIndex(std::max(0, m_folderFilter->findData(folder)));
    m_centreTabs->setCurrentWidget(m_browse);
}

void MainWindow::onCollectionsLoaded(const QList<ImageCollection>& collections, const QList<qint64>& favourites)
{
    const QSet<qint64> favouriteIds(favourites.begin(), favourites.end());
    m_collectionsPanel->setCollections(collections);
    m_collectionActions->setCollections(collections, favouriteIds);
    m_results->setFavourites(favouriteIds);
    if (m_shownCollection == 0)
        return;
    // The collection on show may have changed (or gone): show it as it is now.
    const auto shown = std::find_if(collections.begin(), collections.end(),
                                    [this](const ImageCollection& collection) { return collection.id == m_shownCollection; });
    if (shown != collections.end()) {
        m_shownCollectionName = CollectionsPanel::displayName(*shown);
        showCollection(m_shownCollection);
    } else {
        m_shownCollection = 0;
        m_results->clear();
        m_compare->clearRight();
        m_resultCount->clear();
    }
}

void MainWindow::showCollection(qint64 collectionId)
{
    m_pendingCollection = m_backend->loadCollection(collectionId);
}

void MainWindow::onCollectionLoaded(const CollectionContents& contents)
{
    if (contents.requestId != m_pendingCollection)
        return;
    m_pendingCollection = 0;
    m_pendingSearch = 0;   // a search still on its way no longer replaces the collection
    m_centreTabs->setCurrentWidget(m_resultsView);
    // Shown again after a change: the pattern the user is looking at stays selected.
    const QString selected = m_shownCollection == contents.collectionId ? selectedPath() : QString();
    if (m_shownCollection != contents.collectionId)
        m_compare->clearRight();
    m_shownCollection = contents.collectionId;
    for (const ImageCollection& collection : m_collectionsPanel->collections())
        if (collection.id == contents.collectionId)
            m_shownCollectionName = CollectionsPanel::displayName(collection);
    m_results->setMatches(contents.patterns, ResultsModel::Listing::Collection);
    showResultCount(false);
    int row = 0;
    for (int i = 0; !selected.isEmpty() && i < contents.patterns.size(); ++i)
        if (contents.patterns[i].path == selected)
            row = i;
    if (m_results->rowCount() > 0)
        m_resultsView->setCurrentIndex(m_results->index(row));
    emit collectionShown(contents.collectionId, int(contents.patterns.size()));
}

void MainWindow::onIndexingFinished(const IndexSummary& summary)
{
    // A swatch that could not be searched (in a library still empty, say) is
    // looked up again in the library as it is now, rather than leaving the old
    // answer on show.
    if (summary.indexed > 0 && !m_lastSearchError.isEmpty() && !m_lastSearch.isEmpty())
        searchAgain(m_lastSearch);
    if (summary.indexed + summary.failed > 0)
        m_browse->reload();
    if (summary.stopped)
        statusBar()->showMessage(tr("Indexing stopped; %n image(s) left for the next rescan.", nullptr, int(summary.remaining)), 10000);
    else if (summary.indexed + summary.failed > 0)
        statusBar()->showMessage(tr("Indexing done: %n image(s) indexed, %1 failed.", nullptr, int(summary.indexed)).arg(summary.failed), 10000);
}

void MainWindow::searchFor(const QuerySource& source)
{
    m_sinceDrop.start();
    m_dropTimed = true;
    startSearch(source);
}

void MainWindow::startSearch(const QuerySource& requested)
{
    QuerySource source = requested;
    source.colourway = m_queryPanel->colourway();   // the switch as it is now
    m_lastSearch = source;
    m_queryName = source.name;
    m_queryIsPattern = source.indexedPattern;
    m_lastSearchError.clear();
    m_lastQuery = source;
    m_shownCollection = 0;
    m_pendingCollection = 0;
    m_queryPanel->setBusy(tr("Searching for %1…").arg(source.name));
    m_centreTabs->setCurrentWidget(m_resultsView);
    // The previous swatch and match go at once; images still on their way for them are dropped.
    m_pendingQueryView = 0;
    m_pendingMatchView = 0;
    m_compare->clearLeft();
    m_compare->clearRight();
    m_compareCaption->setText(tr("Select a match to see it beside the swatch."));
    m_moreToFetch = false;
    m_fetchingMore = false;
    m_pendingSearch = m_backend->search(source, LibraryBackend::kMatchesShown, m_folderFilter->currentData().toString(),
                                        float(m_scoreCutOff->value()));
}

// Not a new search, so the tab on show (browsing a folder, say) stays.
void MainWindow::searchAgain(const QuerySource& source)
{
    QWidget* shown = m_centreTabs->currentWidget();
    startSearch(source);
    m_centreTabs->setCurrentWidget(shown);
}

void MainWindow::onSearchFinished(const SearchResult& result)
{
    if (result.refined)
        m_history->refine(result);   // also of a search gone back from
    if (result.requestId != m_pendingSearch)
        return;   // an older search the user has since replaced
    if (result.refined) {
        showRefinedMatches(result);
        return;
    }
    m_history->record(m_lastSearch, result);
    m_shownFolder = result.folder;
    m_moreToFetch = !result.complete;
    m_queryImage = result.queryImage;
    m_searchedAt = QDateTime::currentDateTime();
    m_results->setMatches(result.matches);
    if (m_dropTimed) {
        m_dropTimed = false;
        const double milliseconds = m_sinceDrop.nsecsElapsed() / 1e6;
        if (qEnvironmentVariableIsSet("WEFT_LOG_DROP_LATENCY"))
            qInfo("drop-to-results %.1f ms (%lld matches)", milliseconds, qlonglong(result.matches.size()));
        emit dropToResults(milliseconds);
    }
    showQueryAndFirstMatch(result, result.refinementFollows);
    emit resultsShown(int(result.matches.size()));
}

// With the matches in the model: the swatch above them and beside the first.
void MainWindow::showQueryAndFirstMatch(const SearchResult& result, bool checking)
{
    m_queryPanel->setQuery(result.queryImage, m_lastSearch, result.palette);
    m_secondLookPending = checking;
    showResultCount(checking);
    m_queryComponents = result.queryComponents;
    m_pendingQueryView = m_backend->loadViewImage(QString(), result.queryImage);
    m_compare->clearRight();
    if (m_results->rowCount() > 0)
        m_resultsView->setCurrentIndex(m_results->index(0));
    m_resultsView->setFocus();
}

// An earlier search again, as it was shown, in its folder; nothing is searched.
void MainWindow::showFromHistory(const SearchHistory::Entry& entry)
{
    // Its second look, should it still come, is shown; a search under way is not.
    m_pendingSearch = entry.result.requestId;
    m_dropTimed = false;
    m_lastSearch = m_lastQuery = entry.source;
    m_queryName = entry.source.name;
    m_queryIsPattern = entry.source.indexedPattern;
    m_lastSearchError.clear();
    {
        const QSignalBlocker blocker(m_folderFilter);
        m_folderFilter->setCurrentIndex(std::max(0, m_folderFilter->findData(entry.result.folder)));
    }
    m_browse->setFolder(m_folderFilter->currentData().toString());
    m_centreTabs->setCurrentWidget(m_resultsView);
    m_pendingMatchView = 0;
    m_shownFolder = entry.result.folder;
    m_shownCollection = 0;
    m_pendingCollection = 0;
    // The query thread pages on from its latest search only: an earlier one shows what it showed.
    m_moreToFetch = false;
    m_fetchingMore = false;
    m_queryImage = entry.result.queryImage;
    m_results->setMatches(entry.result.matches);
    showQueryAndFirstMatch(entry.result, false);
}

// The same search's matches after their second look: the order changes, the
// query stays, now with its components drawn. The match the user is looking at
// stays selected, unless it was just the first of the quick answer: then the new
// first is.
void MainWindow::showRefinedMatches(const SearchResult& result)
{
    m_secondLookPending = false;
    if (!result.queryComponents.isEmpty()) {  // found after the first answer: draw them over the swatch
        m_queryComponents = result.queryComponents;
        m_pendingQueryView = m_backend->loadViewImage(QString(), result.queryImage);
    }
    const QModelIndex current = m_resultsView->currentIndex();
    const QString selected = current.isValid() && current.row() > 0 ? current.data(ResultsModel::PathRole).toString() : QString();
    m_moreToFetch = !result.complete;
    m_results->setMatches(result.matches);
    showResultCount(false);
    QModelIndex next = m_results->rowCount() > 0 ? m_results->index(0) : QModelIndex();
    for (int row = 0; !selected.isEmpty() && row < m_results->rowCount(); ++row) {
        if (m_results->index(row).data(ResultsModel::PathRole).toString() == selected) {
            next = m_results->index(row);
            break;
        }
    }
    if (next.isValid())
        m_resultsView->setCurrentIndex(next);
    emit resultsRefined(int(result.matches.size()));
}

// The next page comes after the second look's answer, which it continues.
void MainWindow::showNextPage(const SearchResult& page)
{
    if (page.requestId != m_pendingSearch || page.offset != m_results->rowCount())
        return;
    m_fetchingMore = false;
    m_moreToFetch = !page.complete;
    m_results->appendMatches(page.matches);
    showResultCount(false);
}

void MainWindow::fetchMoreIfAtEnd()
{
    const QScrollBar* bar = m_resultsView->verticalScrollBar();
    if (!m_moreToFetch || m_fetchingMore || m_results->rowCount() == 0 || bar->value() < bar->maximum())
        return;
    m_fetchingMore = true;
    m_backend->searchMore(m_pendingSearch);
}

void MainWindow::showResultCount(bool checking)
{
    const int shown = m_results->rowCount();
    if (m_shownCollection != 0) {
        m_resultCount->setText(tr("%n pattern(s) in %1", nullptr, shown).arg(m_shownCollectionName));
        m_checkingNotice->setVisible(false);
        return;
    }
    QString count = m_shownFolder.isEmpty() ? tr("%n match(es)", nullptr, shown)
                                            : tr("%n match(es) in %1", nullptr, shown).arg(QFileInfo(m_shownFolder).fileName());
    if (m_scoreCutOff->value() > 0)
        count = tr("%1 scoring %2 or more").arg(count, m_scoreCutOff->textFromValue(m_scoreCutOff->value()));
    if (m_moreToFetch)
        count = tr("%1, more as you scroll").arg(count);
    m_resultCount->setText(count);
    m_checkingNotice->setVisible(checking);
}

void MainWindow::onSearchFailed(quint64 requestId, const QString& message)
{
    if (requestId != m_pendingSearch)
        return;
    m_dropTimed = false;
    m_lastSearchError = message;
    m_queryPanel->setError(message);
    emit searchFailedShown(message);
}

void MainWindow::onCurrentResultChanged()
{
    const QModelIndex current = m_resultsView->currentIndex();
    m_collectionActions->setCurrentImage(current.data(ResultsModel::ImageIdRole).toLongLong());
    if (!current.isValid())
        return;
    m_pendingMatchView = m_backend->loadViewImage(current.data(ResultsModel::PathRole).toString());
    if (m_results->listing() == ResultsModel::Listing::Collection)
        m_compareCaption->setText(QDir::toNativeSeparators(current.data(ResultsModel::PathRole).toString()));
    else
        m_compareCaption->setText(tr("#%1, score %2: %3")
                                  .arg(current.data(ResultsModel::RankRole).toInt())
                                  .arg(current.data(ResultsModel::ScoreRole).toDouble(), 0, 'f', 3)
                                  .arg(QDir::toNativeSeparators(current.data(ResultsModel::PathRole).toString())));
}

void MainWindow::onViewImageLoaded(const ViewImage& image)
{
    if (image.requestId == m_pendingInspect) {
        m_inspector->showImage(image);
        m_detailTabs->setCurrentWidget(m_inspector);
        return;
    }
    if (!image.error.isEmpty()) {
        if (image.requestId == m_pendingMatchView)
            m_compareCaption->setText(image.error);
        return;
    }
    if (image.requestId == m_pendingQueryView) {
        OverlayPicture swatch = OverlayPicture::of(image, (m_queryIsPattern ? tr("Pattern: %1") : tr("Swatch: %1")).arg(m_queryName));
        swatch.components = m_queryComponents;
        m_compare->setLeft(swatch);
    } else if (image.requestId == m_pendingMatchView) {
        const QModelIndex current = m_resultsView->currentIndex();
        m_comparedMatch = image.path;
        const QString name = QFileInfo(image.path).fileName();
        OverlayPicture match = OverlayPicture::of(image, m_results->listing() == ResultsModel::Listing::Collection
                                                             ? name
                                                             : tr("#%1  %2").arg(current.data(ResultsModel::RankRole).toInt()).arg(name));
        match.swatchOutline = current.data(ResultsModel::WhereSwatchSitsRole).value<QPolygonF>();
        m_compare->setRight(match);
        m_detailTabs->setCurrentIndex(0);
        emit compareReady();
    }
}

// A part of the swatch, of a match or of an inspected image, dragged over in
// their views, is looked up like a pasted image.
// "Any colourway" and the palette under the swatch search the same swatch again,
// "Pick a colour…" searches the library by that colour.
void MainWindow::connectColourSearch()
{
    PaletteBar* palette = m_queryPanel->paletteBar();
    connect(m_queryPanel, &QueryPanel::colourwayChanged, this, [this](Colourway colourway) {
        if (m_options.settings)
            m_options.settings->setColourway(colourway);
        if (m_lastQuery.hasImage() && !m_lastQuery.indexedPattern)
            searchAgain(m_lastQuery);   // startSearch() applies the switch
    });
    connect(palette, &PaletteBar::chosenColoursChanged, this, [this](const QList<QColor>& colours) {
        QuerySource again = m_lastQuery;
        again.colours = colours;
        searchAgain(again);
    });
    connect(palette, &PaletteBar::colourPicked, this, [this](const QColor& colour) {
        QuerySource byColour;
        byColour.name = colour.name();
        byColour.colours = {colour};
        searchFor(byColour);
    });
}

void MainWindow::connectRegionSearch()
{
    connect(m_compare, &CompareView::regionSelected, this, [this](CompareView::PictureSide side, const QRectF& part) {
        m_regionSearch->cut(side == CompareView::PictureSide::Left ? m_lastSearch : QuerySource{m_comparedMatch, {}, QFileInfo(m_comparedMatch).fileName()},
                            part);
    });
    connect(m_inspector, &ComponentInspector::regionSelected, this, [this](const QString& path, const QRectF& part) {
        m_regionSearch->cut({path, {}, QFileInfo(path).fileName()}, part);
    });
    connect(m_regionSearch, &RegionSearch::ready, this, &MainWindow::searchFor);
    connect(m_regionSearch, &RegionSearch::refused, this, [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(m_regionSearch, &RegionSearch::failed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Warning, message);
    });
}

void MainWindow::pasteSwatch()
{
    const SwatchOffer offer = SwatchSource::fromMimeData(QApplication::clipboard()->mimeData());
    if (offer.isEmpty()) {
        m_queryPanel->setError(tr("The clipboard holds no image. Copy an image or an image file, then paste."));
        return;
    }
    m_sinceDrop.start();
    m_dropTimed = true;
    if (!offer.remote.isEmpty())
        fetchRemote(offer.remote);
    else
        startSearch(offer.source);
}

MainWindow::DragContent MainWindow::dragContent(const QDropEvent* event) const
{
    // A match dragged out of the grid is on its way to another application; let
    // go over this window by mistake, it must not replace the swatch.
    if (event->source() == m_resultsView)
        return DragContent::Nothing;
    const QMimeData* mime = event->mimeData();
    if (SwatchSource::canAccept(mime))
        return DragContent::Swatch;
    if (m_libraryWritable && !SwatchSource::folderIn(mime).isEmpty())
        return DragContent::Folder;
    return DragContent::Nothing;
}

// Anything else (a text file, a PDF, a web page) is refused here, so the cursor
// says so before anything is dropped.
void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const DragContent content = dragContent(event);
    if (content == DragContent::Nothing)
        return;
    event->acceptProposedAction();
    if (content == DragContent::Swatch)
        m_queryPanel->setDragHighlighted(true);
    else
        statusBar()->showMessage(tr("Drop the folder to add it to the library"));
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (dragContent(event) == DragContent::Nothing)
        event->ignore();
    else
        event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event)
{
    m_queryPanel->setDragHighlighted(false);
    statusBar()->clearMessage();
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event)
{
    m_sinceDrop.start();
    m_queryPanel->setDragHighlighted(false);
    statusBar()->clearMessage();
    const SwatchOffer offer = SwatchSource::fromMimeData(event->mimeData());
    if (!offer.isEmpty()) {
        event->acceptProposedAction();
        m_dropTimed = true;
        if (!offer.remote.isEmpty())
            fetchRemote(offer.remote);
        else
            startSearch(offer.source);
        return;
    }
    const QString folder = SwatchSource::folderIn(event->mimeData());
    if (!folder.isEmpty() && m_libraryWritable) {
        event->acceptProposedAction();
        // Asked once the drop is over, so the program it came from is not kept waiting.
        QTimer::singleShot(0, this, [this, folder] {
            if (confirmAddingFolder(folder))
                addFolder(folder);
        });
        return;
    }
    m_queryPanel->setError(tr("That is not an image Weft can read."));
}

bool MainWindow::confirmAddingFolder(const QString& path)
{
    QMessageBox question(QMessageBox::Question, tr("Add folder"), tr("Add the folder “%1” to the library?").arg(QFileInfo(path).fileName()),
                         QMessageBox::Cancel, this);
    question.setInformativeText(tr("Weft indexes the pattern images in %1 and its subfolders, so that they can be found. "
                                   "The files stay where they are.")
                                    .arg(QDir::toNativeSeparators(path)));
    QPushButton* add = question.addButton(tr("Add to library"), QMessageBox::AcceptRole);
    question.setDefaultButton(add);
    question.exec();
    return question.clickedButton() == add;
}

void MainWindow::fetchRemote(const QUrl& url)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_queryPanel->setBusy(tr("Downloading %1…").arg(url.toDisplayString()));
    QNetworkReply* reply = m_network->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            m_dropTimed = false;
            m_queryPanel->setError(tr("Cannot download %1: %2").arg(url.toDisplayString(), reply->errorString()));
            return;
        }
        QuerySource source;
        source.encoded = reply->readAll();
        source.name = url.fileName().isEmpty() ? url.host() : url.fileName();
        startSearch(source);
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    if (m_backend->indexingState() != LibraryBackend::IndexingState::Idle)
        statusBar()->showMessage(tr("Stopping indexing; what is done is kept…"));
    m_backend->shutDown();
    event->accept();
}

void MainWindow::setThumbnailSize(int pixels)
{
    m_resultsView->setThumbnailSize(pixels);
    m_browse->grid()->setThumbnailSize(pixels);
}

void MainWindow::openSwatchFile()
{
    const QString path = chooseImage(tr("Open swatch"));
    if (!path.isEmpty())
        searchFor({path, {}, QFileInfo(path).fileName()});
}

void MainWindow::addFolder(const QString& path)
{
    m_backend->addFolder(path);
}

void MainWindow::chooseFolderToAdd()
{
    if (!m_libraryWritable) {
        QMessageBox::information(this, tr("Library folders"), tr("The library is open read-only, so no folder can be added now."));
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a folder of patterns"), dialogFolder());
    if (folder.isEmpty())
        return;
    rememberFolder(folder);
    addFolder(folder);
}

void MainWindow::chooseImageToInspect()
{
    inspectImage(chooseImage(tr("Inspect library image")));
}

QString MainWindow::chooseImage(const QString& title)
{
    QStringList patterns;
    for (const QString& suffix : Scanner::imageSuffixes())
        patterns.append(QStringLiteral("*.") + suffix);
    const QString path = QFileDialog::getOpenFileName(this, title, dialogFolder(), tr("Images (%1)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty())
        rememberFolder(QFileInfo(path).absolutePath());
    return path;
}

QString MainWindow::dialogFolder() const
{
    return dialogStartFolder(m_options.settings ? m_options.settings->lastFolder() : QString());
}

void MainWindow::rememberFolder(const QString& folder)
{
    if (m_options.settings)
        m_options.settings->setLastFolder(folder);
}

void MainWindow::inspectImage(const QString& path)
{
    if (!path.isEmpty())
        m_pendingInspect = m_backend->loadViewImage(path);
}

void MainWindow::openSettings()
{
    if (!m_options.settings) {
        QMessageBox::information(this, tr("Settings"), tr("Settings are not stored in this session."));
        return;
    }
    SettingsDialog dialog(*m_options.settings, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_sizeSlider->setValue(m_options.settings->thumbnailSize());
    if (dialog.libraryChanged()) {
        m_results->clear();
        m_shownCollection = 0;
        m_collectionsPanel->setCollections({});
        m_compare->clearLeft();
        m_compare->clearRight();
        m_banner->hide();
        m_libraryPanel->showOpening();
        m_options.library.folder = m_options.settings->libraryFolder();
        m_options.library.method = m_options.settings->method();
        m_options.library.threads = m_options.settings->threads();
        m_indexingStatus->setSummary(tr("Opening the library…"));
        m_backend->open(m_options.library);
    }
    if (dialog.languageChanged())
        QMessageBox::information(this, tr("Language"), tr("Restart Weft to use the new language."));
}

QString MainWindow::selectedPath() const
{
    return m_centreTabs->currentWidget() == m_browse ? m_browse->currentPath()
                                                     : m_resultsView->currentIndex().data(ResultsModel::PathRole).toString();
}

void MainWindow::openInViewer(const QString& path)
{
    if (!path.isEmpty() && !m_launcher->openUrl(QUrl::fromLocalFile(path)))
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("No application is set up to open %1. Installing xdg-utils and an image viewer sets one up.")
                                  .arg(QDir::toNativeSeparators(path)));
}

void MainWindow::showInFolder(const QString& path)
{
    if (path.isEmpty())
        return;
    // The file manager selects the file; without one on the session bus the
    // folder is opened, and when nothing opens it the user is told.
    m_launcher->showItem(path, [this, path](bool shown) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!shown && !m_launcher->openUrl(QUrl::fromLocalFile(folder)))
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("No file manager could show %1, and no application is set up to open its folder %2. "
                                     "Installing xdg-utils and a file manager sets one up.")
                                      .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(folder)));
    });
}

void MainWindow::copyImage(const QString& path)
{
    if (!path.isEmpty())
        m_clipboard->copy(path);
}

void MainWindow::copyPath(const QString& path)
{
    if (path.isEmpty())
        return;
    QApplication::clipboard()->setText(path);
    statusBar()->showMessage(tr("Copied %1").arg(path), 4000);
}

void MainWindow::exportCsv()
{
    const QString path = chooseExportFile(tr("Export results as CSV"), QStringLiteral("csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_exporter->exportCsv(path, m_results->matches());
}

void MainWindow::exportContactSheet()
{
    const QString path = chooseExportFile(tr("Export contact sheet"), QStringLiteral("pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        m_exporter->exportContactSheet(path, {m_queryImage, m_queryName, m_searchedAt, m_results->matches()});
}

QString MainWindow::chooseExportFile(const QString& title, const QString& suffix, const QString& filter)
{
    const QString proposed = QDir(dialogFolder()).filePath(tr("%1 matches").arg(QFileInfo(m_queryName).completeBaseName()) + QLatin1Char('.') + suffix);
    QString path = QFileDialog::getSaveFileName(this, title, proposed, filter);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += QLatin1Char('.') + suffix;
    rememberFolder(QFileInfo(path).absolutePath());
    return path;
}

void MainWindow::findLike(const QString& path)
{
    QuerySource source;
    source.path = path;
    source.name = QFileInfo(path).fileName();
    source.indexedPattern = true;
    startSearch(source);
}

void MainWindow::showImageMenu(const QString& path, qint64 imageId, const QPoint& globalPosition)
{
    QMenu menu(this);
    menu.addAction(tr("Find patterns like this"), this, [this, path] { findLike(path); });
    menu.addSeparator();
    m_collectionActions->addTo(&menu, imageId, m_shownCollection);
    menu.addSeparator();
    menu.addAction(tr("Open in viewer"), this, [this, path] { openInViewer(path); });
    menu.addAction(tr("Show in folder"), this, [this, path] { showInFolder(path); });
    menu.addAction(tr("Copy"), this, [this, path] { copyImage(path); });
    menu.addAction(tr("Copy path"), this, [this, path] { copyPath(path); });
    menu.addAction(tr("Inspect components"), this, [this, path] { inspectImage(path); });
    menu.exec(globalPosition);
}

}  // namespace ui
}  // namespace weft
