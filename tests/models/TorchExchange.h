#pragma once

// Helpers shared by the tests that compare Weft's LibTorch code with Python's torch
// and torchvision: finding a Python that has them, running a script, and passing
// tensors both ways as raw little-endian files described by a JSON index
// (tensors.json: {"<name>": {"dtype": "float32" | "int64" | "uint8", "shape": [...]}},
// data in "<name>.bin"), read by tests/models/data/torch_exchange.py.
//
// Include after <torch/script.h> (Torch headers must come before Qt's).

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <stdexcept>

namespace weft::test {

// A Python that can import torch and torchvision ($WEFT_PYTHON, python3, /usr/bin/python3),
// or empty; `tried` lists what was tried, for the skip message.
inline QString pythonWithTorchvision(QStringList* tried)
{
    QStringList candidates;
    if (!qEnvironmentVariable("WEFT_PYTHON").isEmpty())
        candidates << qEnvironmentVariable("WEFT_PYTHON");
    candidates << QStringLiteral("python3") << QStringLiteral("/usr/bin/python3");
    for (const QString& python : candidates) {
        *tried << python;
        QProcess probe;
        probe.start(python, {QStringLiteral("-c"), QStringLiteral("import torch, torchvision")});
        if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            return python;
        probe.kill();
        probe.waitForFinished();
    }
    return {};
}

// Runs `python arguments...`; returns empty on success, otherwise what went wrong with
// the process's output. `log` receives the output either way.
inline QString runPython(const QString& python, const QStringList& arguments, int timeoutMs, QString* log = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished();
    }
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (log)
        *log = output;
    const QString command = python + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
    if (!finished)
        return QStringLiteral("%1 did not finish in %2 s:\n%3").arg(command).arg(timeoutMs / 1000).arg(output);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 failed (exit code %2):\n%3").arg(command).arg(process.exitCode()).arg(output);
    return {};
}

class TensorFolder {
public:
    explicit TensorFolder(QString directory) : m_directory(std::move(directory)) { QDir().mkpath(m_directory); }

    void write(const QString& name, const torch::Tensor& tensor)
    {
        const torch::Tensor data = tensor.contiguous();
        QString dtype;
        switch (data.scalar_type()) {
        case torch::kFloat32: dtype = QStringLiteral("float32"); break;
        case torch::kInt64: dtype = QStringLiteral("int64"); break;
        case torch::kUInt8: dtype = QStringLiteral("uint8"); break;
        default: throw std::runtime_error("TensorFolder: unsupported dtype");
        }
        QFile file(path(name));
        const qint64 bytes = qint64(data.numel() * data.element_size());
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(static_cast<const char*>(data.data_ptr()), bytes) != bytes)
            throw std::runtime_error(("TensorFolder: cannot write " + path(name)).toStdString());
        QJsonArray shape;
        for (const int64_t size : data.sizes())
            shape.append(qint64(size));
        QJsonObject index = readIndex();
        index.insert(name, QJsonObject{{"dtype", dtype}, {"shape", shape}});
        writeIndex(index);
    }

    bool contains(const QString& name) const { return readIndex().contains(name); }

    torch::Tensor read(const QString& name) const
    {
        const QJsonObject entry = readIndex().value(name).toObject();
        if (entry.isEmpty())
            throw std::runtime_error(("TensorFolder: no tensor " + name + " in " + m_directory).toStdString());
        std::vector<int64_t> shape;
        for (const QJsonValue& size : entry.value(QStringLiteral("shape")).toArray())
            shape.push_back(size.toInteger());
        const QString dtype = entry.value(QStringLiteral("dtype")).toString();
        const torch::ScalarType type = dtype == QLatin1String("float32") ? torch::kFloat32
                                       : dtype == QLatin1String("int64") ? torch::kInt64
                                       : dtype == QLatin1String("uint8") ? torch::kUInt8
                                                                         : throw std::runtime_error("TensorFolder: dtype");
        torch::Tensor tensor = torch::empty(shape, type);
        QFile file(path(name));
        const qint64 bytes = qint64(tensor.numel() * tensor.element_size());
        if (!file.open(QIODevice::ReadOnly) || file.read(static_cast<char*>(tensor.data_ptr()), bytes) != bytes)
            throw std::runtime_error(("TensorFolder: cannot read " + path(name)).toStdString());
        return tensor;
    }

    QString directory() const { return m_directory; }

private:
    QString path(const QString& name) const { return m_directory + QLatin1Char('/') + name + QStringLiteral(".bin"); }
    QString indexPath() const { return m_directory + QStringLiteral("/tensors.json"); }

    QJsonObject readIndex() const
    {
        QFile file(indexPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    void writeIndex(const QJsonObject& index) const
    {
        QFile file(indexPath());
        const QByteArray json = QJsonDocument(index).toJson();
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(json) != json.size())
            throw std::runtime_error(("TensorFolder: cannot write " + indexPath()).toStdString());
    }

    QString m_directory;
};

}  // namespace weft::test
