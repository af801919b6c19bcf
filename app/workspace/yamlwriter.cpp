#include "app/workspace/yamlwriter.h"

#include <QRegularExpression>
#include <QVariantList>
#include <QVariantMap>

namespace triptych::workspace {

namespace {

bool isControl(char16_t c) {
    return (c < 0x20 && c != u'\t') || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff ||
           c == 0xfffe || c == 0xffff;
}

bool hasControl(QStringView value, bool allowNewline) {
    for (const QChar c : value) {
        if (c == u'\n' && allowNewline)
            continue;
        if (isControl(c.unicode()))
            return true;
    }
    return false;
}

// Words and numbers a YAML reader (1.1 or 1.2 core schema) would take for something other than a string.
bool looksTyped(QStringView value) {
    static const QRegularExpression typed(QStringLiteral(
        "^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|"
        "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|"
        "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|<<|=)$"));
    return typed.match(value).hasMatch();
}

bool isPlainSafe(QStringView value) {
    if (value.isEmpty() || value.front().isSpace() || value.back().isSpace())
        return false;
    if (QStringView(u"-?:,[]{}#&*!|>'\"%@`").contains(value.front()))
        return false;
    if (value.back() == u':' || value.contains(u": ") || value.contains(u" #") || value.contains(u'\t'))
        return false;
    if (value.startsWith(u"---") || value.startsWith(u"..."))
        return false;
    return !hasControl(value, false) && !looksTyped(value);
}

// A literal block keeps every character except carriage returns and controls; whitespace-only trailing lines would
// be taken as chomped empty lines, so such text is double-quoted instead.
bool isBlockSafe(QStringView value) {
    if (!value.contains(u'\n') || hasControl(value, true))
        return false;
    qsizetype end = value.size();
    while (end > 0 && value.at(end - 1) == u'\n')
        --end;
    const qsizetype lastBreak = value.left(end).lastIndexOf(u'\n');
    const QStringView lastLine = value.mid(lastBreak + 1, end - lastBreak - 1);
    return !lastLine.trimmed().isEmpty();
}

QByteArray doubleQuoted(QStringView value) {
    QByteArray out("\"");
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"':
            out += "\\\"";
            break;
        case u'\\':
            out += "\\\\";
            break;
        case u'\n':
            out += "\\n";
            break;
        case u'\r':
            out += "\\r";
            break;
        case u'\t':
            out += "\\t";
            break;
        default:
            if (isControl(u))
                out += "\\u" + QByteArray::number(u, 16).rightJustified(4, '0');
            else
                out += QString(c).toUtf8();
        }
    }
    return out + '"';
}

// Surrogate pairs pass through doubleQuoted one half at a time; keep them together instead.
QByteArray quoted(QStringView value) {
    bool surrogates = false;
    for (const QChar c : value)
        surrogates = surrogates || c.isSurrogate();
    if (!surrogates)
        return doubleQuoted(value);
    QByteArray out("\"");
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i).isHighSurrogate() && i + 1 < value.size()) {
            out += value.mid(i, 2).toUtf8();
            ++i;
        } else {
            const QByteArray one = doubleQuoted(value.mid(i, 1));
            out += one.mid(1, one.size() - 2);
        }
    }
    return out + '"';
}

} // namespace

QByteArray YamlWriter::inlineScalar(QStringView value) {
    if (isPlainSafe(value))
        return value.toUtf8();
    if (!hasControl(value, false) && !value.contains(u'\t'))
        return '\'' + value.toString().replace(u'\'', QStringLiteral("''")).toUtf8() + '\'';
    return quoted(value);
}

void YamlWriter::line(const QByteArray &text) {
    const int spaces = m_indent - 2 * m_dashes;
    m_out += QByteArray(spaces, ' ');
    for (int i = 0; i < m_dashes; ++i)
        m_out += "- ";
    m_dashes = 0;
    m_out += text;
    m_out += '\n';
}

