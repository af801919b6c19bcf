#include "app/editor/graphqlschemaloader.h"

#include "app/client/graphqlschema.h"
#include "server/graphql/schema/clientschema.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace triptych::editor {

GraphQLSchemaLoader::GraphQLSchemaLoader(QObject *parent)
    : QObject(parent)
    , m_caller(new client::GraphQLCaller(this)) {
    qRegisterMetaType<EditorSchema>();
    connect(m_caller, &client::GraphQLCaller::callFinished, this, &GraphQLSchemaLoader::onCallEnded);
    connect(m_caller, &client::GraphQLCaller::callFailed, this, &GraphQLSchemaLoader::onCallEnded);
}

void GraphQLSchemaLoader::load(client::GraphQLRequest request) {
    if (const quint64 older = std::exchange(m_callId, 0))
        m_caller->cancel(older);
    ++m_generation;
    m_building = false;
    m_request = std::move(request);
    m_request.query = QString::fromUtf8(graphql::kFullIntrospectionQuery);
    m_request.variables.clear();
    m_request.operationName = QStringLiteral("IntrospectionQuery");
    m_request.useGet = false;
    m_request.persistedQuery = false;
    m_fullQuery = true;
    m_callId = m_caller->send(m_request);
}

void GraphQLSchemaLoader::onCallEnded(const client::CallRecord &record) {
    if (record.id != m_callId)
        return;
    m_callId = 0;
    if (!record.transportOk())
        return Q_EMIT schemaLoadFailed(record.error.text());
    QString error;
    const bool answered = record.body.trimmed().startsWith('{');
    if (answered && m_fullQuery && record.body.contains("\"errors\"") && !record.body.contains("\"__schema\"")) {
        // An older server that does not know isOneOf or args(includeDeprecated:): ask the classic question.
        m_fullQuery = false;
        m_request.query = client::introspectionQuery();
        m_callId = m_caller->send(m_request);
        return;
    }
    if (record.httpStatus >= 400 && !record.body.contains("\"__schema\""))
        return Q_EMIT schemaLoadFailed(QStringLiteral("HTTP %1 from %2: %3")
                                           .arg(record.httpStatus)
                                           .arg(m_request.url, QString::fromUtf8(record.body.left(200)).simplified()));
    if (!answered) {
        const QString status = record.httpStatus ? QStringLiteral("HTTP %1: ").arg(record.httpStatus) : QString();
        return Q_EMIT schemaLoadFailed(
            status + QStringLiteral("the answer is not JSON; is %1 a GraphQL endpoint?").arg(m_request.url));
    }
    build(record.body);
}

void GraphQLSchemaLoader::build(const QByteArray &body) {
    m_building = true;
    const quint64 generation = m_generation;
    QPointer<GraphQLSchemaLoader> self(this);
    QThreadPool::globalInstance()->start([self, generation, body] {
        QString error;
        EditorSchema schema = EditorSchema::fromIntrospection(body, &error);
        // Posted to the application object, which outlives the loader; the QPointer is read on the GUI thread only.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, schema, error] {
                if (!self || generation != self->m_generation)
                    return;
                self->m_building = false;
                if (schema.isNull())
                    Q_EMIT self->schemaLoadFailed(error.contains(QLatin1String("answered with an error"))
                                                      ? QStringLiteral("Introspection refused: %1").arg(error)
                                                      : error);
                else
                    Q_EMIT self->schemaLoaded(schema);
            },
            Qt::QueuedConnection);
    });
}

} // namespace triptych::editor
