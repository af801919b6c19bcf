#include "app/model/comparisonquestions.h"

#include <QCoreApplication>

namespace triptych::model {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("ComparisonQuestions", text);
}

ComparisonQuestion usersWithOrders(bool dataLoader) {
    ComparisonQuestion question;
    question.title = dataLoader ? tr("50 users with their orders (DataLoader on)")
                                : tr("50 users with their orders (DataLoader off)");
    question.notice =
        dataLoader ? tr("N+1: REST makes 51 requests and gRPC 50 calls, each with its own SQL; GraphQL asks once and "
                        "its DataLoader batches the orders into 2 SQL statements.")
                   : tr("N+1 inside the server: with the DataLoader off GraphQL still makes one request, but runs 51 "
                        "SQL statements (one per user) — count them in the SQL column and the trace.");
    question.restMethod = QStringLiteral("GET");
    question.restPath = QStringLiteral("/v1/users?limit=50");
    question.restOrdersPerUser = true;
    question.graphqlQuery = QStringLiteral("{\n  users(first: 50) {\n    edges {\n      node {\n        id name\n"
                                           "        orders { id product quantity totalCents }\n      }\n    }\n  }\n}");
    question.grpcMethod = QStringLiteral("orders.v1.OrderService/GetUserOrders");
    question.grpcRequest = QStringLiteral("{\n  \"user_id\": 1\n}");
    question.grpcUsers = 50;
    question.dataLoader = dataLoader;
    return question;
}

QList<ComparisonQuestion> makeQuestions() {
    QList<ComparisonQuestion> questions;

    ComparisonQuestion orders;
    orders.title = tr("A user's orders");
    orders.notice = tr("Payload size: the same 1,000 orders are biggest as REST's full JSON, smaller as GraphQL's "
                       "four fields and smallest as protobuf; gzip narrows the gap.");
    orders.restMethod = QStringLiteral("GET");
    orders.restPath = QStringLiteral("/v1/users/42/orders");
    orders.graphqlQuery = QStringLiteral("{\n  user(id: 42) {\n    orders { id product quantity totalCents }\n  }\n}");
    orders.grpcMethod = QStringLiteral("orders.v1.OrderService/GetUserOrders");
    orders.grpcRequest = QStringLiteral("{\n  \"user_id\": 42\n}");
    questions.append(orders);

    ComparisonQuestion avatar;
    avatar.title = tr("Name and avatar only");
    avatar.notice = tr("Over-fetching: REST sends all 30 fields of the user; GraphQL and gRPC (with a field mask) "
                       "send only the two that were asked for.");
    avatar.restMethod = QStringLiteral("GET");
    avatar.restPath = QStringLiteral("/v1/users/42");
    avatar.graphqlQuery = QStringLiteral("{\n  user(id: 42) { name avatarUrl }\n}");
    avatar.grpcMethod = QStringLiteral("orders.v1.OrderService/GetUser");
    avatar.grpcRequest = QStringLiteral("{\n  \"user_id\": 42,\n  \"read_mask\": \"name,avatarUrl\"\n}");
    questions.append(avatar);

    ComparisonQuestion live;
    live.title = tr("Live order updates");
    live.notice = tr("Streaming: the calls stay open — REST as Server-Sent Events, GraphQL as a subscription over "
                     "WebSocket, gRPC as a server stream; watch the messages arrive, Esc stops them.");
    live.restMethod = QStringLiteral("GET");
    live.restPath = QStringLiteral("/v1/users/42/orders/stream");
    live.graphqlQuery = QStringLiteral("subscription Updates($userId: ID!) {\n  orderUpdates(userId: $userId) {\n"
                                       "    previousStatus at\n    order { id status }\n  }\n}");
    live.graphqlVariables = QStringLiteral("{\n  \"userId\": 42\n}");
    live.grpcMethod = QStringLiteral("orders.v1.OrderService/StreamOrders");
    live.grpcRequest = QStringLiteral("{\n  \"user_id\": 42,\n  \"follow\": true\n}");
    live.streaming = true;
    questions.append(live);

    questions.append(usersWithOrders(true));
    questions.append(usersWithOrders(false));
    return questions;
}

} // namespace

const QList<ComparisonQuestion> &comparisonQuestions() {
    static const QList<ComparisonQuestion> questions = makeQuestions();
    return questions;
}

} // namespace triptych::model
