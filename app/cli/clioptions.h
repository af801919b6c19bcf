#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace triptych::cli {

// The parsed command line of triptych-cli; positional words stay in order after the command.
struct CliOptions {
    QString command;        // rest | graphql | grpc | compare | list | send | import | export | run | locust | lesson
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
    QString schema;                               // graphql lint: --schema URL|FILE.graphql|FILE.json
    QString environment;                          // send: --env, an environment of the workspace
    QStringList variableValues;                   // send, run, export: --var NAME=VALUE, repeatable
    QString format;                               // import: --format, empty to detect it
    QString into;                                 // import: --into WORKSPACE_DIR
    QString exportAs;                             // export: --as curl|grpcurl|postman|har
    QString dataFile;                             // run: --data FILE.csv|.json, one iteration per row
    int iterations = 0;                           // run: --iterations N; 0: one, or one per data row
    QStringList reporters{QStringLiteral("cli")}; // run: --reporter cli,json,junit
    QString out;       // export: --out FILE instead of standard output; run, locust: --out DIR for what they write
    bool bail = false; // run: --bail stops at the first failed request
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