QByteArray YamlWriter::keyText(QStringView key) const {
    return inlineScalar(key) + ':';
}

void YamlWriter::scalarAfter(const QByteArray &lead, QStringView value, int contentIndent) {
    if (!isBlockSafe(value)) {
        line(lead.isEmpty() ? inlineScalar(value) : lead + ' ' + inlineScalar(value));
        return;
    }
    QByteArray header("|");
    // An explicit indentation indicator when the first line starts with a space or a tab (libyaml reads a tab where
    // it would detect the indentation as a tab indent) or empty lines come first.
    if (value.front() == u' ' || value.front() == u'\t' || value.front() == u'\n')
        header += QByteArray::number(2);
    if (!value.endsWith(u'\n'))
        header += '-';
    else if (value.endsWith(u"\n\n"))
        header += '+';
    line(lead.isEmpty() ? header : lead + ' ' + header);
    QStringView rest = value;
    if (rest.endsWith(u'\n'))
        rest.chop(1);
    const QByteArray indent(contentIndent, ' ');
    for (const QStringView text : rest.split(u'\n'))
        m_out += text.isEmpty() ? QByteArray("\n") : indent + text.toUtf8() + '\n';
}

void YamlWriter::scalar(QStringView key, QStringView value) {
    scalarAfter(keyText(key), value, m_indent + 2);
}

void YamlWriter::integer(QStringView key, qint64 value) {
    line(keyText(key) + ' ' + QByteArray::number(value));
}

void YamlWriter::boolean(QStringView key, bool value) {
    line(keyText(key) + (value ? " true" : " false"));
}

void YamlWriter::beginMap(QStringView key) {
    line(keyText(key));
    m_indent += 2;
}

void YamlWriter::endMap() {
    m_indent -= 2;
}

void YamlWriter::beginList(QStringView key) {
    line(keyText(key));
    m_indent += 2;
}

void YamlWriter::endList() {
    m_indent -= 2;
}

void YamlWriter::beginItem() {
    m_indent += 2;
    ++m_dashes;
}

void YamlWriter::endItem() {
    m_indent -= 2;
}

void YamlWriter::itemScalar(QStringView value) {
    beginItem();
    scalarAfter({}, value, m_indent);
    endItem();
}

namespace {

QByteArray atomText(const QVariant &value) {
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? "true" : "false";
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toByteArray();
    case QMetaType::Double:
    case QMetaType::Float:
        return QByteArray::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    default:
        return "null";
    }
}

bool isText(const QVariant &value) {
    return value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QByteArray;
}

} // namespace

void YamlWriter::variant(QStringView key, const QVariant &value) {
    if (isText(value)) {
        scalar(key, value.toString());
    } else if (value.typeId() == QMetaType::QVariantList) {
        const QVariantList list = value.toList();
        if (list.isEmpty()) {
            line(keyText(key) + " []");
            return;
        }
        beginList(key);
        for (const QVariant &item : list)
            itemVariant(item);
        endList();
    } else if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = value.toMap();
        if (map.isEmpty()) {
            line(keyText(key) + " {}");
            return;
        }
        beginMap(key);
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            variant(it.key(), it.value());
        endMap();
    } else {
        line(keyText(key) + ' ' + atomText(value));
    }
}

void YamlWriter::itemVariant(const QVariant &value) {
    if (isText(value)) {
        itemScalar(value.toString());
        return;
    }
    beginItem();
    if (value.typeId() == QMetaType::QVariantList && !value.toList().isEmpty()) {
        for (const QVariant &item : value.toList())
            itemVariant(item);
    } else if (value.typeId() == QMetaType::QVariantMap && !value.toMap().isEmpty()) {
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            variant(it.key(), it.value());
    } else if (value.typeId() == QMetaType::QVariantList) {
        line("[]");
    } else if (value.typeId() == QMetaType::QVariantMap) {
        line("{}");
    } else {
        line(atomText(value));
    }
    endItem();
}

} // namespace triptych::workspace
