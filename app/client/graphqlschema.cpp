#include "app/client/graphqlschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace triptych::client {

namespace {

// Deep enough for [[T!]!]! and then some; the standard tools' queries nest seven levels too.
constexpr int kTypeRefDepth = 7;

QString typeRefSelection() {
    QString selection = QStringLiteral("kind name");
    for (int i = 0; i < kTypeRefDepth; ++i)
        selection = QStringLiteral("kind name ofType { %1 }").arg(selection);
    return selection;
}

QString str(const QJsonObject &object, const char *key) {
    return object.value(QLatin1String(key)).toString();
}

SchemaTypeRef typeRef(const QJsonObject &object) {
    const QString kind = str(object, "kind");
    const QJsonObject inner = object.value(QStringLiteral("ofType")).toObject();
    if (kind == QLatin1String("NON_NULL")) {
        SchemaTypeRef ref = typeRef(inner);
        ref.display += QLatin1Char('!');
        return ref;
    }
    if (kind == QLatin1String("LIST")) {
        SchemaTypeRef ref = typeRef(inner);
        ref.display = QLatin1Char('[') + ref.display + QLatin1Char(']');
        return ref;
    }
    const QString name = str(object, "name");
    return {name, name};
}

QList<SchemaInputValue> inputValues(const QJsonValue &array) {
    QList<SchemaInputValue> values;
    for (const auto &item : array.toArray()) {
        const auto object = item.toObject();
        values.append({str(object, "name"), str(object, "description"),
                       typeRef(object.value(QStringLiteral("type")).toObject()), str(object, "defaultValue")});
    }
    return values;
}

QList<SchemaField> fields(const QJsonValue &array) {
    QList<SchemaField> out;
    for (const auto &item : array.toArray()) {
        const auto object = item.toObject();
        out.append({str(object, "name"), str(object, "description"),
                    typeRef(object.value(QStringLiteral("type")).toObject()),
                    inputValues(object.value(QStringLiteral("args"))),
                    object.value(QStringLiteral("isDeprecated")).toBool(), str(object, "deprecationReason")});
    }
    return out;
}

QStringList names(const QJsonValue &array) {
    QStringList out;
    for (const auto &item : array.toArray())
        out.append(str(item.toObject(), "name"));
    return out;
}

bool parseKind(const QString &text, SchemaTypeKind *kind) {
    static const QList<QPair<QString, SchemaTypeKind>> kinds{
        {QStringLiteral("SCALAR"), SchemaTypeKind::Scalar},
        {QStringLiteral("OBJECT"), SchemaTypeKind::Object},
        {QStringLiteral("INTERFACE"), SchemaTypeKind::Interface},
        {QStringLiteral("UNION"), SchemaTypeKind::Union},
        {QStringLiteral("ENUM"), SchemaTypeKind::Enum},
        {QStringLiteral("INPUT_OBJECT"), SchemaTypeKind::InputObject}};
    for (const auto &[name, value] : kinds) {
        if (name == text) {
            *kind = value;
            return true;
        }
    }
    return false;
}

SchemaType schemaType(const QJsonObject &object) {
    SchemaType type;
    parseKind(str(object, "kind"), &type.kind);
    type.name = str(object, "name");
    type.description = str(object, "description");
    type.fields = fields(object.value(QStringLiteral("fields")));
    type.inputFields = inputValues(object.value(QStringLiteral("inputFields")));
    type.interfaces = names(object.value(QStringLiteral("interfaces")));
    type.possibleTypes = names(object.value(QStringLiteral("possibleTypes")));
    for (const auto &item : object.value(QStringLiteral("enumValues")).toArray()) {
        const auto value = item.toObject();
        type.enumValues.append({str(value, "name"), str(value, "description"),
                                value.value(QStringLiteral("isDeprecated")).toBool(), str(value, "deprecationReason")});
    }
    return type;
}

QString firstError(const QJsonObject &response) {
    const auto errors = response.value(QStringLiteral("errors")).toArray();
    return errors.isEmpty() ? QString() : str(errors.first().toObject(), "message");
}

} // namespace

bool SchemaType::isBuiltIn() const {
    static const QStringList scalars{QStringLiteral("Int"), QStringLiteral("Float"), QStringLiteral("String"),
                                     QStringLiteral("Boolean"), QStringLiteral("ID")};
    return name.startsWith(QLatin1String("__")) || scalars.contains(name);
}

