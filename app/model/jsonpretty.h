#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace triptych::model {

// Hostile bodies must not exhaust memory: "[[[[…" a million deep would indent quadratically.
constexpr int kMaxJsonPrettyDepth = 512;                             // nesting levels
constexpr qsizetype kMaxJsonPrettyOutputBytes = 512LL * 1024 * 1024; // the indented text, in bytes
constexpr int kDefaultJsonIndent = 2;                                // spaces per level: three panes share the width

struct JsonPrettyResult {
    QByteArray text;            // the indented JSON; empty when ok is false
    bool ok = false;            // the input was one valid JSON value (RFC 8259) and was indented
    qsizetype errorOffset = -1; // byte offset of the first error; -1 when the error has no place (too large)
    int line = 0;               // 1-based line of the error
    int column = 0;             // 1-based column of the error, in characters
    QString message;            // what is wrong there, e.g. "expected ',' or '}'"

    // "line 3, column 14: expected ',' or '}'"
    QString errorText() const;
};

// Indents JSON while streaming over it once, without building a tree, so the server's key order, every number and
// every escape stay exactly as written (QJsonDocument sorts keys and rewrites numbers); only ill-formed UTF-8 in a
// string becomes U+FFFD, so the text is always valid JSON. Thread-safe, widget-free.
JsonPrettyResult prettyPrintJson(QByteArrayView json, int indentWidth = kDefaultJsonIndent);

// The short note a view shows above a body it could not indent: "Not valid JSON at line 3, column 14: expected ','
// or '}' — shown as received". Empty when the result is ok or the body does not look like JSON (HTML, plain text).
QString invalidJsonNote(QByteArrayView body, const JsonPrettyResult &result);

} // namespace triptych::model
