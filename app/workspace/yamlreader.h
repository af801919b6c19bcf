#pragma once

#include "app/workspace/diagnostic.h"
#include "app/workspace/formatnames.h"
#include "app/workspace/yamlnode.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// Typed access to YAML nodes (yamlnode.h, read by libyaml) for the workspace's readers: every problem becomes a
// Diagnostic with the line of the node it is about, and reading goes on, so one file reports all its problems at once.
namespace triptych::workspace {

class YamlReadContext {
public:
    explicit YamlReadContext(QString file)
        : m_file(std::move(file)) {}

    // Parses `bytes` as one YAML document; nothing (and an error) when the text is not YAML or holds several.
    std::optional<YamlNode> parse(const QByteArray &bytes);

    void error(const YamlMark &mark, const QString &message);
    void warning(const YamlMark &mark, const QString &message);
    const QString &file() const { return m_file; }
    Diagnostics diagnostics() const { return m_diagnostics; }

private:
    void add(Diagnostic::Severity severity, const YamlMark &mark, const QString &message);

    QString m_file;
    Diagnostics m_diagnostics;
};

// "a list", "a mapping", "text", "nothing": how a node's kind is named in messages.
QString describeNode(const YamlNode &node);
// A scalar's text; a null node (a key with nothing after it) reads as empty text.
std::optional<QString> scalarText(const YamlNode &node);
// The opaque data of checks: quoted scalars are strings, plain ones numbers, booleans or null when they read as such.
QVariant nodeToVariant(const YamlNode &node);

// The keys of one mapping, taken one at a time by the reader; keys never taken are reported as unknown (warnings),
// repeated keys as errors. `where` names the mapping in messages ("options.tls"); empty for the top level.
class MapReader {
public:
    MapReader(YamlReadContext &context, const YamlNode &node, QString where);

    bool isMap() const { return m_isMap; }
    bool has(QStringView key) const;
    // Every key, in the order written (a repeated key once).
    QStringList keys() const;
    YamlMark keyMark(QStringView key) const;
    // The value node; an invalid node when the key is absent.
    YamlNode take(QStringView key);

    void text(QStringView key, QString &out);
    void flag(QStringView key, bool &out);
    void integer(QStringView key, int &out, int minimum, int maximum);
    void textList(QStringView key, QStringList &out);
    template <typename Enum, std::size_t N>
    void choice(QStringView key, Enum &out, const formatnames::Name<Enum> (&table)[N]) {
        const YamlNode node = take(key);
        if (!node.isDefined())
            return;
        const auto value = scalarText(node);
        const auto parsed = value ? formatnames::valueOf(table, *value) : std::nullopt;
        if (parsed)
            out = *parsed;
        else
            m_context.error(node.mark(), QStringLiteral("%1 must be one of %2, not %3")
                                             .arg(path(key), formatnames::allNames(table), shown(node)));
    }

    // Reports every key nobody took.
    void finish();

    QString path(QStringView key) const;
    YamlReadContext &context() { return m_context; }

private:
    struct Entry {
        QString key;
        YamlNode keyNode;
        YamlNode value;
        bool taken = false;
    };
    QString shown(const YamlNode &node) const;

    YamlReadContext &m_context;
    QString m_where;
    QList<Entry> m_entries;
    bool m_isMap = false;
};

} // namespace triptych::workspace
