#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace triptych::cli {

// The parsed command line of triptych-cli; positional words stay in order after the command.
struct CliOptions {
    QString command;        // rest | graphql | grpc | compare | list | send
    QStringList positional; // e.g. METHOD URL, or HOST:PORT list
    QList<QByteArray> headers;
    QList<QByteArray> data; // -d, repeatable (client-streaming messages)
    QString query;          // -q
    QByteArray variables;   // -v
    QString operationName;  // -o
    QByteArray initPayload; // --init: the connection_init payload of --subscribe, a JSON object
    QStringList protoFiles;
    QStringList importPaths;
    QStringList servers; // compare: --server URL (HTTP), --grpc HOST:PORT
    QString grpcServer;
    QString traceUrl;
    QString user; // basic auth user:password
    QString caFile;
    QString environment;        // send: --env, an environment of the workspace
    QStringList variableValues; // send: --var NAME=VALUE, repeatable
    int timeoutMs = 30'000;
    qint64 maxBodyMb = 0; // --max-body: the response size limit in MB; 0 keeps the default (256 MB)
    bool json = false;
    bool gzip = false;
    bool http2 = false;
    bool insecure = false;
    bool tls = false;
    bool get = false;
    bool apq = false;
    bool subscribe = false;
    bool legacyWs = false; // --subscribe with subscriptions-transport-ws (subprotocol graphql-ws)
    bool noTrace = false;
    bool showTemplate = false;
    bool verbose = false;
};

// Null error on success; otherwise what is wrong with the arguments.
QString parseCommandLine(const QStringList &arguments, CliOptions *options);
QString usageText();

} // namespace triptych::cli
