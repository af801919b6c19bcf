#include "app/workspace/yamlreader.h"

#include <QRegularExpression>
#include <QVariantList>
#include <QVariantMap>

namespace triptych::workspace {

namespace {

bool indentedWithTab(const QByteArray &bytes, int line) {
    const QList<QByteArray> lines = bytes.split('\n');
    if (line < 0 || line >= lines.size())
        return false;
    for (const char c : lines.at(line)) {
        if (c == '\t')
            return true;
        if (c != ' ')
            return false;
    }
    return false;
}

// YAML allows no control characters but tab, line feed and carriage return; -1 when there is none.
int lineWithControlCharacter(const QByteArray &bytes) {
    int line = 0;
    for (const char c : bytes) {
        if (c == '\n')
            ++line;
        else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\r')
            return line;
    }
    return -1;
}

} // namespace

std::optional<YamlNode> YamlReadContext::parse(const QByteArray &bytes) {
    if (const int line = lineWithControlCharacter(bytes); line >= 0) {
        error({line, -1}, QStringLiteral("not valid YAML: a control character (such as NUL) is not allowed"));
        return std::nullopt;
    }
    const YamlLoadResult loaded = loadYaml(bytes);
    if (!loaded.error.isEmpty()) {
        QString message = QStringLiteral("not valid YAML: %1").arg(loaded.error);
        // libyaml names the symptom of a tab indent, not always the cause.
        if (indentedWithTab(bytes, loaded.errorMark.line) && !loaded.error.contains(QStringLiteral("tab")))
            message += QStringLiteral(" (YAML indents with spaces, not tabs)");
        error(loaded.errorMark, message);
        return std::nullopt;
    }
    if (loaded.documents.isEmpty() || loaded.documents.front().isNull()) {
        error(YamlMark(), QStringLiteral("the file is empty; a request file starts with `version: 1`"));
        return std::nullopt;
    }
    if (loaded.documents.size() > 1) {
        error(loaded.documents.at(1).mark(), QStringLiteral("only one YAML document is allowed per file"));
        return std::nullopt;
    }
    return loaded.documents.front();
}

void YamlReadContext::error(const YamlMark &mark, const QString &message) {
    add(Diagnostic::Severity::Error, mark, message);
}

void YamlReadContext::warning(const YamlMark &mark, const QString &message) {
    add(Diagnostic::Severity::Warning, mark, message);
}

void YamlReadContext::add(Diagnostic::Severity severity, const YamlMark &mark, const QString &message) {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = m_file;
    if (!mark.isNull()) {
        diagnostic.line = mark.line + 1;
        diagnostic.column = mark.column + 1;
    }
    diagnostic.message = message;
    m_diagnostics.append(diagnostic);
}

QString describeNode(const YamlNode &node) {
    switch (node.type()) {
    case YamlNode::Type::Sequence:
        return QStringLiteral("a list");
    case YamlNode::Type::Map:
        return QStringLiteral("a mapping");
    case YamlNode::Type::Scalar:
        return QStringLiteral("text");
    default:
        return QStringLiteral("nothing");
    }
}

std::optional<QString> scalarText(const YamlNode &node) {
    if (node.isNull())
        return QString();
    if (!node.isScalar())
        return std::nullopt;
    return node.scalar();
}

namespace {

QVariant plainScalar(const QString &text) {
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (text == u"true" || text == u"false")
        return text == u"true";
    if (text == u"null" || text == u"~")
        return {};
    bool ok = false;
    if (integer.match(text).hasMatch()) {
        const qlonglong value = text.toLongLong(&ok);
        if (ok)
            return value;
    }
    if (real.match(text).hasMatch()) {
        const double value = text.toDouble(&ok);
        if (ok)
            return value;
    }
    return text;
}

} // namespace

QVariant nodeToVariant(const YamlNode &node) {
    switch (node.type()) {
    case YamlNode::Type::Scalar: {
        return node.isQuoted() ? QVariant(node.scalar()) : plainScalar(node.scalar());
    }
    case YamlNode::Type::Sequence: {
        QVariantList list;
        for (const YamlNode &item : node)
            list.append(nodeToVariant(item));
        return list;
    }
    case YamlNode::Type::Map: {
        QVariantMap map;
        for (const auto &[key, value] : node.entries())
            map.insert(scalarText(key).value_or(QString()), nodeToVariant(value));
        return map;
    }
    default:
        return {};
    }
}

MapReader::MapReader(YamlReadContext &context, const YamlNode &node, QString where)
    : m_context(context)
    , m_where(std::move(where)) {
    m_isMap = node.isMap();
    if (!m_isMap) {
        m_context.error(node.mark(),
                        m_where.isEmpty()
                            ? QStringLiteral("the file must be a mapping of keys, not %1").arg(describeNode(node))
                            : QStringLiteral("%1 must be a mapping of keys, not %2").arg(m_where, describeNode(node)));
        return;
    }
    for (const auto &[keyNode, value] : node.entries()) {
        const auto key = keyNode.isScalar() ? scalarText(keyNode) : std::nullopt;
        if (!key) {
            m_context.error(keyNode.mark(), QStringLiteral("a key must be text, not %1").arg(describeNode(keyNode)));
            continue;
        }
        if (has(*key)) {
            m_context.error(keyNode.mark(), QStringLiteral("%1 is given twice").arg(path(*key)));
            continue;
        }
        m_entries.append({*key, keyNode, value, false});
    }
}

bool MapReader::has(QStringView key) const {
    return std::any_of(m_entries.begin(), m_entries.end(), [key](const Entry &entry) { return entry.key == key; });
}

QStringList MapReader::keys() const {
    QStringList keys;
    for (const Entry &entry : m_entries)
        keys.append(entry.key);
    return keys;
}

YamlMark MapReader::keyMark(QStringView key) const {
    for (const Entry &entry : m_entries) {
        if (entry.key == key)
            return entry.keyNode.mark();
    }
    return YamlMark();
}

YamlNode MapReader::take(QStringView key) {
    for (Entry &entry : m_entries) {
        if (entry.key == key) {
            entry.taken = true;
            return entry.value;
        }
    }
    return YamlNode();
}

QString MapReader::path(QStringView key) const {
    return m_where.isEmpty() ? key.toString() : m_where + QLatin1Char('.') + key.toString();
}

QString MapReader::shown(const YamlNode &node) const {
    if (node.isScalar())
        return QLatin1Char('"') + node.scalar() + QLatin1Char('"');
    return describeNode(node);
}

void MapReader::text(QStringView key, QString &out) {
    const YamlNode node = take(key);
    if (!node.isDefined())
        return;
    if (const auto value = scalarText(node))
        out = *value;
    else
        m_context.error(node.mark(), QStringLiteral("%1 must be text, not %2").arg(path(key), describeNode(node)));
}

void MapReader::flag(QStringView key, bool &out) {
    const YamlNode node = take(key);
    if (!node.isDefined())
        return;
    const auto value = node.isScalar() ? scalarText(node) : std::nullopt;
    if (value == u"true" || value == u"false")
        out = *value == u"true";
    else
        m_context.error(node.mark(), QStringLiteral("%1 must be true or false, not %2").arg(path(key), shown(node)));
}

void MapReader::integer(QStringView key, int &out, int minimum, int maximum) {
    const YamlNode node = take(key);
    if (!node.isDefined())
        return;
    const auto value = node.isScalar() ? scalarText(node) : std::nullopt;
    bool ok = false;
    const qlonglong number = value ? value->toLongLong(&ok) : 0;
    if (!ok) {
        m_context.error(node.mark(), QStringLiteral("%1 must be a whole number, not %2").arg(path(key), shown(node)));
    } else if (number < minimum || number > maximum) {
        m_context.error(node.mark(), QStringLiteral("%1 must be between %2 and %3, not %4")
                                         .arg(path(key))
                                         .arg(minimum)
                                         .arg(maximum)
                                         .arg(number));
    } else {
        out = int(number);
    }
}

void MapReader::textList(QStringView key, QStringList &out) {
    const YamlNode node = take(key);
    if (!node.isDefined())
        return;
    if (!node.isSequence()) {
        m_context.error(node.mark(),
                        QStringLiteral("%1 must be a list of text, not %2").arg(path(key), describeNode(node)));
        return;
    }
    for (const YamlNode &item : node) {
        if (const auto value = item.isScalar() ? scalarText(item) : std::nullopt)
            out.append(*value);
        else
            m_context.error(item.mark(),
                            QStringLiteral("%1 must list text, not %2").arg(path(key), describeNode(item)));
    }
}

void MapReader::finish() {
    for (const Entry &entry : m_entries) {
        if (!entry.taken)
            m_context.warning(entry.keyNode.mark(), QStringLiteral("unknown key %1, ignored").arg(path(entry.key)));
    }
}

} // namespace triptych::workspace
