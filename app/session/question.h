#pragma once

#include "app/client/grpcwebframes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace triptych::session {

// One question of resources/questions.json: the same thing asked as REST, GraphQL and gRPC (each optional), what
// the server answers to it, and where the app offers it.
struct Question {
    // Request headers by name and value. `Accept-Encoding: gzip` turns on the client's gzip (the body is decoded
    // and the compressed size counted); a lesson step's values may hold {previous.rest.etag} (docs/lessons.md).
    using Headers = QList<QPair<QString, QString>>;

    struct Rest {
        QString label; // the REST pane's name for it
        QString method;
        QString path;                  // relative to the server's base URL, query included
        QByteArray body;               // JSON, indented for the editor; empty: none
        bool auth = false;             // sent with the bearer token
        bool ordersOfEachUser = false; // N+1 over the network: then GET /v1/users/{id}/orders for each listed user
        Headers headers;
        int status = 200;
    };
    struct GraphQL {
        QString label;
        QString query;
        QByteArray variables;  // a JSON object, indented; empty: none
        QString operationName; // for a document with several operations
        bool auth = false;
        bool get = false;       // GET with the query in the URL (cacheable) instead of POST
        bool persisted = false; // automatic persisted query: the hash first, the text when the server asks
        Headers headers;
        int status = 200;    // HTTP status of a query or mutation; a subscription is checked by its events
        bool errors = false; // whether the answer carries a GraphQL `errors` list
    };
    struct Grpc {
        QString label;
        QString method;     // "orders.v1.OrderService/GetUserOrders"
        QByteArray request; // JSON, indented; the first of `requests` when the question gives several
        // A client stream's messages, sent in order and then half-closed; empty: `request` alone.
        QList<QByteArray> requests;
        bool auth = false;
        // No batch RPC exists: the method is asked again for user_id 2..repeatUpToUser after the call for user 1.
        int repeatUpToUser = 0;
        QString status = QStringLiteral("OK"); // a gRPC code name
        // Native gRPC or gRPC-Web (binary, text) to the server's HTTP port; unset: as the gRPC pane has it (native
        // without a pane). A lesson step's call always says, so a step after a gRPC-Web one is native again.
        std::optional<client::GrpcTransport> transport;
    };

    // Writes that make order events while a streaming question's calls are open, so the streams have news to show.
    struct LiveEvents {
        int userId = 0;
        int everyMs = 1000; // one write (create an order, then cancel it) this often
    };

    QString id;
    QString title;
    // One sentence: what to look at in the comparison strip. {rest.time}, {graphql.sql}, {grpc.calls} … are filled
    // with the comparison's measured figures (ComparisonModel::fillNotice).
    QString notice;
    bool askAll = false;            // in the toolbar's picker and on Alt+1 …
    bool panePreset = false;        // in each of its styles' pane presets
    bool benchmark = false;         // a benchmark preset and a row of `triptych-cli compare`
    bool streaming = false;         // the calls stay open until cancelled
    std::optional<bool> dataLoader; // the embedded server's GraphQL DataLoader switch this question needs
    std::optional<int> dbLatencyMs; // the embedded server's database round trip this question needs
    std::optional<LiveEvents> liveEvents;
    std::optional<Rest> rest;
    std::optional<GraphQL> graphql;
    std::optional<Grpc> grpc;

    bool hasFollowUps() const { return (rest && rest->ordersOfEachUser) || (grpc && grpc->repeatUpToUser > 1); }
};

} // namespace triptych::session
