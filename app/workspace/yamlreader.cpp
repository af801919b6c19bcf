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

// yaml-cpp 0.7 never returns (and grows without bound) when a node starts with a comma: at the start of a document,
// or at the start of a line that is not indented (found by fuzz_import_openapi). Such text is not valid YAML outside
// a flow collection, so it is refused before the parser sees it; -1 when no line does that.
int lineStartingWithComma(const QByteArray &bytes) {
    const QList<QByteArray> lines = bytes.split('\n');
    bool inDocument = false; // past the first line with content
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray trimmed = lines.at(i).trimmed();
        if (lines.at(i).startsWith(',') || (!inDocument && trimmed.startsWith(',')))
            return i;
        if (!trimmed.isEmpty() && !trimmed.startsWith('#') && !trimmed.startsWith('%') && trimmed != "---")
            inDocument = true;
        else if (trimmed == "---")
            inDocument = false;
    }
    return -1;
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

std::optional<YAML::Node> YamlReadContext::parse(const QByteArray &bytes) {
    if (const int line = lineWithControlCharacter(bytes); line >= 0) {
        YAML::Mark mark;
        mark.line = line;
        error(mark, QStringLiteral("not valid YAML: a control character (such as NUL) is not allowed"));
        return std::nullopt;
    }
    if (const int line = lineStartingWithComma(bytes); line >= 0) {
        YAML::Mark mark;
        mark.line = line;
        error(mark, QStringLiteral("not valid YAML: a line may not start with a comma here (end the line before with "
                                   "it instead)"));
        return std::nullopt;
    }
    try {
        const std::vector<YAML::Node> documents = YAML::LoadAll(bytes.toStdString());
        if (documents.empty() || documents.front().IsNull()) {
            error(YAML::Mark::null_mark(),
                  QStringLiteral("the file is empty; a request file starts with `version: 1`"));
            return std::nullopt;
        }
        if (documents.size() > 1) {
            error(documents.at(1).Mark(), QStringLiteral("only one YAML document is allowed per file"));
            return std::nullopt;
        }
        return documents.front();
    } catch (const YAML::Exception &exception) {
        QString message = QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(exception.msg));
        // yaml-cpp names the symptom of a tab indent ("illegal block entry"), not the cause.
        if (indentedWithTab(bytes, exception.mark.line))
            message += QStringLiteral(" (YAML indents with spaces, not tabs)");
        error(exception.mark, message);
        return std::nullopt;
    }
}

void YamlReadContext::error(const YAML::Mark &mark, const QString &message) {
    add(Diagnostic::Severity::Error, mark, message);
}

void YamlReadContext::warning(const YAML::Mark &mark, const QString &message) {
    add(Diagnostic::Severity::Warning, mark, message);
}

void YamlReadContext::add(Diagnostic::Severity severity, const YAML::Mark &mark, const QString &message) {
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = m_file;
    if (!mark.is_null()) {
        diagnostic.line = mark.line + 1;
        diagnostic.column = mark.column + 1;
    }
    diagnostic.message = message;
    m_diagnostics.append(diagnostic);
}

QString describeNode(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Scalar:
        return QStringLiteral("text");
    default:
        return QStringLiteral("nothing");
    }
}

std::optional<QString> scalarText(const YAML::Node &node) {
    if (node.IsNull())
        return QString();
    if (!node.IsScalar())
        return std::nullopt;
    return QString::fromStdString(node.Scalar());
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

QVariant nodeToVariant(const YAML::Node &node) {
    switch (node.Type()) {
    case YAML::NodeType::Scalar: {
        const QString text = QString::fromStdString(node.Scalar());
        return node.Tag() == "!" ? QVariant(text) : plainScalar(text);
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node)
            list.append(nodeToVariant(item));
        return list;
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            map.insert(scalarText(it->first).value_or(QString()), nodeToVariant(it->second));
        return map;
    }
    default:
        return {};
    }
}

