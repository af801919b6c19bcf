#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Two answers compared (docs/checks.md, "Filter and compare"): JSON structurally — key order and whitespace ignored,
// a key that only moved is no change, arrays by index — and any other text line by line. Plain values: any thread.
namespace triptych::checks {

struct JsonChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString pointer; // RFC 6901 JSON Pointer of the node: "/items/0/sku"; "" for the whole document
    QJsonValue left;
    QJsonValue right;
    bool operator==(const JsonChange &) const = default;
};

// What differs between `left` and `right`, outermost first, in key order; an object or array that differs only
// inside is not reported itself, only what differs in it.
QList<JsonChange> diffJson(const QJsonValue &left, const QJsonValue &right);

// One row of a side-by-side view.
struct DiffLine {
    enum class Kind { Same, Removed, Added, Changed };
    Kind kind = Kind::Same;
    QString left;  // empty for Added
    QString right; // empty for Removed
    bool operator==(const DiffLine &) const = default;
};

// A line diff by longest common subsequence, the common start and end taken off first; a removed run facing an
// added run becomes Changed rows, pair by pair. Middles longer than kMaxLcsLines a side are paired line by line.
QList<DiffLine> diffLines(const QStringList &left, const QStringList &right);
constexpr qsizetype kMaxLcsLines = 4'000;

struct AnswerDiff {
    bool json = false;         // both sides are JSON: `changes` says what differs, `lines` shows both indented
    QList<JsonChange> changes; // JSON only
    QList<DiffLine> lines;     // JSON: both sides indented with keys sorted; text: as they came
    bool identical() const;
};

// JSON when both parse (scalars included), else text.
AnswerDiff diffAnswers(const QByteArray &left, const QByteArray &right);

// "/status: "PENDING" → "PAID"", "/items/2: added 7", "/note: removed "x"".
QString describe(const JsonChange &change);

} // namespace triptych::checks
