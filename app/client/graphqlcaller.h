#pragma once

#include "app/client/callrecord.h"
#include "app/client/restrequest.h"

#include <QHash>
#include <QObject>

namespace triptych::client {

class RestCaller;

// One GraphQL operation over HTTP (GraphQL over HTTP spec): POST with a JSON body, or GET with query parameters.
struct GraphQLRequest {
    QString url; // e.g. http://127.0.0.1:8080/graphql
    QString query;
    QByteArray variables; // a JSON object, or empty
    QString operationName;
    bool useGet = false;
    // Automatic persisted queries: send the hash alone first, the full query only when the server asks for it.
    bool persistedQuery = false;
    RestRequest http; // headers, auth, timeouts, TLS … (url, method and body are filled in)
};

// Sends GraphQL operations through a RestCaller, handling the APQ retry (docs/editor.md): a hashed query goes by GET;
// after a miss the record holds both rounds, as messages and as spans. The record's kind is GraphQL.
class GraphQLCaller : public QObject {
    Q_OBJECT
public:
    explicit GraphQLCaller(QObject *parent = nullptr);

    quint64 send(const GraphQLRequest &request);
    void cancel(quint64 id);

    // The RestRequest that carries the operation; public so the pane can show what will be sent.
    static RestRequest toHttpRequest(const GraphQLRequest &request, bool includeQuery);

Q_SIGNALS:
    void callFinished(const triptych::client::CallRecord &record);
    void callFailed(const triptych::client::CallRecord &record);

private:
    void onFinished(const CallRecord &record);
    void onFailed(const CallRecord &record);

    RestCaller *m_rest;
    QHash<quint64, GraphQLRequest> m_persisted; // APQ calls that may need the second round
    QHash<quint64, quint64> m_publicIds;        // rest call id → the id the caller knows
    QHash<quint64, CallRecord> m_misses;        // by the retry's id: the round the server did not know the hash in
};

} // namespace triptych::client