MapReader::MapReader(YamlReadContext &context, const YAML::Node &node, QString where)
    : m_context(context)
    , m_where(std::move(where)) {
    m_isMap = node.IsMap();
    if (!m_isMap) {
        m_context.error(node.Mark(),
                        m_where.isEmpty()
                            ? QStringLiteral("the file must be a mapping of keys, not %1").arg(describeNode(node))
                            : QStringLiteral("%1 must be a mapping of keys, not %2").arg(m_where, describeNode(node)));
        return;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
        const auto key = it->first.IsScalar() ? scalarText(it->first) : std::nullopt;
        if (!key) {
            m_context.error(it->first.Mark(),
                            QStringLiteral("a key must be text, not %1").arg(describeNode(it->first)));
            continue;
        }
        if (has(*key)) {
            m_context.error(it->first.Mark(), QStringLiteral("%1 is given twice").arg(path(*key)));
            continue;
        }
        m_entries.append({*key, it->first, it->second, false});
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

YAML::Mark MapReader::keyMark(QStringView key) const {
    for (const Entry &entry : m_entries) {
        if (entry.key == key)
            return entry.keyNode.Mark();
    }
    return YAML::Mark::null_mark();
}

YAML::Node MapReader::take(QStringView key) {
    for (Entry &entry : m_entries) {
        if (entry.key == key) {
            entry.taken = true;
            return entry.value;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

QString MapReader::path(QStringView key) const {
    return m_where.isEmpty() ? key.toString() : m_where + QLatin1Char('.') + key.toString();
}

QString MapReader::shown(const YAML::Node &node) const {
    if (node.IsScalar())
        return QLatin1Char('"') + QString::fromStdString(node.Scalar()) + QLatin1Char('"');
    return describeNode(node);
}

void MapReader::text(QStringView key, QString &out) {
    const YAML::Node node = take(key);
    if (!node.IsDefined())
        return;
    if (const auto value = scalarText(node))
        out = *value;
    else
        m_context.error(node.Mark(), QStringLiteral("%1 must be text, not %2").arg(path(key), describeNode(node)));
}

void MapReader::flag(QStringView key, bool &out) {
    const YAML::Node node = take(key);
    if (!node.IsDefined())
        return;
    const auto value = node.IsScalar() ? scalarText(node) : std::nullopt;
    if (value == u"true" || value == u"false")
        out = *value == u"true";
    else
        m_context.error(node.Mark(), QStringLiteral("%1 must be true or false, not %2").arg(path(key), shown(node)));
}

void MapReader::integer(QStringView key, int &out, int minimum, int maximum) {
    const YAML::Node node = take(key);
    if (!node.IsDefined())
        return;
    const auto value = node.IsScalar() ? scalarText(node) : std::nullopt;
    bool ok = false;
    const qlonglong number = value ? value->toLongLong(&ok) : 0;
    if (!ok) {
        m_context.error(node.Mark(), QStringLiteral("%1 must be a whole number, not %2").arg(path(key), shown(node)));
    } else if (number < minimum || number > maximum) {
        m_context.error(node.Mark(), QStringLiteral("%1 must be between %2 and %3, not %4")
                                         .arg(path(key))
                                         .arg(minimum)
                                         .arg(maximum)
                                         .arg(number));
    } else {
        out = int(number);
    }
}

void MapReader::textList(QStringView key, QStringList &out) {
    const YAML::Node node = take(key);
    if (!node.IsDefined())
        return;
    if (!node.IsSequence()) {
        m_context.error(node.Mark(),
                        QStringLiteral("%1 must be a list of text, not %2").arg(path(key), describeNode(node)));
        return;
    }
    for (const YAML::Node &item : node) {
        if (const auto value = item.IsScalar() ? scalarText(item) : std::nullopt)
            out.append(*value);
        else
            m_context.error(item.Mark(),
                            QStringLiteral("%1 must list text, not %2").arg(path(key), describeNode(item)));
    }
}

void MapReader::finish() {
    for (const Entry &entry : m_entries) {
        if (!entry.taken)
            m_context.warning(entry.keyNode.Mark(), QStringLiteral("unknown key %1, ignored").arg(path(entry.key)));
    }
}

} // namespace triptych::workspace
