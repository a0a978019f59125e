#include "core/imaging/MatView.h"

#include "core/common/Error.h"

#include <QTest>

using namespace weft;

// The one place where Qt's and OpenCV's pixel layouts meet: rows that Qt pads to
// four bytes must be read as rows, not as one run of bytes.
class TestMatView : public QObject {
    Q_OBJECT

private:
    // 5 pixels × 3 bytes = 15 bytes a row, which Qt pads to 16.
    static QImage numberedRgb()
    {
        QImage image(5, 3, QImage::Format_RGB888);
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                image.setPixelColor(x, y, QColor(10 * x, 50 * y, 7 * x + 3 * y));
        return image;
    }

private slots:
    void anRgbImageIsViewedPixelForPixel()
    {
        const QImage image = numberedRgb();
        QVERIFY(image.bytesPerLine() > image.width() * 3);
        const cv::Mat view = matView(image);
        QCOMPARE(view.type(), CV_8UC3);
        QCOMPARE(view.cols, image.width());
        QCOMPARE(view.rows, image.height());
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const cv::Vec3b pixel = view.at<cv::Vec3b>(y, x);
                const QColor colour = image.pixelColor(x, y);
                QCOMPARE(int(pixel[0]), colour.red());
                QCOMPARE(int(pixel[1]), colour.green());
                QCOMPARE(int(pixel[2]), colour.blue());
            }
    }

    void aViewWritesIntoTheImage()
    {
        QImage image(3, 2, QImage::Format_Grayscale8);
        image.fill(0);
        cv::Mat view = matView(image);
        view.at<uchar>(1, 2) = 200;
        QCOMPARE(qGray(image.pixel(2, 1)), 200);
        QCOMPARE(qGray(image.pixel(1, 1)), 0);
    }

    void aCopyOfAViewIsTheImage()
    {
        const QImage image = numberedRgb();
        QCOMPARE(imageCopy(matView(image)), image);
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8);
        const QImage copied = imageCopy(matView(grey));
        QCOMPARE(copied.format(), QImage::Format_Grayscale8);
        QCOMPARE(copied, grey);
    }

    void aCopyOfAMatrixPartIsThatPart()
    {
        // A part of a matrix has the whole's row step: the copy must follow it.
        cv::Mat whole(4, 6, CV_8U);
        for (int y = 0; y < whole.rows; ++y)
            for (int x = 0; x < whole.cols; ++x)
                whole.at<uchar>(y, x) = uchar(10 * y + x);
        const QImage part = imageCopy(whole(cv::Rect(1, 2, 3, 2)));
        QCOMPARE(part.size(), QSize(3, 2));
        QCOMPARE(qGray(part.pixel(0, 0)), 21);
        QCOMPARE(qGray(part.pixel(2, 1)), 33);
    }

    void otherLayoutsAreRefused()
    {
        QImage argb(4, 4, QImage::Format_ARGB32);
        argb.fill(Qt::red);
        QVERIFY_THROWS_EXCEPTION(Error, matView(argb));
        QVERIFY_THROWS_EXCEPTION(Error, imageCopy(cv::Mat(2, 2, CV_32F, cv::Scalar(0))));
    }
};

QTEST_GUILESS_MAIN(TestMatView)
#include "tst_matview.moc"
