#include "core/index/VectorIndex.h"

#include "core/common/AtomicFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

// hnswlib 0.6.2's SSE prefetches read one link past the end of a neighbour list
// (harmless, within malloc's slack, but AddressSanitizer aborts on it); sanitizer
// builds use its plain code paths instead.
#if defined(__SANITIZE_ADDRESS__)
#define NO_MANUAL_VECTORIZATION
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_MANUAL_VECTORIZATION
#endif
#endif
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace weft {

namespace {

using Hnsw = hnswlib::HierarchicalNSW<float>;

const QString kHeaderName = QStringLiteral("index.json");
const QString kFormatName = QStringLiteral("weft-hnsw");
constexpr std::size_t kInitialCapacity = 1024;
constexpr int kMaxDim = 1 << 16;
constexpr int kMaxM = 1000;

// Size of the fixed header hnswlib 0.6.2's saveIndex() writes before the vectors:
// offsetLevel0_, max_elements_, cur_element_count, size_data_per_element_,
// label_offset_, offsetData_ (size_t each), maxlevel_ (int), enterpoint_node_
// (unsigned), maxM_, maxM0_, M_ (size_t), mult_ (double), ef_construction_ (size_t).
constexpr qint64 kHnswHeaderBytes = 6 * 8 + 4 + 4 + 3 * 8 + 8 + 8;

hnswlib::labeltype toLabel(qint64 id) { return static_cast<hnswlib::labeltype>(static_cast<quint64>(id)); }
qint64 toId(hnswlib::labeltype label) { return static_cast<qint64>(static_cast<quint64>(label)); }

QString nativePath(const QString& path) { return QDir::toNativeSeparators(path); }

[[noreturn]] void throwDamaged(const QString& folder, const QString& detail)
{
    throw Error(QStringLiteral("The search index in %1 is damaged (%2). Delete %3 and Weft rebuilds the index from the catalog.")
                    .arg(nativePath(folder), detail, nativePath(QDir(folder).filePath(kHeaderName))));
}

// Returns the SHA-256 (hex) of the file; throws weft::Error when it cannot be read.
QByteArray sha256OfFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(path), file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(path), file.errorString()));
    return hash.result().toHex();
}

// Copies `vector` scaled to unit length; throws on a wrong size, zero or non-finite values.
std::vector<float> normalised(const std::vector<float>& vector, int dim, const QString& what)
{
    if (vector.size() != static_cast<std::size_t>(dim))
        throw Error(QStringLiteral("%1 has %2 values but the search index holds %3-dimensional vectors; "
                                   "the index was probably built with another feature extractor, delete it to rebuild it.")
                        .arg(what).arg(vector.size()).arg(dim));
    double sum = 0;
    for (float value : vector) {
        if (!std::isfinite(value))
            throw Error(QStringLiteral("%1 contains an invalid number (NaN or infinity)").arg(what));
        sum += double(value) * double(value);
    }
    if (!(sum > 0))
        throw Error(QStringLiteral("%1 is all zeros and cannot be compared").arg(what));
    const double scale = 1.0 / std::sqrt(sum);
    std::vector<float> result(vector.size());
    for (std::size_t i = 0; i < vector.size(); ++i)
        result[i] = static_cast<float>(vector[i] * scale);
    return result;
}

std::size_t expectedDataBytes(const Hnsw& hnsw)
{
    std::size_t bytes = static_cast<std::size_t>(kHnswHeaderBytes) + hnsw.cur_element_count * hnsw.size_data_per_element_;
    for (std::size_t i = 0; i < hnsw.cur_element_count; ++i) {
        bytes += sizeof(unsigned int);
        if (hnsw.element_levels_[i] > 0)
            bytes += hnsw.size_links_per_element_ * static_cast<std::size_t>(hnsw.element_levels_[i]);
    }
    return bytes;
}

bool searchHitBefore(const SearchHit& a, const SearchHit& b)
{
    if (a.score != b.score)
        return a.score > b.score;
    return a.id < b.id;
}

const QRegularExpression& dataFilePattern()
{
    static const QRegularExpression pattern(QStringLiteral("^index-(\\d{1,18})\\.hnsw$"));
    return pattern;
}

}  // namespace

struct VectorIndex::Impl {
    int dim = 0;
    QString method;
    int M = 16;
    int efConstruction = 200;
    int ef = kDefaultEf;
    // hnswlib keeps a pointer into the space (its dimension), so it must outlive hnsw.
    std::unique_ptr<hnswlib::InnerProductSpace> space;
    std::unique_ptr<Hnsw> hnsw;

