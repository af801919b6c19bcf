#include "app/checks/jsondiff.h"

#include "app/checks/jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <vector>

namespace triptych::checks {

namespace {

QString escapePointerToken(QString token) {
    return token.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
}

void walk(const QJsonValue &left, const QJsonValue &right, const QString &pointer, QList<JsonChange> &out) {
    if (left.isObject() && right.isObject()) {
        const QJsonObject a = left.toObject();
        const QJsonObject b = right.toObject();
        // Every key of either side once, sorted: a key that only moved meets itself.
        QStringList keys = a.keys() + b.keys();
        keys.sort();
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const QString &key : std::as_const(keys)) {
            const QString child = pointer + u'/' + escapePointerToken(key);
            if (!b.contains(key))
                out.append({JsonChange::Kind::Removed, child, a.value(key), {}});
            else if (!a.contains(key))
                out.append({JsonChange::Kind::Added, child, {}, b.value(key)});
            else
                walk(a.value(key), b.value(key), child, out);
        }
        return;
    }
    if (left.isArray() && right.isArray()) {
        const QJsonArray a = left.toArray();
        const QJsonArray b = right.toArray();
        const qsizetype common = std::min(a.size(), b.size());
        for (qsizetype k = 0; k < common; ++k)
            walk(a.at(k), b.at(k), pointer + u'/' + QString::number(k), out);
        for (qsizetype k = common; k < a.size(); ++k)
            out.append({JsonChange::Kind::Removed, pointer + u'/' + QString::number(k), a.at(k), {}});
        for (qsizetype k = common; k < b.size(); ++k)
            out.append({JsonChange::Kind::Added, pointer + u'/' + QString::number(k), {}, b.at(k)});
        return;
    }
    if (!jsonEqual(left, right))
        out.append({JsonChange::Kind::Changed, pointer, left, right});
}

// A removed run and the added run after it, as side-by-side rows.
void flushRun(QStringList &removed, QStringList &added, QList<DiffLine> &out) {
    const qsizetype pairs = std::min(removed.size(), added.size());
    for (qsizetype k = 0; k < pairs; ++k)
        out.append({DiffLine::Kind::Changed, removed.at(k), added.at(k)});
    for (qsizetype k = pairs; k < removed.size(); ++k)
        out.append({DiffLine::Kind::Removed, removed.at(k), {}});
    for (qsizetype k = pairs; k < added.size(); ++k)
        out.append({DiffLine::Kind::Added, {}, added.at(k)});
    removed.clear();
    added.clear();
}

// The middle part (between the common start and end) by longest common subsequence.
void diffMiddle(const QStringList &a, const QStringList &b, QList<DiffLine> &out) {
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QStringList removed;
    QStringList added;
    if (n > kMaxLcsLines || m > kMaxLcsLines) {
        removed = a;
        added = b;
        flushRun(removed, added, out);
        return;
    }
    // lengths[i][j]: the LCS of a[i..] and b[j..].
    std::vector<std::vector<int>> lengths(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lengths[size_t(i)][size_t(j)] =
                a.at(i) == b.at(j) ? lengths[size_t(i + 1)][size_t(j + 1)] + 1
                                   : std::max(lengths[size_t(i + 1)][size_t(j)], lengths[size_t(i)][size_t(j + 1)]);
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            flushRun(removed, added, out);
            out.append({DiffLine::Kind::Same, a.at(i), b.at(j)});
            ++i;
            ++j;
        } else if (j == m || (i < n && lengths[size_t(i + 1)][size_t(j)] >= lengths[size_t(i)][size_t(j + 1)])) {
            removed.append(a.at(i++));
        } else {
            added.append(b.at(j++));
        }
    }
    flushRun(removed, added, out);
}

QString compact(const QJsonValue &value) {
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    // A scalar as the one element of an array, its brackets taken off.
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QStringList indentedLines(const QJsonValue &value) {
    QString text = value.isObject()  ? QString::fromUtf8(QJsonDocument(value.toObject()).toJson())
                   : value.isArray() ? QString::fromUtf8(QJsonDocument(value.toArray()).toJson())
                                     : compact(value);
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.split(u'\n');
}

QStringList textLines(const QByteArray &bytes) {
    QString text = QString::fromUtf8(bytes);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    if (text.endsWith(u'\n'))
        text.chop(1);
    return text.isEmpty() ? QStringList() : text.split(u'\n');
}

} // namespace

QList<JsonChange> diffJson(const QJsonValue &left, const QJsonValue &right) {
    QList<JsonChange> changes;
    walk(left, right, QString(), changes);
    return changes;
}

QList<DiffLine> diffLines(const QStringList &left, const QStringList &right) {
    QList<DiffLine> out;
    qsizetype start = 0;
    while (start < left.size() && start < right.size() && left.at(start) == right.at(start)) {
        out.append({DiffLine::Kind::Same, left.at(start), right.at(start)});
        ++start;
    }
    qsizetype end = 0;
    while (end < left.size() - start && end < right.size() - start &&
           left.at(left.size() - 1 - end) == right.at(right.size() - 1 - end))
        ++end;
    diffMiddle(left.mid(start, left.size() - start - end), right.mid(start, right.size() - start - end), out);
    for (qsizetype k = left.size() - end; k < left.size(); ++k)
        out.append({DiffLine::Kind::Same, left.at(k), right.at(right.size() - left.size() + k)});
    return out;
}

bool AnswerDiff::identical() const {
    if (json)
        return changes.isEmpty();
    return std::all_of(lines.begin(), lines.end(),
                       [](const DiffLine &line) { return line.kind == DiffLine::Kind::Same; });
}

AnswerDiff diffAnswers(const QByteArray &left, const QByteArray &right) {
    AnswerDiff diff;
    const auto a = parseJsonValue(left);
    const auto b = parseJsonValue(right);
    if (a && b) {
        diff.json = true;
        diff.changes = diffJson(*a, *b);
        diff.lines = diffLines(indentedLines(*a), indentedLines(*b));
    } else {
        diff.lines = diffLines(textLines(left), textLines(right));
    }
    return diff;
}

QString describe(const JsonChange &change) {
    const QString where = change.pointer.isEmpty() ? QStringLiteral("(the whole answer)") : change.pointer;
    switch (change.kind) {
    case JsonChange::Kind::Added:
        return QStringLiteral("%1: added %2").arg(where, compact(change.right));
    case JsonChange::Kind::Removed:
        return QStringLiteral("%1: removed %2").arg(where, compact(change.left));
    case JsonChange::Kind::Changed:
        break;
    }
    return QStringLiteral("%1: %2 → %3").arg(where, compact(change.left), compact(change.right));
}

} // namespace triptych::checks
