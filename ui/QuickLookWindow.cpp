#include "ui/QuickLookWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace weft {
namespace ui {

class QuickLookWindow::Picture : public QWidget {
public:
    explicit Picture(QWidget* parent) : QWidget(parent)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setMinimumSize(200, 200);
    }
    void setImage(const QImage& image)
    {
        m_image = image;
        update();
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), QColor(0x20, 0x20, 0x20));
        if (m_image.isNull())
            return;
        // Fitted, but never blown up past twice its size: a small thumbnail stays sharp enough.
        const QSize size = m_image.size().scaled(rect().size(), Qt::KeepAspectRatio).boundedTo(m_image.size() * 2);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(QRect(rect().center() - QPoint(size.width() / 2, size.height() / 2), size), m_image);
    }

private:
    QImage m_image;
};

QuickLookWindow::QuickLookWindow(QWidget* parent) : QDialog(parent), m_picture(new Picture(this)), m_caption(new QLabel(this))
{
    setAccessibleName(tr("Quick look"));
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setWordWrap(true);
    m_caption->setFocusPolicy(Qt::NoFocus);
    auto* hint = new QLabel(tr("← → previous and next image · Space or Esc closes"), this);
    hint->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->addWidget(m_picture, 1);
    auto* text = new QVBoxLayout;
    text->setContentsMargins(10, 0, 10, 0);
    text->addWidget(m_caption);
    text->addWidget(hint);
    layout->addLayout(text);
}

void QuickLookWindow::showLoading(const QString& path, const QImage& preview)
{
    m_path = path;
    setWindowTitle(QFileInfo(path).fileName());
    m_picture->setImage(preview);
    m_caption->setText(QDir::toNativeSeparators(path));
}

void QuickLookWindow::setImage(const QImage& image, const QSize& originalSize)
{
    m_picture->setImage(image);
    m_caption->setText(tr("%1 — %2 × %3 pixels").arg(QDir::toNativeSeparators(m_path)).arg(originalSize.width()).arg(originalSize.height()));
}

void QuickLookWindow::setError(const QString& message)
{
    m_caption->setText(tr("%1 — cannot be shown: %2").arg(QDir::toNativeSeparators(m_path), message));
}

QString QuickLookWindow::caption() const
{
    return m_caption->text();
}

}  // namespace ui
}  // namespace weft
