#include "app/interop/openapischema.h"

#include "app/interop/limits.h"

#include <QJsonArray>

namespace triptych::interop::openapi {

QJsonValue Document::pointer(const QString &reference) const {
    if (!reference.startsWith(QLatin1String("#/")))
        return QJsonValue::Undefined;
    QJsonValue at = m_root;
    for (QString part : reference.mid(2).split(QLatin1Char('/'))) {
        part.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (at.isObject())
            at = at.toObject().value(part);
        else if (at.isArray())
            at = at.toArray().at(part.toInt());
        else
            return QJsonValue::Undefined;
    }
    return at;
}

QJsonObject Document::resolve(const QJsonValue &value, QString *error) const {
    QJsonObject object = value.toObject();
    QStringList chain;
    while (object.contains(QLatin1String("$ref"))) {
        const QString reference = object.value(QLatin1String("$ref")).toString();
        if (chain.contains(reference)) {
            *error = QStringLiteral("the $ref chain %1 → %2 comes back to itself").arg(chain.join(u" → "), reference);
            return {};
        }
        chain.append(reference);
        const QJsonValue target = pointer(reference);
        if (!target.isObject()) {
            *error = reference.startsWith(QLatin1Char('#'))
                         ? QStringLiteral("$ref %1 points at nothing in the file").arg(reference)
                         : QStringLiteral("$ref %1 points outside the file, which is not read").arg(reference);
            return {};
        }
        object = target.toObject();
    }
    return object;
}

QJsonValue Document::example(const QJsonValue &schema) const {
    QStringList stack;
    return example(schema, stack);
}

QJsonValue Document::example(const QJsonValue &schemaValue, QStringList &stack) const {
    QJsonObject schema = schemaValue.toObject();
    const QString reference = schema.value(QLatin1String("$ref")).toString();
    if (!reference.isEmpty()) {
        // A schema inside itself (a tree of friends) ends here; so does a reference too deep to follow.
        if (stack.contains(reference) || stack.size() >= limits::kMaxRefDepth)
            return QJsonValue::Null;
        stack.append(reference);
        const QJsonValue value = example(pointer(reference), stack);
        stack.removeLast();
        return value;
    }
    for (const auto key : {u"example", u"default", u"const"}) {
        if (schema.contains(QStringView(key)))
            return schema.value(QStringView(key));
    }
    if (const QJsonArray examples = schema.value(QLatin1String("examples")).toArray(); !examples.isEmpty())
        return examples.first();
    if (const QJsonArray values = schema.value(QLatin1String("enum")).toArray(); !values.isEmpty())
        return values.first();
    for (const auto key : {u"allOf", u"oneOf", u"anyOf"}) {
        const QJsonArray parts = schema.value(QStringView(key)).toArray();
        if (parts.isEmpty())
            continue;
        if (key != QStringView(u"allOf"))
            return example(parts.first(), stack);
        QJsonObject merged;
        for (const QJsonValue &part : parts) {
            const QJsonObject object = example(part, stack).toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                merged.insert(it.key(), it.value());
        }
        return merged;
    }
    // 3.1 writes a nullable type as a list ["string", "null"]: the first that is not null.
    QString type = schema.value(QLatin1String("type")).toString();
    for (const QJsonValue &each : schema.value(QLatin1String("type")).toArray()) {
        if (each.toString() != QLatin1String("null")) {
            type = each.toString();
            break;
        }
    }
    if (type.isEmpty())
        type = schema.contains(QLatin1String("properties")) ? QStringLiteral("object") : QString();
    return exampleOfType(schema, type, stack);
}

QJsonValue Document::exampleOfType(const QJsonObject &schema, const QString &type, QStringList &stack) const {
    if (stack.size() >= limits::kMaxRefDepth)
        return QJsonValue::Null;
    if (type == QLatin1String("object")) {
        QJsonObject object;
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (!it.value().toObject().value(QLatin1String("readOnly")).toBool())
                object.insert(it.key(), example(it.value(), stack));
        }
        return object;
    }
    if (type == QLatin1String("array"))
        return QJsonArray{example(schema.value(QLatin1String("items")), stack)};
    if (type == QLatin1String("integer") || type == QLatin1String("number")) {
        const double minimum = schema.value(QLatin1String("minimum")).toDouble(0);
        return type == QLatin1String("integer") ? QJsonValue(qint64(minimum)) : QJsonValue(minimum);
    }
    if (type == QLatin1String("boolean"))
        return true;
    if (type == QLatin1String("string")) {
        const QString format = schema.value(QLatin1String("format")).toString();
        if (format == QLatin1String("date-time"))
            return QStringLiteral("2024-01-01T00:00:00Z");
        if (format == QLatin1String("date"))
            return QStringLiteral("2024-01-01");
        if (format == QLatin1String("uuid"))
            return QStringLiteral("00000000-0000-0000-0000-000000000000");
        if (format == QLatin1String("email"))
            return QStringLiteral("user@example.com");
        return QStringLiteral("string");
    }
    return QJsonValue::Null;
}

QJsonValue ownExample(const QJsonObject &object) {
    if (object.contains(QLatin1String("example")))
        return object.value(QLatin1String("example"));
    const QJsonObject examples = object.value(QLatin1String("examples")).toObject();
    if (!examples.isEmpty())
        return examples.begin().value().toObject().value(QLatin1String("value"));
    return QJsonValue::Undefined;
}

} // namespace triptych::interop::openapi
