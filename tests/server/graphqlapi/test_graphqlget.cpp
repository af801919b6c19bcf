// GraphQL over HTTP GET against an in-process OrderServer on port 0: mutations refused, answers cacheable with
// ETag and 304, and automatic persisted queries by hash (the miss, the store by POST, the GET by hash, a mismatch).
#include "server/host/orderserver.h"
#include "tests/server/graphqlapi/graphqlclient.h"

#include <QCryptographicHash>
#include <QtTest>

using namespace triptych;
using namespace triptych::testing;

class TestGraphqlGet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mutationOverGetIsRefused();
    void getAnswersAreCacheable();
    void persistedQueryRoundTrip();

private:
    quint16 port() const { return m_server->httpPort(); }
    std::unique_ptr<OrderServer> m_server;
};

void TestGraphqlGet::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    QVERIFY(m_server->start().ok());
}

void TestGraphqlGet::mutationOverGetIsRefused() {
    auto answer = getGraphql(port(), "mutation { cancelOrder(id: 1) { id } }", "application/json");
    QVERIFY(answer);
    QCOMPARE(answer->status, 405);
    QCOMPARE(answer->header("Allow"), QByteArray("POST"));
    QVERIFY(jsonObject(*answer)["errors"].isArray());
}

void TestGraphqlGet::getAnswersAreCacheable() {
    auto first = getGraphql(port(), "{ user(id: 42) { name avatarUrl } }", kGraphqlResponseJson);
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QVERIFY(!first->header("ETag").isEmpty());
    QVERIFY(!first->header("Cache-Control").isEmpty());
    auto again =
        request(port(), "GET", "/graphql?query=" + QUrl::toPercentEncoding("{ user(id: 42) { name avatarUrl } }"),
                "Accept: application/graphql-response+json\r\nIf-None-Match: " + first->header("ETag") + "\r\n");
    QVERIFY(again);
    QCOMPARE(again->status, 304);
}

void TestGraphqlGet::persistedQueryRoundTrip() {
    const QString query = "{ user(id: 7) { name } }";
    const QByteArray hash = QCryptographicHash::hash(query.toUtf8(), QCryptographicHash::Sha256).toHex();
    const QByteArray extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    const QByteArray getPath = "/graphql?extensions=" + QUrl::toPercentEncoding(extensions);
    auto unknown = request(port(), "GET", getPath, "Accept: application/json\r\n");
    QVERIFY(unknown);
    QCOMPARE(firstErrorCode(jsonObject(*unknown)), QStringLiteral("PERSISTED_QUERY_NOT_FOUND"));

    const QByteArray store =
        "{\"query\":" + QJsonDocument(QJsonArray{query}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
        ",\"extensions\":" + extensions + "}";
    auto stored = postGraphql(port(), store, "application/json");
    QVERIFY(stored);
    QCOMPARE(stored->status, 200);
    QVERIFY(jsonObject(*stored)["data"].toObject()["user"].isObject());

    auto byHash = request(port(), "GET", getPath, "Accept: application/json\r\n");
    QVERIFY(byHash);
    QCOMPARE(byHash->status, 200);
    QCOMPARE(jsonObject(*byHash)["data"], jsonObject(*stored)["data"]);
    QVERIFY(!byHash->header("ETag").isEmpty());

    auto mismatch =
        postGraphql(port(), "{\"query\":\"{ __typename }\",\"extensions\":" + extensions + "}", "application/json");
    QVERIFY(mismatch);
    QCOMPARE(mismatch->status, 400);
}

QTEST_GUILESS_MAIN(TestGraphqlGet)
#include "test_graphqlget.moc"
