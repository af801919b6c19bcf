#pragma once

#include "app/client/callrecord.h"
#include "app/client/graphqlcaller.h"
#include "app/editor/editorschema.h"

#include <QObject>

namespace triptych::editor {

// Loads a schema by introspection of a GraphQL endpoint, with the request's headers, TLS and timeouts. It asks
// first for everything the engine can use (oneOf, repeatable directives, specifiedByURL) and falls back to the
// October 2021 query for servers that refuse those fields. The result is built off the GUI thread (a large
// introspection result takes tens of milliseconds). A newer load replaces the older.
class GraphQLSchemaLoader : public QObject {
    Q_OBJECT
public:
    explicit GraphQLSchemaLoader(QObject *parent = nullptr);

    void load(client::GraphQLRequest request);
    bool isLoading() const { return m_callId != 0 || m_building; }

Q_SIGNALS:
    void schemaLoaded(const triptych::editor::EditorSchema &schema);
    // Why, in words: HTTP status, introspection disabled, an invalid result, a transport error.
    void schemaLoadFailed(const QString &why);

private:
    void onCallEnded(const client::CallRecord &record);
    void build(const QByteArray &body);

    client::GraphQLCaller *m_caller;
    client::GraphQLRequest m_request;
    quint64 m_callId = 0;
    quint64 m_generation = 0; // a late build of a replaced load is dropped
    bool m_fullQuery = true;
    bool m_building = false;
};

} // namespace triptych::editor
