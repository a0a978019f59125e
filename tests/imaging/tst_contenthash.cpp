#include "core/imaging/ContentHash.h"

#include "core/common/Error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

class TestContentHash : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("Cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray pattern(qsizetype size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            bytes[i] = char((i * 131 + i / 977) & 0xFF);
        return bytes;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void knownValue()
    {
        // BLAKE2s-128("abc"), as python3 hashlib.blake2s(b"abc", digest_size=16) gives it.
        // Catalogs store these hashes: this value must never change.
        QCOMPARE(contentHash(writeFile("abc.txt", "abc")).toHex(), QByteArray("aa4938119b1dc7b87cbad0ffd200d0ae"));
    }

    void sixteenBytes()
    {
        QCOMPARE(contentHash(writeFile("empty.bin", {})).size(), 16);
        QCOMPARE(contentHash(writeFile("small.bin", "x")).size(), 16);
    }

    void sameContentSameHash()
    {
        const QByteArray bytes = pattern(3 * 1024 * 1024 + 17);   // several 1 MiB chunks and a partial one
        const QByteArray first = contentHash(writeFile("a.jpg", bytes));
        const QByteArray renamed = contentHash(writeFile("renamed copy.jpg", bytes));
        QCOMPARE(first, renamed);
        // The chunked read covers every byte: same as hashing the whole buffer at once.
        QCOMPARE(first, QCryptographicHash::hash(bytes, QCryptographicHash::Blake2s_128));
    }

    void oneByteChangedDifferentHash()
    {
        QByteArray bytes = pattern(2 * 1024 * 1024 + 5);
        const QByteArray before = contentHash(writeFile("b.jpg", bytes));
        bytes[bytes.size() - 1] = char(bytes.at(bytes.size() - 1) ^ 0x01);   // in the last, partial chunk
        const QByteArray after = contentHash(writeFile("b.jpg", bytes));
        QVERIFY(before != after);
        bytes = pattern(2 * 1024 * 1024 + 5);
        bytes[1024 * 1024] = char(bytes.at(1024 * 1024) ^ 0x80);   // first byte of the second chunk
        QVERIFY(contentHash(writeFile("b.jpg", bytes)) != before);
    }

    void unreadable()
    {
        const QString missing = m_dir.filePath("missing.jpg");
        try {
            contentHash(missing);
            QFAIL("no error for a missing file");
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(QDir::toNativeSeparators(missing)), qPrintable(error.message()));
        }
        QVERIFY_THROWS_EXCEPTION(Error, contentHash(m_dir.path()));
    }
};

QTEST_GUILESS_MAIN(TestContentHash)
#include "tst_contenthash.moc"
