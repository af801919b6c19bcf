#include "app/editor/fieldinsertion.h"

#include "app/editor/graphqlcursorcontext.h"
#include "server/graphql/syntax/parser.h"

#include <QStringList>

#include <deque>
#include <unordered_map>

namespace triptych::editor {
namespace {

using namespace triptych::graphql;

const QString kIndent = QStringLiteral("  "); // graphql-js's print() indents by two spaces

QString qs(const std::string &text) {
    return QString::fromStdString(text);
}

// The field as text: `name(required: )` and ` {\n  \n}` (or ` { }` inline); `cursor` after the first `name: `,
// else inside the braces, else at the end.
QString fieldText(const Field &field, bool block, const QString &indent, int *cursor) {
    QStringList required;
    for (const InputValue &arg : field.args)
        if (arg.type.isNonNull() && !arg.defaultValue)
            required.append(qs(arg.name) + QStringLiteral(": "));
    QString text = qs(field.name);
    int at = -1;
    if (!required.isEmpty()) {
        at = int(text.size()) + 1 + int(required.first().size());
        text += QLatin1Char('(') + required.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (!field.type.named()->isLeaf()) {
        text += block ? QStringLiteral(" {\n") + indent + kIndent : QStringLiteral(" { ");
        if (at < 0)
            at = int(text.size());
        text += block ? QStringLiteral("\n") + indent + QLatin1Char('}') : QStringLiteral(" }");
    }
    *cursor = at < 0 ? int(text.size()) : at;
    return text;
}

QString indentOfLine(const QString &text, int offset) {
    const int start = int(text.lastIndexOf(QLatin1Char('\n'), offset - 1)) + 1;
    int end = start;
    while (end < text.size() && (text.at(end) == QLatin1Char(' ') || text.at(end) == QLatin1Char('\t')))
        ++end;
    return text.mid(start, end - start);
}

bool blankBefore(const QString &text, int offset) {
    const int start = int(text.lastIndexOf(QLatin1Char('\n'), offset - 1)) + 1;
    return text.mid(start, offset - start).trimmed().isEmpty();
}

// A field of `target` may go into a selection of `type`: the same type, or an object implementing the interface.
bool accepts(const NamedType *type, const NamedType *target) {
    if (!type || !target)
        return false;
    if (type == target)
        return true;
    for (const NamedType *implemented : type->interfaces)
        if (implemented == target)
            return true;
    return false;
}

// Skips a string, block string or comment starting at `i`; the offset after it (or `i` when none starts there).
int skipLiteral(const QString &text, int i) {
    if (text.at(i) == QLatin1Char('#')) {
        const int end = int(text.indexOf(QLatin1Char('\n'), i));
        return end < 0 ? int(text.size()) : end;
    }
    if (text.mid(i, 3) == QLatin1String("\"\"\"")) {
        const int end = int(text.indexOf(QLatin1String("\"\"\""), i + 3));
        return end < 0 ? int(text.size()) : end + 3;
    }
    if (text.at(i) == QLatin1Char('"')) {
        int j = i + 1;
        while (j < text.size() && text.at(j) != QLatin1Char('"') && text.at(j) != QLatin1Char('\n'))
            j += text.at(j) == QLatin1Char('\\') ? 2 : 1;
        return std::min(j + 1, int(text.size()));
    }
    return i;
}

// The first `{` outside parentheses from `from` (an operation's or fragment's selection set), or the `}` that
// closes the `{` at `from` when `close` is set; -1 when there is none.
int scanBrace(const QString &text, int from, bool close) {
    int depth = 0;
    for (int i = from; i < text.size();) {
        if (const int next = skipLiteral(text, i); next != i) {
            i = next;
            continue;
        }
        const QChar c = text.at(i++);
        if (c == QLatin1Char('(') || (close && c == QLatin1Char('{')))
            ++depth;
        else if (c == QLatin1Char(')') || (close && c == QLatin1Char('}')))
            --depth;
        else if (!close && c == QLatin1Char('{') && depth == 0)
            return i - 1;
        if (close && depth == 0)
            return i - 1;
    }
    return -1;
}

struct SelectionSpan {
    int open = 0;
    int close = 0;
    const NamedType *type = nullptr;
};

class Collector {
public:
    Collector(const Schema &schema, const QString &text)
        : m_schema(schema)
        , m_text(text) {
        m_lineStarts.push_back(0);
        for (int i = 0; i < text.size(); ++i)
            if (text.at(i) == QLatin1Char('\n'))
                m_lineStarts.push_back(i + 1);
    }

    int offset(Location loc) const {
        const std::size_t line = std::clamp<std::size_t>(loc.line, 1, m_lineStarts.size()) - 1;
        return m_lineStarts[line] + int(loc.column) - 1;
    }

    void add(int open, const NamedType *type, const std::vector<SelectionNode> &selections) {
        if (open < 0 || !type)
            return;
        spans.push_back({open, scanBrace(m_text, open, true), type});
        for (const SelectionNode &selection : selections) {
            const NamedType *inner = nullptr;
            if (selection.kind == SelectionKind::Field) {
                const Field *field = type->field(selection.name);
                inner = field ? field->type.named() : nullptr;
            } else if (selection.kind == SelectionKind::InlineFragment) {
                inner = selection.typeCondition.empty() ? type : m_schema.type(selection.typeCondition);
            }
            if (selection.hasSelectionSet)
                add(offset(selection.selectionSetLoc), inner, selection.selectionSet);
        }
    }

    std::vector<SelectionSpan> spans;

private:
    const Schema &m_schema;
    const QString &m_text;
    std::vector<int> m_lineStarts;
};

// "customer → orders": the fields from the query root to a selection of `target`, shortest first; empty when none.
QString pathFromRoot(const Schema &schema, const NamedType *target) {
    const NamedType *root = schema.queryType();
    std::unordered_map<const NamedType *, std::pair<const NamedType *, const Field *>> via;
    std::deque<const NamedType *> queue{root};
    via[root] = {nullptr, nullptr};
    while (!queue.empty() && !via.contains(target)) {
        const NamedType *type = queue.front();
        queue.pop_front();
        for (const Field &field : type->fields) {
            const NamedType *next = field.type.named();
            if (next->isComposite() && !via.contains(next)) {
                via[next] = {type, &field};
                queue.push_back(next);
            }
        }
    }
    QStringList steps;
    for (const NamedType *at = target; via.contains(at) && via[at].second; at = via[at].first)
        steps.prepend(qs(via[at].second->name));
    return steps.join(QStringLiteral(" → "));
}

FieldInsertion atCursor(const QString &document, int position, int replaceStart, const QString &prefix,
                        const Field &field) {
    FieldInsertion insertion;
    const bool replace = !prefix.isEmpty() && qs(field.name).startsWith(prefix, Qt::CaseInsensitive);
    insertion.position = replace ? replaceStart : position;
    insertion.length = replace ? int(prefix.size()) : 0;
    const bool block = blankBefore(document, insertion.position);
    insertion.text = fieldText(field, block, indentOfLine(document, insertion.position), &insertion.cursor);
    const QChar before = insertion.position > 0 ? document.at(insertion.position - 1) : QChar();
    if (!block && !before.isNull() && !before.isSpace() && before != QLatin1Char('{')) {
        insertion.text.prepend(QLatin1Char(' '));
        ++insertion.cursor;
    }
    return insertion;
}

FieldInsertion intoSelection(const QString &document, const SelectionSpan &span, const Field &field) {
    FieldInsertion insertion;
    const bool block = document.mid(span.open, span.close - span.open).contains(QLatin1Char('\n')) &&
                       blankBefore(document, span.close);
    if (block) {
        const QString indent = indentOfLine(document, span.close) + kIndent;
        insertion.position = int(document.lastIndexOf(QLatin1Char('\n'), span.close - 1)) + 1;
        insertion.text = indent + fieldText(field, true, indent, &insertion.cursor) + QLatin1Char('\n');
        insertion.cursor += int(indent.size());
        return insertion;
    }
    insertion.position = span.close;
    const bool spaced = document.at(span.close - 1).isSpace();
    insertion.text = (spaced ? QString() : QStringLiteral(" ")) + fieldText(field, false, {}, &insertion.cursor);
    insertion.cursor += spaced ? 0 : 1;
    insertion.text += QLatin1Char(' ');
    return insertion;
}

// A root type's field when the document has no operation of that kind: a new operation at the end.
FieldInsertion newOperation(const Schema &schema, const QString &document, const NamedType *type, const Field &field) {
    FieldInsertion insertion;
    const bool blank = document.trimmed().isEmpty();
    QString keyword;
    if (type == schema.mutationType())
        keyword = QStringLiteral("mutation ");
    else if (type == schema.subscriptionType())
        keyword = QStringLiteral("subscription ");
    else if (!blank)
        keyword = QStringLiteral("query ");
    const QString head = (blank ? QString() : QStringLiteral("\n\n")) + keyword + QStringLiteral("{\n") + kIndent;
    insertion.position = blank ? 0 : int(document.size());
    insertion.length = blank ? int(document.size()) : 0;
    insertion.text = head + fieldText(field, true, kIndent, &insertion.cursor) + QStringLiteral("\n}\n");
    insertion.cursor += int(head.size());
    return insertion;
}

FieldInsertion refused(const QString &why) {
    FieldInsertion none;
    none.why = why;
    return none;
}

} // namespace

FieldInsertion placeField(const EditorSchema &editorSchema, const QString &document, int cursor,
                          const QString &typeName, const QString &fieldName) {
    if (editorSchema.isNull())
        return refused(QStringLiteral("No schema is loaded."));
    const Schema &schema = *editorSchema.engine();
    const NamedType *target = schema.type(typeName.toStdString());
    const Field *field = target ? target->field(fieldName.toStdString()) : nullptr;
    if (!field)
        return refused(QStringLiteral("%1 has no field %2.").arg(typeName, fieldName));
    cursor = std::clamp(cursor, 0, int(document.size()));

    const GraphQLCursorContext context = cursorContext(schema, document, cursor);
    if (context.want == GraphQLCursorContext::Want::Field && accepts(context.type, target))
        return atCursor(document, cursor, context.replaceStart, context.prefix, *field);

    const bool isRoot =
        target == schema.queryType() || target == schema.mutationType() || target == schema.subscriptionType();
    if (document.trimmed().isEmpty() && !isRoot)
        return refused(
            QStringLiteral("The query is empty; start it with a field of %1.").arg(qs(schema.queryType()->name)));
    if (document.trimmed().isEmpty())
        return newOperation(schema, document, target, *field);
    const QByteArray utf8 = document.toUtf8();
    const ParseResult parsed = parse(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    if (!parsed.ok())
        return refused(QStringLiteral("The query does not parse (%1:%2: %3); put the cursor in a selection of %4.")
                           .arg(parsed.error->loc.line)
                           .arg(parsed.error->loc.column)
                           .arg(qs(parsed.error->message), typeName));
    Collector collector(schema, document);
    for (const OperationDefinitionNode &operation : parsed.document->operations)
        collector.add(scanBrace(document, collector.offset(operation.loc), false), schema.rootType(operation.operation),
                      operation.selectionSet);
    for (const FragmentDefinitionNode &fragment : parsed.document->fragments)
        collector.add(scanBrace(document, collector.offset(fragment.loc), false), schema.type(fragment.typeCondition),
                      fragment.selectionSet);

    // The innermost selection around the cursor, else the nearest one.
    const SelectionSpan *best = nullptr;
    int bestDistance = 0;
    for (const SelectionSpan &span : collector.spans) {
        if (!accepts(span.type, target) || span.close < 0)
            continue;
        const int distance = span.open < cursor && cursor <= span.close
                                 ? -span.open
                                 : std::min(std::abs(cursor - span.open), std::abs(cursor - span.close));
        if (!best || distance < bestDistance) {
            best = &span;
            bestDistance = distance;
        }
    }
    if (best)
        return intoSelection(document, *best, *field);
    if (isRoot)
        return newOperation(schema, document, target, *field);
    const QString path = pathFromRoot(schema, target);
    return refused(path.isEmpty()
                       ? QStringLiteral("No selection of %1 in the query, and no field leads there from %2.")
                             .arg(typeName, qs(schema.queryType()->name))
                       : QStringLiteral("No selection of %1 in the query: select %2 first.").arg(typeName, path));
}

QString applyInsertion(const QString &document, const FieldInsertion &insertion, int *cursor) {
    if (insertion.position < 0)
        return document;
    if (cursor)
        *cursor = insertion.position + insertion.cursor;
    return QString(document).replace(insertion.position, insertion.length, insertion.text);
}

} // namespace triptych::editor