const SchemaType *GraphQLSchemaModel::type(const QString &name) const {
    for (const auto &candidate : types) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

const SchemaField *GraphQLSchemaModel::field(const QString &typeName, const QString &fieldName) const {
    const SchemaType *owner = type(typeName);
    if (!owner)
        return nullptr;
    for (const auto &candidate : owner->fields) {
        if (candidate.name == fieldName)
            return &candidate;
    }
    return nullptr;
}

QString toString(SchemaTypeKind kind) {
    switch (kind) {
    case SchemaTypeKind::Scalar:
        return QStringLiteral("scalar");
    case SchemaTypeKind::Object:
        return QStringLiteral("type");
    case SchemaTypeKind::Interface:
        return QStringLiteral("interface");
    case SchemaTypeKind::Union:
        return QStringLiteral("union");
    case SchemaTypeKind::Enum:
        return QStringLiteral("enum");
    case SchemaTypeKind::InputObject:
        return QStringLiteral("input");
    }
    return {};
}

QString introspectionQuery() {
    const QString ref = typeRefSelection();
    return QStringLiteral(
               "query IntrospectionQuery {\n"
               "  __schema {\n"
               "    queryType { name } mutationType { name } subscriptionType { name }\n"
               "    types { ...FullType }\n"
               "    directives { name description locations args { ...InputValue } }\n"
               "  }\n"
               "}\n"
               "fragment FullType on __Type {\n"
               "  kind name description\n"
               "  fields(includeDeprecated: true) {\n"
               "    name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason\n"
               "  }\n"
               "  inputFields { ...InputValue }\n"
               "  interfaces { ...TypeRef }\n"
               "  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }\n"
               "  possibleTypes { ...TypeRef }\n"
               "}\n"
               "fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }\n"
               "fragment TypeRef on __Type { %1 }\n")
        .arg(ref);
}

GraphQLSchemaModel schemaFromIntrospection(const QByteArray &responseBody, QString *error) {
    QJsonParseError parseError{};
    const auto document = QJsonDocument::fromJson(responseBody, &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("The introspection answer is not JSON: %1").arg(parseError.errorString());
        return {};
    }
    const QJsonObject response = document.object();
    const QJsonObject schema =
        response.value(QStringLiteral("data")).toObject().value(QStringLiteral("__schema")).toObject();
    if (schema.isEmpty()) {
        const QString message = firstError(response);
        *error = message.isEmpty() ? QStringLiteral("The answer has no data.__schema: is this a GraphQL endpoint?")
                                   : QStringLiteral("The server refused introspection: %1").arg(message);
        return {};
    }
    GraphQLSchemaModel model;
    model.queryType = str(schema.value(QStringLiteral("queryType")).toObject(), "name");
    model.mutationType = str(schema.value(QStringLiteral("mutationType")).toObject(), "name");
    model.subscriptionType = str(schema.value(QStringLiteral("subscriptionType")).toObject(), "name");
    for (const auto &item : schema.value(QStringLiteral("types")).toArray()) {
        const auto object = item.toObject();
        SchemaTypeKind kind{};
        if (!parseKind(str(object, "kind"), &kind) || str(object, "name").isEmpty()) {
            *error = QStringLiteral("The introspection answer has a type without a valid kind or name");
            return {};
        }
        model.types.append(schemaType(object));
    }
    for (const auto &item : schema.value(QStringLiteral("directives")).toArray()) {
        const auto object = item.toObject();
        QStringList locations;
        for (const auto &location : object.value(QStringLiteral("locations")).toArray())
            locations.append(location.toString());
        model.directives.append({str(object, "name"), str(object, "description"), locations,
                                 inputValues(object.value(QStringLiteral("args")))});
    }
    if (model.queryType.isEmpty() || !model.type(model.queryType)) {
        *error = QStringLiteral("The introspection answer names no query type");
        return {};
    }
    return model;
}

GraphQLIntrospector::GraphQLIntrospector(QObject *parent)
    : QObject(parent)
    , m_caller(new GraphQLCaller(this)) {
    connect(m_caller, &GraphQLCaller::callFinished, this, &GraphQLIntrospector::onCallEnded);
    connect(m_caller, &GraphQLCaller::callFailed, this, &GraphQLIntrospector::onCallEnded);
}

quint64 GraphQLIntrospector::load(GraphQLRequest request) {
    if (const quint64 older = std::exchange(m_callId, 0))
        m_caller->cancel(older); // the newer load replaces the older
    request.query = introspectionQuery();
    request.variables.clear();
    request.operationName = QStringLiteral("IntrospectionQuery");
    request.useGet = false;
    request.persistedQuery = false;
    m_callId = m_caller->send(request);
    return m_callId;
}

void GraphQLIntrospector::onCallEnded(const CallRecord &record) {
    if (record.id != m_callId)
        return;
    m_callId = 0;
    if (!record.transportOk()) {
        Q_EMIT loadFailed(record.error, record);
        return;
    }
    QString error;
    const GraphQLSchemaModel schema = schemaFromIntrospection(record.body, &error);
    if (schema.isEmpty()) {
        Q_EMIT loadFailed(
            {ErrorKind::InvalidRequest, error, QStringLiteral("check the URL: it should end in /graphql")}, record);
        return;
    }
    Q_EMIT schemaLoaded(schema, record);
}

} // namespace triptych::client
