#pragma once

#include "app/client/callrecord.h"
#include "app/client/graphqlcaller.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace triptych::client {

// A schema as introspection describes it, in plain structs for the app's explorer: types, fields, arguments, their
// docs and deprecation.

enum class SchemaTypeKind { Scalar, Object, Interface, Union, Enum, InputObject };

// A type as written in SDL ("[Order!]!") and the named type under the wrappers ("Order"), for navigation.
struct SchemaTypeRef {
    QString display;
    QString namedType;
};

struct SchemaInputValue {
    QString name;
    QString description;
    SchemaTypeRef type;
    QString defaultValue; // as GraphQL text, empty when none
};

struct SchemaField {
    QString name;
    QString description;
    SchemaTypeRef type;
    QList<SchemaInputValue> args;
    bool deprecated = false;
    QString deprecationReason;
};

struct SchemaEnumValue {
    QString name;
    QString description;
    bool deprecated = false;
    QString deprecationReason;
};

struct SchemaType {
    SchemaTypeKind kind = SchemaTypeKind::Scalar;
    QString name;
    QString description;
    QList<SchemaField> fields;           // objects and interfaces
    QList<SchemaInputValue> inputFields; // input objects
    QList<SchemaEnumValue> enumValues;   // enums
    QStringList interfaces;              // objects and interfaces
    QStringList possibleTypes;           // interfaces and unions
    // Introspection's own types (__Schema, __Type …) and the built-in scalars.
    bool isBuiltIn() const;
};

struct SchemaDirective {
    QString name;
    QString description;
    QStringList locations;
    QList<SchemaInputValue> args;
};

struct GraphQLSchemaModel {
    QString queryType;
    QString mutationType;     // empty when the schema has none
    QString subscriptionType; // empty when the schema has none
    QList<SchemaType> types;  // in the server's order
    QList<SchemaDirective> directives;

    const SchemaType *type(const QString &name) const;
    const SchemaField *field(const QString &typeName, const QString &fieldName) const;
    bool isEmpty() const { return types.isEmpty(); }
};

QString toString(SchemaTypeKind kind);
// The standard introspection query (GraphQL spec, October 2021), with deprecated fields and enum values included.
QString introspectionQuery();
// Builds the model from a GraphQL response to introspectionQuery(); on failure returns an empty model and says why.
GraphQLSchemaModel schemaFromIntrospection(const QByteArray &responseBody, QString *error);

// Runs the introspection query through a GraphQLCaller and hands back the model.
class GraphQLIntrospector : public QObject {
    Q_OBJECT
public:
    explicit GraphQLIntrospector(QObject *parent = nullptr);

    // request.query is replaced by the introspection query; url, headers and the rest are kept.
    quint64 load(GraphQLRequest request);

Q_SIGNALS:
    void schemaLoaded(const triptych::client::GraphQLSchemaModel &schema, const triptych::client::CallRecord &record);
    void loadFailed(const triptych::client::CallError &error, const triptych::client::CallRecord &record);

private:
    void onCallEnded(const CallRecord &record);

    GraphQLCaller *m_caller;
    quint64 m_callId = 0;
};

} // namespace triptych::client

Q_DECLARE_METATYPE(triptych::client::GraphQLSchemaModel)
