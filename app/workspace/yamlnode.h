#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <utility>

namespace triptych::workspace {

// Where a node starts in its text; lines and columns count from 0, -1 when the place is unknown.
struct YamlMark {
    int line = -1;
    int column = -1;

    bool isNull() const { return line < 0; }
};

// One node of a YAML document as libyaml read it: a scalar (with the style it was written in), a list or a mapping
// (keys in the order written, repeated ones kept so readers can report them). Nodes are shared, never copied: an
// alias is the node its anchor names, so a document of aliases costs what its text costs until someone expands it.
class YamlNode {
public:
    enum class Type { Undefined, Null, Scalar, Sequence, Map };
    using Entry = std::pair<YamlNode, YamlNode>;

    YamlNode() = default; // undefined: what a reader gets for a key that is not there

    Type type() const;
    bool isDefined() const { return type() != Type::Undefined; }
    bool isNull() const { return type() == Type::Null; }
    bool isScalar() const { return type() == Type::Scalar; }
    bool isSequence() const { return type() == Type::Sequence; }
    bool isMap() const { return type() == Type::Map; }
    YamlMark mark() const;
    // A scalar's text; empty for every other kind.
    const QString &scalar() const;
    // Written quoted, as a block scalar or tagged as a string (`!`, `!!str`): text, never a number or a boolean.
    bool isQuoted() const;
    // The items of a list, the entries of a mapping; empty for every other kind.
    const QList<YamlNode> &items() const;
    const QList<Entry> &entries() const;
    qsizetype size() const;
    YamlNode operator[](qsizetype i) const { return items().value(i); }
    QList<YamlNode>::const_iterator begin() const { return items().begin(); }
    QList<YamlNode>::const_iterator end() const { return items().end(); }

    struct Data;

private:
    explicit YamlNode(std::shared_ptr<const Data> data)
        : m_data(std::move(data)) {}
    friend class YamlLoader;

    std::shared_ptr<const Data> m_data;
};

// What reading a text gave: its documents' root nodes, or the first problem and where it is.
struct YamlLoadResult {
    QList<YamlNode> documents;
    QString error; // empty when the text is YAML
    YamlMark errorMark;
};

// Reads YAML text with libyaml's event parser (linear in the text, fuzzed by OSS-Fuzz) and builds the nodes without
// recursion. Reading stops at the second document: a caller that wants one document needs no more to refuse more.
// Nesting deeper than `maxDepth` is refused so that no later recursive walk can exhaust the stack.
YamlLoadResult loadYaml(const QByteArray &bytes, int maxDepth = 256);

} // namespace triptych::workspace
