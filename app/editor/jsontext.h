#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace triptych::editor {

// JSON read with the offset of every key and value, so that an error about a value can point at it (QJsonDocument
// keeps no positions). Strict RFC 8259, as protobuf's JSON parser is.
struct JsonNode {
    enum class Kind { Object, Array, String, Number, Bool, Null };
    struct Member;

    Kind kind = Kind::Null;
    int offset = 0; // of the value's first character (UTF-16)
    QString text;   // a string's contents, a number as written, "true"/"false"
    QList<Member> members;
    QList<JsonNode> items;
};

struct JsonNode::Member {
    QString key;
    int keyOffset = 0;
    JsonNode value;
};

struct JsonParse {
    std::optional<JsonNode> root;
    int errorOffset = 0;
    QString error;
};

JsonParse parseJsonText(const QString &text);

// 1-based line and column (UTF-16 units) of an offset.
std::pair<int, int> lineAndColumn(const QString &text, int offset);

// What the cursor stands in, read from the text before it (which is usually not valid JSON yet): the chain of keys
// and array steps from the root to the innermost open object or array, and whether a key or a value comes next.
struct JsonCursor {
    struct Step {
        bool object = true; // an object, or an array
        QString key;        // the key whose value this object or array is ("" at the root or in an array)
        QStringList keysGiven;
        QString typeUrl; // the string given to "@type" in this object (a google.protobuf.Any)
    };
    QList<Step> path; // from the root; empty before the first `{`
    bool wantsKey = false;
    bool wantsValue = false;
    QString valueKey; // wantsValue in an object: the key being given a value
    bool inString = false;
    int replaceStart = 0; // the word (with its opening quote) an accepted entry replaces
    QString prefix;
};

JsonCursor jsonCursor(const QString &text, int position);

} // namespace triptych::editor
