#include "app/interop/structuredinput.h"

#include "app/interop/limits.h"
#include "app/workspace/yamlreader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace triptych::interop {

using workspace::Diagnostic;

namespace {

bool tooBig(const QByteArray &bytes, const QString &file, workspace::Diagnostics &out) {
    if (bytes.size() <= limits::kMaxImportBytes)
        return false;
    out.append({Diagnostic::Severity::Error, file, 0, 0,
                QStringLiteral("the file is %1 MB; files over %2 MB are not imported")
                    .arg(bytes.size() / (1024 * 1024))
                    .arg(limits::kMaxImportBytes / (1024 * 1024))});
    return true;
}

// An aliased YAML node is shared; written out as JSON it is copied, so the copies are counted against a budget.
class YamlToJson {
public:
    std::optional<QJsonValue> convert(const workspace::YamlNode &node, int depth) {
        if (++m_nodes > limits::kMaxDocumentNodes || depth > limits::kMaxDocumentDepth) {
            m_exceeded = true;
            return std::nullopt;
        }
        switch (node.type()) {
        case workspace::YamlNode::Type::Map: {
            QJsonObject object;
            for (const auto &[key, item] : node.entries()) {
                auto value = convert(item, depth + 1);
                if (!value)
                    return std::nullopt;
                object.insert(key.scalar(), *value);
            }
            return object;
        }
        case workspace::YamlNode::Type::Sequence: {
            QJsonArray array;
            for (const auto &item : node) {
                auto value = convert(item, depth + 1);
                if (!value)
                    return std::nullopt;
                array.append(*value);
            }
            return array;
        }
        case workspace::YamlNode::Type::Scalar:
            return QJsonValue::fromVariant(workspace::nodeToVariant(node));
        default:
            return QJsonValue();
        }
    }
    bool exceeded() const { return m_exceeded; }

private:
    qint64 m_nodes = 0;
    bool m_exceeded = false;
};

} // namespace

std::optional<QJsonObject> parseJsonObject(const QByteArray &bytes, const QString &file, workspace::Diagnostics &out) {
    if (tooBig(bytes, file, out))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = bytes.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        out.append({Diagnostic::Severity::Error, file, line, 0,
                    QStringLiteral("not valid JSON at column %1: %2").arg(column).arg(error.errorString())});
        return std::nullopt;
    }
    if (!document.isObject()) {
        out.append({Diagnostic::Severity::Error, file, 1, 0, QStringLiteral("the top level is not a JSON object")});
        return std::nullopt;
    }
    return document.object();
}

std::optional<QJsonObject> parseJsonOrYamlObject(const QByteArray &bytes, const QString &file,
                                                 workspace::Diagnostics &out) {
    if (bytes.trimmed().startsWith('{'))
        return parseJsonObject(bytes, file, out);
    if (tooBig(bytes, file, out))
        return std::nullopt;
    workspace::YamlReadContext context(file);
    const auto node = context.parse(bytes);
    out += context.diagnostics();
    if (!node)
        return std::nullopt;
    YamlToJson converter;
    const auto value = converter.convert(*node, 0);
    if (converter.exceeded()) {
        out.append({Diagnostic::Severity::Error, file, 0, 0,
                    QStringLiteral("the YAML expands to more than %1 nodes or %2 levels (an alias bomb?); not imported")
                        .arg(limits::kMaxDocumentNodes)
                        .arg(limits::kMaxDocumentDepth)});
        return std::nullopt;
    }
    if (!value || !value->isObject()) {
        out.append({Diagnostic::Severity::Error, file, 1, 0, QStringLiteral("the top level is not a mapping")});
        return std::nullopt;
    }
    return value->toObject();
}

} // namespace triptych::interop
