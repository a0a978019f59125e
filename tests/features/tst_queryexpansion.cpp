// QueryExpansion: the expanded query is the mean direction of the query and its
// first matches, each counted once whatever its length; the ranking keeps the
// first matches in their places and follows the expanded query after them.

#include "core/features/QueryExpansion.h"

#include <QTest>

#include <cmath>

using namespace weft;

namespace {

std::vector<float> axis(int dimension, int which, float length = 1.0f)
{
    std::vector<float> v(std::size_t(dimension), 0.0f);
    v[std::size_t(which)] = length;
    return v;
}

}  // namespace

class TestQueryExpansion : public QObject {
    Q_OBJECT

private slots:
    void theExpandedQueryIsTheMeanDirection()
    {
        // A query on the first axis, matches on the second and third, one of them long:
        // every vector counts once, so the mean points equally along all three.
        const std::vector<float> expanded = QueryExpansion::expandedQuery(axis(4, 0), {axis(4, 1), axis(4, 2, 7.0f)});
        const float third = 1.0f / std::sqrt(3.0f);
        QCOMPARE(int(expanded.size()), 4);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(std::abs(expanded[std::size_t(i)] - third) < 1e-6f, qPrintable(QString::number(double(expanded[std::size_t(i)]))));
        QCOMPARE(expanded[3], 0.0f);
    }

    void matchesOfAnotherLengthOrZeroAreLeftOut()
    {
        const std::vector<float> expanded = QueryExpansion::expandedQuery(axis(3, 0), {axis(4, 1), std::vector<float>(3, 0.0f)});
        QCOMPARE(expanded, axis(3, 0));
        // No matches: the query itself, at unit length.
        QCOMPARE(QueryExpansion::expandedQuery(axis(3, 2, 0.5f), {}), axis(3, 2));
    }

    void theFirstMatchesKeepTheirPlaces()
    {
        static_assert(QueryExpansion::kFirstMatches == 5, "the lists below are written for five");
        const std::vector<qint64> first{10, 11, 12, 13, 14, 15, 16};
        // The expanded ranking puts others first and holds some of the first five too.
        const std::vector<qint64> expanded{20, 13, 21, 10, 16, 22};
        const std::vector<qint64> shown{10, 11, 12, 13, 14, 20, 21, 16, 22};
        QCOMPARE(QueryExpansion::expandedOrder(first, expanded), shown);
    }

    void fewerFirstMatchesThanFiveAreAllKept()
    {
        const std::vector<qint64> shown{7, 3, 9};
        QCOMPARE(QueryExpansion::expandedOrder({7, 3}, {9, 3}), shown);
        QCOMPARE(QueryExpansion::expandedOrder({}, {4, 5}), (std::vector<qint64>{4, 5}));
    }
};

QTEST_MAIN(TestQueryExpansion)
#include "tst_queryexpansion.moc"
