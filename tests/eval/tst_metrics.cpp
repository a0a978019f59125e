#include "core/common/Error.h"
#include "core/eval/ClassEvaluation.h"
#include "core/eval/Metrics.h"

#include <QTemporaryDir>
#include <QTest>

using namespace weft;

class MetricsTest : public QObject {
    Q_OBJECT

private slots:
    void averagePrecisionByHand()
    {
        // Relevant at ranks 1 and 3 of 5, two relevant in all: AP = (1/1 + 2/3) / 2.
        const RankingQuality q = rankingQuality({true, false, true, false, false}, 2);
        QCOMPARE_LE(std::abs(q.averagePrecision - (1.0 + 2.0 / 3.0) / 2.0), 1e-12);
        QVERIFY(q.topOneRelevant);
        QCOMPARE_LE(std::abs(q.precisionAt5 - 0.4), 1e-12);
        QCOMPARE_LE(std::abs(q.rPrecision - 0.5), 1e-12);  // one of the first R = 2 is relevant
        QCOMPARE_LE(std::abs(q.reciprocalRank - 1.0), 1e-12);
    }

    void unretrievedRelevantItemsLowerAveragePrecision()
    {
        // Three relevant exist, only one ranked (at 3): AP = (1/3) / 3.
        const RankingQuality q = rankingQuality({false, false, true}, 3);
        QCOMPARE_LE(std::abs(q.averagePrecision - 1.0 / 9.0), 1e-12);
        QVERIFY(!q.topOneRelevant);
        QCOMPARE_LE(std::abs(q.precisionAt5 - 0.2), 1e-12);
        QCOMPARE_LE(std::abs(q.rPrecision - 1.0 / 3.0), 1e-12);
        QCOMPARE_LE(std::abs(q.reciprocalRank - 1.0 / 3.0), 1e-12);
    }

    void perfectAndEmptyRankings()
    {
        const RankingQuality perfect = rankingQuality({true, true, true, false}, 3);
        QCOMPARE(perfect.averagePrecision, 1.0);
        QCOMPARE_LE(std::abs(perfect.rPrecision - 1.0), 1e-12);
        const RankingQuality none = rankingQuality({false, false}, 0);
        QCOMPARE(none.averagePrecision, 0.0);
        QCOMPARE(none.reciprocalRank, 0.0);
        QVERIFY(!rankingQuality({}, 1).topOneRelevant);
    }

    void accumulatorAveragesOverQueries()
    {
        QualityAccumulator accumulator;
        accumulator.add(rankingQuality({true, false}, 1));                       // AP 1, RR 1
        accumulator.add(rankingQuality({false, false, false, false, false, true}, 1));  // AP 1/6, RR 1/6, not in top five
        accumulator.add(rankingQuality({false, false, false, false, true}, 1));  // AP 1/5, in top five
        const QualitySummary s = accumulator.summary();
        QCOMPARE(s.queries, 3);
        QCOMPARE_LE(std::abs(s.meanAveragePrecision - (1.0 + 1.0 / 6.0 + 1.0 / 5.0) / 3.0), 1e-12);
        QCOMPARE_LE(std::abs(s.topOne - 1.0 / 3.0), 1e-12);
        QCOMPARE_LE(std::abs(s.topFive - 2.0 / 3.0), 1e-12);
        QCOMPARE_LE(std::abs(s.meanReciprocalRank - (1.0 + 1.0 / 6.0 + 1.0 / 5.0) / 3.0), 1e-12);
    }

    void labelsAreReadRelativeToRoot()
    {
        QTemporaryDir dir;
        QFile csv(dir.filePath(QStringLiteral("labels.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("path,class\nimages/a/1.png,a\nimages/b/2,3.png,b\n\n");
        csv.close();
        const QList<LabelledImage> labels = readLabels(csv.fileName(), dir.path());
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].path, dir.path() + QStringLiteral("/images/a/1.png"));
        QCOMPARE(labels[0].label, QStringLiteral("a"));
        QCOMPARE(labels[1].path, dir.path() + QStringLiteral("/images/b/2,3.png"));  // the class is after the last comma
        QCOMPARE(labels[1].label, QStringLiteral("b"));
    }

    void malformedLabelsNameTheLine()
    {
        QTemporaryDir dir;
        QFile csv(dir.filePath(QStringLiteral("labels.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("path,class\nimages/a/1.png,a\nno-class-here\n");
        csv.close();
        try {
            readLabels(csv.fileName(), dir.path());
            QFAIL("a line without a class was accepted");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QStringLiteral("line 3")), qPrintable(error.message()));
        }
        QVERIFY_THROWS_EXCEPTION(Error, readLabels(dir.filePath(QStringLiteral("missing.csv")), dir.path()));
    }
};

QTEST_GUILESS_MAIN(MetricsTest)
#include "tst_metrics.moc"
