#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace triptych::workspace {

// Writes block-style YAML for people and for git: keys in the order they are written, 2-space indents, multi-line
// text as literal block scalars (`|`, `|-`, `|+`), so a one-line change is a one-line diff. Plain scalars only where
// every YAML 1.2 reader takes them back as the same string; single quotes otherwise; double quotes with escapes only
// for control characters. yaml-cpp, which reads the files back, has no emitter control over chomping, hence this.
class YamlWriter {
public:
    void scalar(QStringView key, QStringView value);
    void integer(QStringView key, qint64 value);
    void boolean(QStringView key, bool value);
    // Strings, numbers, booleans, nulls, QVariantList and QVariantMap (keys sorted), e.g. the opaque checks.
    void variant(QStringView key, const QVariant &value);

    void beginMap(QStringView key);
    void endMap();
    void beginList(QStringView key);
    void endList();
    // A list item; the keys written until endItem() form the item's map.
    void beginItem();
    void endItem();
    void itemScalar(QStringView value);
    void itemVariant(const QVariant &value);

    QByteArray bytes() const { return m_out; }

    // How a single-line string is written after "key: ": plain, 'single' or "double" quoted.
    static QByteArray inlineScalar(QStringView value);

private:
    void line(const QByteArray &text);
    void scalarAfter(const QByteArray &lead, QStringView value, int contentIndent);
    QByteArray keyText(QStringView key) const;

    QByteArray m_out;
    int m_indent = 0;
    int m_dashes = 0; // list items opened whose "- " is not written yet
};

} // namespace triptych::workspace