    bool isLive(hnswlib::labeltype label) const
    {
        const auto it = hnsw->label_lookup_.find(label);
        return it != hnsw->label_lookup_.end() && !hnsw->isMarkedDeleted(it->second);
    }
};

VectorIndex::VectorIndex(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

VectorIndex::VectorIndex(int dim, const QString& method, int M, int efConstruction) : d(std::make_unique<Impl>())
{
    if (dim < 1 || dim > kMaxDim)
        throw Error(QStringLiteral("Cannot make a search index for %1-dimensional vectors").arg(dim));
    if (M < 2 || M > kMaxM || efConstruction < 1)
        throw Error(QStringLiteral("Invalid search index parameters M=%1, ef_construction=%2").arg(M).arg(efConstruction));
    d->dim = dim;
    d->method = method;
    d->M = M;
    d->efConstruction = efConstruction;
    d->space = std::make_unique<hnswlib::InnerProductSpace>(static_cast<std::size_t>(dim));
    try {
        d->hnsw = std::make_unique<Hnsw>(d->space.get(), kInitialCapacity, static_cast<std::size_t>(M),
                                         static_cast<std::size_t>(efConstruction));
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot make a search index: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    // hnswlib leaves these statistics counters uninitialised.
    d->hnsw->metric_distance_computations = 0;
    d->hnsw->metric_hops = 0;
    d->hnsw->setEf(static_cast<std::size_t>(d->ef));
}

VectorIndex::~VectorIndex() = default;

int VectorIndex::dim() const { return d->dim; }
QString VectorIndex::method() const { return d->method; }
int VectorIndex::M() const { return d->M; }
int VectorIndex::efConstruction() const { return d->efConstruction; }
std::size_t VectorIndex::size() const { return d->hnsw->cur_element_count - d->hnsw->num_deleted_; }

void VectorIndex::setEf(int ef)
{
    d->ef = std::max(ef, 1);
    d->hnsw->setEf(static_cast<std::size_t>(d->ef));
}

int VectorIndex::ef() const { return d->ef; }

void VectorIndex::add(qint64 id, const std::vector<float>& vector)
{
    const std::vector<float> unit = normalised(vector, d->dim, QStringLiteral("The feature vector of item %1").arg(id));
    Hnsw& hnsw = *d->hnsw;
    const hnswlib::labeltype label = toLabel(id);
    try {
        // addPoint() with a known label updates that point (and clears its deleted mark).
        if (hnsw.label_lookup_.find(label) == hnsw.label_lookup_.end() && hnsw.cur_element_count >= hnsw.max_elements_)
            hnsw.resizeIndex(std::max<std::size_t>(kInitialCapacity, hnsw.max_elements_ * 2));
        hnsw.addPoint(unit.data(), label);
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot add item %1 to the search index: %2").arg(id).arg(QString::fromLocal8Bit(e.what())));
    }
}

void VectorIndex::remove(qint64 id)
{
    Hnsw& hnsw = *d->hnsw;
    const auto it = hnsw.label_lookup_.find(toLabel(id));
    if (it == hnsw.label_lookup_.end() || hnsw.isMarkedDeleted(it->second))
        return;
    hnsw.markDeletedInternal(it->second);
}

bool VectorIndex::contains(qint64 id) const { return d->isLive(toLabel(id)); }

std::vector<qint64> VectorIndex::ids() const
{
    std::vector<qint64> result;
    result.reserve(size());
    for (const auto& [label, internalId] : d->hnsw->label_lookup_) {
        if (!d->hnsw->isMarkedDeleted(internalId))
            result.push_back(toId(label));
    }
    std::sort(result.begin(), result.end());
    return result;
}

std::vector<SearchHit> VectorIndex::search(const std::vector<float>& query, int k) const
{
    const std::vector<float> unit = normalised(query, d->dim, QStringLiteral("The query vector"));
    const std::size_t live = size();
    if (k <= 0 || live == 0)
        return {};
    const std::size_t wanted = std::min(static_cast<std::size_t>(k), live);
    const Hnsw& hnsw = *d->hnsw;

    // hnswlib skips deleted points but may then find fewer than asked (the graph
    // walk can end early); ask for more candidates until there are enough.
    std::size_t request = wanted;
    std::vector<SearchHit> hits;
    for (;;) {
        auto queue = hnsw.searchKnn(unit.data(), request);  // furthest on top
        hits.clear();
        hits.reserve(queue.size());
        while (!queue.empty()) {
            const auto [distance, label] = queue.top();
            queue.pop();
            if (d->isLive(label))
                hits.push_back({toId(label), 1.0f - distance});
        }
        std::reverse(hits.begin(), hits.end());
        if (hits.size() >= wanted || request >= hnsw.cur_element_count)
            break;
        request = std::min(hnsw.cur_element_count, std::max(request * 2, wanted + hnsw.num_deleted_));
    }
    if (hits.size() < wanted)  // a graph cut apart by deletions; still answer fully
        return searchExact(query, k);
    hits.resize(wanted);
    return hits;
}

std::vector<SearchHit> VectorIndex::searchExact(const std::vector<float>& query, int k) const
{
    const std::vector<float> unit = normalised(query, d->dim, QStringLiteral("The query vector"));
    if (k <= 0)
        return {};
    const Hnsw& hnsw = *d->hnsw;
    std::vector<SearchHit> hits;
    hits.reserve(size());
    for (hnswlib::tableint i = 0; i < hnsw.cur_element_count; ++i) {
        if (hnsw.isMarkedDeleted(i))
            continue;
        const float* stored = reinterpret_cast<const float*>(hnsw.getDataByInternalId(i));
        double dot = 0;
        for (int j = 0; j < d->dim; ++j)
            dot += double(stored[j]) * double(unit[j]);
        hits.push_back({toId(hnsw.getExternalLabel(i)), static_cast<float>(dot)});
    }
    const std::size_t wanted = std::min(static_cast<std::size_t>(k), hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(wanted), hits.end(), searchHitBefore);
    hits.resize(wanted);
    return hits;
}

void VectorIndex::save(const QString& folder) const
{
    QDir dir(folder);
    if (!dir.exists() && !QDir().mkpath(folder))
        throw Error(QStringLiteral("Cannot create the folder %1 for the search index").arg(nativePath(folder)));

    // A new, never used name: the data file index.json names stays untouched.
    quint64 generation = 0;
    const QStringList existing = dir.entryList({QStringLiteral("index-*.hnsw")}, QDir::Files | QDir::Hidden);
    for (const QString& name : existing) {
        const auto match = dataFilePattern().match(name);
        if (match.hasMatch())
            generation = std::max(generation, match.captured(1).toULongLong());
    }
    ++generation;
    const QString dataName = QStringLiteral("index-%1.hnsw").arg(generation);
    const QString dataPath = dir.filePath(dataName);
    const Hnsw& hnsw = *d->hnsw;

    QByteArray sha256;
    qint64 dataBytes = 0;
    try {
        try {
            d->hnsw->saveIndex(QFile::encodeName(dataPath).toStdString());
        } catch (const std::exception& e) {
            throw Error(QStringLiteral("Cannot write the search index %1: %2").arg(nativePath(dataPath), QString::fromLocal8Bit(e.what())));
        }
        // hnswlib does not check its writes; a short file means the disk is full or failing.
        dataBytes = QFileInfo(dataPath).size();
        if (!QFileInfo::exists(dataPath) || static_cast<std::size_t>(dataBytes) != expectedDataBytes(hnsw))
            throw Error(QStringLiteral("Cannot write the search index %1 (is the disk full?)").arg(nativePath(dataPath)));
        syncToDisk(dataPath);
        syncToDisk(dir.absolutePath());
        sha256 = sha256OfFile(dataPath);
    } catch (...) {
        QFile::remove(dataPath);
        throw;
    }

    QJsonObject header;
    header[QStringLiteral("format")] = kFormatName;
    header[QStringLiteral("format_version")] = kFormatVersion;
    header[QStringLiteral("dim")] = d->dim;
    header[QStringLiteral("method")] = d->method;
    header[QStringLiteral("data_file")] = dataName;
    header[QStringLiteral("data_bytes")] = dataBytes;
    header[QStringLiteral("data_sha256")] = QString::fromLatin1(sha256);
    header[QStringLiteral("live")] = static_cast<qint64>(size());
    header[QStringLiteral("M")] = d->M;
    header[QStringLiteral("ef_construction")] = d->efConstruction;
    try {
        writeFileAtomically(dir.filePath(kHeaderName), QJsonDocument(header).toJson(QJsonDocument::Indented));
    } catch (...) {
        QFile::remove(dataPath);
        throw;
    }

    // Committed. Older data files are garbage now; failing to remove one is harmless.
    for (const QString& name : existing) {
        if (name != dataName && dataFilePattern().match(name).hasMatch())
            QFile::remove(dir.filePath(name));
    }
}

std::unique_ptr<VectorIndex> VectorIndex::load(const QString& folder)
{
    const QDir dir(folder);
    const QString headerPath = dir.filePath(kHeaderName);
    QFile headerFile(headerPath);
    if (!headerFile.exists())
        throw IndexMissing(QStringLiteral("There is no search index in %1 yet").arg(nativePath(folder)));
    if (!headerFile.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(headerPath), headerFile.errorString()));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(headerFile.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        throwDamaged(folder, QStringLiteral("%1 is not a valid index header").arg(kHeaderName));
    const QJsonObject header = document.object();
    if (header.value(QStringLiteral("format")).toString() != kFormatName)
        throwDamaged(folder, QStringLiteral("%1 is not a Weft index header").arg(kHeaderName));

    auto integer = [&](const char* key, double min, double max) -> qint64 {
        const QJsonValue value = header.value(QLatin1String(key));
        const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
        if (!value.isDouble() || !(number >= min && number <= max) || number != std::floor(number))
            throwDamaged(folder, QStringLiteral("%1 has no valid \"%2\"").arg(kHeaderName, QLatin1String(key)));
        return static_cast<qint64>(number);
    };
    auto string = [&](const char* key) -> QString {
        const QJsonValue value = header.value(QLatin1String(key));
        if (!value.isString())
            throwDamaged(folder, QStringLiteral("%1 has no valid \"%2\"").arg(kHeaderName, QLatin1String(key)));
        return value.toString();
    };

    const qint64 version = integer("format_version", 1, 1e15);
    if (version > kFormatVersion)
        throw Error(QStringLiteral("The search index in %1 was made by a newer version of Weft (index format %2; this version reads up to %3). "
                                   "Update Weft, or delete %4 and Weft rebuilds the index from the catalog.")
                        .arg(nativePath(folder)).arg(version).arg(kFormatVersion).arg(nativePath(headerPath)));

    auto impl = std::make_unique<Impl>();
    impl->dim = static_cast<int>(integer("dim", 1, kMaxDim));
    impl->method = string("method");
    impl->M = static_cast<int>(integer("M", 2, kMaxM));
    impl->efConstruction = static_cast<int>(integer("ef_construction", 1, std::numeric_limits<int>::max()));
    const qint64 live = integer("live", 0, 1e15);
    const qint64 dataBytes = integer("data_bytes", kHnswHeaderBytes, 1e18);
    const QString dataName = string("data_file");
    const QString expectedSha = string("data_sha256");
    if (!dataFilePattern().match(dataName).hasMatch())
        throwDamaged(folder, QStringLiteral("%1 names an unexpected data file \"%2\"").arg(kHeaderName, dataName));

    // Check the data file fully before hnswlib sees it: hnswlib trusts what it reads.
    const QString dataPath = dir.filePath(dataName);
    const QFileInfo dataInfo(dataPath);
    if (!dataInfo.exists())
        throwDamaged(folder, QStringLiteral("its data file %1 is missing").arg(dataName));
    if (dataInfo.size() != dataBytes)
        throwDamaged(folder, QStringLiteral("its data file %1 has %2 bytes instead of %3").arg(dataName).arg(dataInfo.size()).arg(dataBytes));
    if (sha256OfFile(dataPath) != expectedSha.toLatin1().toLower())
        throwDamaged(folder, QStringLiteral("the checksum of its data file %1 does not match").arg(dataName));

    std::size_t count = 0;
    {
        QFile data(dataPath);
        if (!data.open(QIODevice::ReadOnly))
            throw Error(QStringLiteral("Cannot read %1: %2").arg(nativePath(dataPath), data.errorString()));
        const QByteArray bytes = data.read(kHnswHeaderBytes);
        if (bytes.size() != kHnswHeaderBytes)
            throwDamaged(folder, QStringLiteral("its data file %1 is too short").arg(dataName));
        const char* p = bytes.constData();
        auto next = [&p](auto& field) {
            std::memcpy(&field, p, sizeof(field));
            p += sizeof(field);
        };
        std::size_t offsetLevel0 = 0, maxElements = 0, sizePerElement = 0, labelOffset = 0, offsetData = 0;
        std::size_t maxM = 0, maxM0 = 0, M = 0, efConstruction = 0;
        int maxLevel = 0;
        unsigned int enterPoint = 0;
        double mult = 0;
        next(offsetLevel0), next(maxElements), next(count), next(sizePerElement), next(labelOffset), next(offsetData);
        next(maxLevel), next(enterPoint), next(maxM), next(maxM0), next(M), next(mult), next(efConstruction);
        const std::size_t dataSize = static_cast<std::size_t>(impl->dim) * sizeof(float);
        const bool consistent = offsetLevel0 == 0 && M == static_cast<std::size_t>(impl->M) && maxM == M && maxM0 == 2 * M
            && offsetData == maxM0 * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint)
            && labelOffset == offsetData + dataSize && sizePerElement == labelOffset + sizeof(hnswlib::labeltype)
            && maxElements >= count && std::isfinite(mult) && mult > 0
            && count <= static_cast<std::size_t>(dataBytes - kHnswHeaderBytes) / (sizePerElement + sizeof(unsigned int))
            && count < std::numeric_limits<hnswlib::tableint>::max()
            && (count == 0 ? maxLevel == -1 : (maxLevel >= 0 && maxLevel < 256 && enterPoint < count));
        if (!consistent)
            throwDamaged(folder, QStringLiteral("its data file %1 does not match %2 (dimension %3, M %4)")
                                     .arg(dataName, kHeaderName).arg(impl->dim).arg(impl->M));
    }

    impl->space = std::make_unique<hnswlib::InnerProductSpace>(static_cast<std::size_t>(impl->dim));
    try {
        impl->hnsw = std::make_unique<Hnsw>(impl->space.get(), QFile::encodeName(dataPath).toStdString(), false,
                                            std::max(count, kInitialCapacity));
    } catch (const std::exception& e) {
        throwDamaged(folder, QStringLiteral("hnswlib cannot read %1: %2").arg(dataName, QString::fromLocal8Bit(e.what())));
    }
    Hnsw& hnsw = *impl->hnsw;
    // hnswlib's loading constructor leaves these uninitialised before counting into them.
    hnsw.metric_distance_computations = 0;
    hnsw.metric_hops = 0;
    hnsw.num_deleted_ = 0;
    for (hnswlib::tableint i = 0; i < hnsw.cur_element_count; ++i) {
        if (hnsw.isMarkedDeleted(i))
            ++hnsw.num_deleted_;
    }

    // A graph whose links point outside the index would crash a later search.
    if (hnsw.label_lookup_.size() != hnsw.cur_element_count)
        throwDamaged(folder, QStringLiteral("its data file %1 holds the same item twice").arg(dataName));
    for (hnswlib::tableint i = 0; i < hnsw.cur_element_count; ++i) {
        const int level = hnsw.element_levels_[i];
        if (level < 0 || level > hnsw.maxlevel_)
            throwDamaged(folder, QStringLiteral("its data file %1 has an invalid graph").arg(dataName));
        for (int l = 0; l <= level; ++l) {
            hnswlib::linklistsizeint* list = hnsw.get_linklist_at_level(i, l);
            const std::size_t links = hnsw.getListCount(list);
            const auto* neighbours = reinterpret_cast<const hnswlib::tableint*>(list + 1);
            bool valid = links <= (l == 0 ? hnsw.maxM0_ : hnsw.maxM_);
            for (std::size_t j = 0; valid && j < links; ++j)
                valid = neighbours[j] < hnsw.cur_element_count && hnsw.element_levels_[neighbours[j]] >= l;
            if (!valid)
                throwDamaged(folder, QStringLiteral("its data file %1 has an invalid graph").arg(dataName));
        }
    }
    if (hnsw.cur_element_count > 0 && hnsw.element_levels_[hnsw.enterpoint_node_] != hnsw.maxlevel_)
        throwDamaged(folder, QStringLiteral("its data file %1 has an invalid graph").arg(dataName));
    if (static_cast<qint64>(hnsw.cur_element_count - hnsw.num_deleted_) != live)
        throwDamaged(folder, QStringLiteral("its data file %1 holds %2 items instead of %3")
                                 .arg(dataName).arg(hnsw.cur_element_count - hnsw.num_deleted_).arg(live));

    hnsw.setEf(static_cast<std::size_t>(impl->ef));
    return std::unique_ptr<VectorIndex>(new VectorIndex(std::move(impl)));
}

}  // namespace weft
