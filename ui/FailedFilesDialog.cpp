#include "ui/FailedFilesDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace weft {
namespace ui {

FailedFilesDialog::FailedFilesDialog(QWidget* parent) : QDialog(parent), m_list(new QTreeWidget(this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Files that could not be indexed"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("File"), tr("Reason")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->setColumnWidth(0, 360);
    m_summary->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy list"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] {
        QStringList lines;
        for (int i = 0; i < m_list->topLevelItemCount(); ++i)
            lines.append(m_list->topLevelItem(i)->text(0) + QLatin1Char('\t') + m_list->topLevelItem(i)->text(1));
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(900, 420);
}

void FailedFilesDialog::setFailedImages(const QList<FailedImage>& images)
{
    m_list->clear();
    for (const FailedImage& image : images) {
        auto* item = new QTreeWidgetItem(m_list, {image.path, image.reason});
        item->setToolTip(1, image.reason);
    }
    m_summary->setText(images.isEmpty() ? tr("Every file was read.")
                                        : tr("%n file(s) could not be indexed. Fix or replace them and press Rescan; they are tried again when they change.", nullptr,
                                           int(images.size())));
}

}  // namespace ui
}  // namespace weft
