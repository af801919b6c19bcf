#pragma once

#include "app/cli/clioptions.h"
#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"

#include <QObject>

#include <functional>

namespace triptych::client {
class RestCaller;
class GraphQLCaller;
class GrpcCaller;
} // namespace triptych::client

namespace triptych::cli {

// `compare`: the contract's same-question presets asked in REST, GraphQL and gRPC one after another, then one table
// of status, time, bytes and the spans the server recorded for each.
class CliCompare : public QObject {
    Q_OBJECT
public:
    CliCompare(CliOptions options, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void compareFinished(int exitCode);

private:
    struct Row {
        QString question;
        QString style;
        client::CallRecord record;
    };
    void onSchema(const client::GrpcSchemaPtr &schema);
    void next();
    void onRecord(const client::CallRecord &record);
    void printTable();

    CliOptions m_options;
    QString m_http;
    QString m_grpc;
    client::GrpcSchemaPtr m_schema;
    client::RestCaller *m_rest;
    client::GraphQLCaller *m_graphql;
    client::GrpcCaller *m_grpcCaller;
    QList<std::function<void()>> m_steps;
    QList<Row> m_rows;
};

} // namespace triptych::cli
