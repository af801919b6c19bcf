// HTTP caching, content coding and versioned representations of the REST answers: strong ETags and 304, gzip,
// HEAD, v2 by path and by Accept with cursor paging; plus the parsing rules behind them.
#include "server/core/orderservice.h"
#include "server/domain/timestamps.h"
#include "server/host/orderserver.h"
#include "server/http/gzip.h"
#include "server/http/representation.h"
#include "server/rest/cursor.h"
#include "server/rest/jsonwriter.h"
#include "tests/server/rest/restclient.h"

#include <QJsonArray>
#include <QTest>

using namespace triptych;
using namespace triptych::testing;

class TestRepresentation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void acceptsGzip_data();
    void acceptsGzip();
    void noneMatch_data();
    void noneMatch();
    void cursorRoundTrip();
    void timestampsAsTheCoreFormatsThem_data();
    void timestampsAsTheCoreFormatsThem();
    void etagAndNotModified_data();
    void etagAndNotModified();
    void etagChangesAfterWrite();
    void gzipWhenAccepted_data();
    void gzipWhenAccepted();
    void headServesGetWithoutBody();
    void v2ByPathAndByAccept_data();
    void v2ByPathAndByAccept();
    void v2CursorPagingToTheEnd();

private:
    quint16 port() const { return m_server->httpPort(); }
    std::unique_ptr<OrderServer> m_server;
};

void TestRepresentation::initTestCase() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    m_server = std::make_unique<OrderServer>(options);
    QVERIFY(m_server->start().ok());
}

void TestRepresentation::cleanupTestCase() {
    m_server.reset();
}

void TestRepresentation::acceptsGzip_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("absent") << QByteArray() << false;
    QTest::newRow("gzip") << QByteArray("gzip") << true;
    QTest::newRow("list") << QByteArray("br, gzip, deflate") << true;
    QTest::newRow("upper case") << QByteArray("GZIP") << true;
    QTest::newRow("q=0 refuses") << QByteArray("gzip;q=0") << false;
    QTest::newRow("q=0.5 accepts") << QByteArray("gzip; q=0.5") << true;
    QTest::newRow("star") << QByteArray("*") << true;
    QTest::newRow("star but not gzip") << QByteArray("*, gzip;q=0") << false;
    QTest::newRow("identity only") << QByteArray("identity") << false;
}

void TestRepresentation::acceptsGzip() {
    QFETCH(QByteArray, header);
    QFETCH(bool, accepted);
    QCOMPARE(http::acceptsGzip(header.toStdString()), accepted);
}

void TestRepresentation::noneMatch_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("hits");
    QTest::newRow("same tag") << QByteArray("\"abc\"") << true;
    QTest::newRow("other tag") << QByteArray("\"abd\"") << false;
    QTest::newRow("in a list") << QByteArray("\"x\", \"abc\"") << true;
    QTest::newRow("weak form compares weakly") << QByteArray("W/\"abc\"") << true;
    QTest::newRow("star") << QByteArray("*") << true;
    QTest::newRow("unquoted") << QByteArray("abc") << false;
}

void TestRepresentation::noneMatch() {
    QFETCH(QByteArray, header);
    QFETCH(bool, hits);
    QCOMPARE(http::noneMatchHits(header.toStdString(), "\"abc\""), hits);
}

void TestRepresentation::cursorRoundTrip() {
    for (OrderId id : {0, 1, 663, 2147483647}) {
        const auto text = rest::cursor::encode(id);
        QCOMPARE(rest::cursor::decode(text), std::optional<OrderId>(id));
    }
    QVERIFY(!rest::cursor::decode(""));
    QVERIFY(!rest::cursor::decode("!!"));
    QVERIFY(!rest::cursor::decode(rest::cursor::encode(5) + "A"));
    QVERIFY(!rest::cursor::decode(std::string(200, 'A')));
    const auto packed = http::gzipCompress("hello hello hello", 6);
    QVERIFY(packed);
    QCOMPARE(gunzip(QByteArray::fromStdString(*packed)), QByteArray("hello hello hello"));
}

void TestRepresentation::timestampsAsTheCoreFormatsThem_data() {
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("epoch") << qint64(0);
    QTest::newRow("contract example") << qint64(1717243200);
    QTest::newRow("leap day") << qint64(1709208000 + 3599);
    QTest::newRow("last second of a year") << qint64(1704067199);
    QTest::newRow("before the epoch") << qint64(-1);
    QTest::newRow("year 9999") << qint64(253402300799);
    QTest::newRow("year 10000 takes the general path") << qint64(253402300800);
}

void TestRepresentation::timestampsAsTheCoreFormatsThem() {
    QFETCH(qint64, seconds);
    Order order;
    order.createdAt = seconds;
    const auto object = parseJson(QByteArray::fromStdString(rest::json::order(order))).object();
    QCOMPARE(object.value("created_at").toString(), QString::fromStdString(formatRfc3339(seconds)));
}

void TestRepresentation::etagAndNotModified_data() {
    QTest::addColumn<QByteArray>("path");
    for (const char *path : {"/v1/users", "/v1/users/42", "/v1/users/42/orders", "/v1/users/42/friends", "/v1/orders/1",
                             "/v2/users/42/orders", "/debug/dataset", "/openapi.json"})
        QTest::newRow(path) << QByteArray(path);
}

void TestRepresentation::etagAndNotModified() {
    QFETCH(QByteArray, path);
    const auto first = request(port(), "GET", path);
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    const QByteArray tag = first->header("etag");
    QVERIFY2(tag.startsWith('"') && tag.endsWith('"'), tag.constData()); // strong: no W/
    QVERIFY(!first->header("cache-control").isEmpty());
    const auto again = request(port(), "GET", path);
    QCOMPARE(again->header("etag"), tag);

    const auto cached = request(port(), "GET", path, "If-None-Match: " + tag + "\r\n");
    QVERIFY(cached);
    QCOMPARE(cached->status, 304);
    QVERIFY(cached->body.isEmpty());
    QCOMPARE(cached->header("etag"), tag);
    QVERIFY(!cached->header("cache-control").isEmpty());

    const auto stale = request(port(), "GET", path, "If-None-Match: \"0000000000000000\"\r\n");
    QCOMPARE(stale->status, 200);
    QCOMPARE(stale->body, first->body);
}

void TestRepresentation::etagChangesAfterWrite() {
    const QByteArray paths[] = {"/v1/users/45", "/v1/users/45/orders"};
    QByteArray before[2];
    for (int i = 0; i < 2; ++i)
        before[i] = request(port(), "GET", paths[i])->header("etag");
    const auto created =
        request(port(), "POST", "/v1/users/45/orders", kBearer + kJson, R"({"product":"Desk Lamp","quantity":1})");
    QCOMPARE(created->status, 201);
    for (int i = 0; i < 2; ++i) {
        const auto answer = request(port(), "GET", paths[i], "If-None-Match: " + before[i] + "\r\n");
        QCOMPARE(answer->status, 200);
        QVERIFY(answer->header("etag") != before[i]);
    }
    const QByteArray orderPath = "/v1/orders/" + QByteArray::number(parseJson(created->body).object()["id"].toInt());
    const QByteArray orderTag = request(port(), "GET", orderPath)->header("etag");
    QCOMPARE(request(port(), "POST", orderPath + "/cancel", kBearer)->status, 200);
    QVERIFY(request(port(), "GET", orderPath)->header("etag") != orderTag);
}

void TestRepresentation::gzipWhenAccepted_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("user") << QByteArray("/v1/users/42");
    QTest::newRow("1,000 orders") << QByteArray("/v1/users/42/orders");
    QTest::newRow("dataset") << QByteArray("/debug/dataset");
    QTest::newRow("problem") << QByteArray("/v1/users/999999");
}

void TestRepresentation::gzipWhenAccepted() {
    QFETCH(QByteArray, path);
    const auto plain = request(port(), "GET", path);
    QVERIFY(plain);
    QVERIFY(plain->header("content-encoding").isEmpty());
    const auto packed = request(port(), "GET", path, "Accept-Encoding: gzip, deflate\r\n");
    QVERIFY(packed);
    QCOMPARE(packed->status, plain->status);
    QCOMPARE(packed->header("content-encoding"), QByteArray("gzip"));
    QVERIFY(packed->header("vary").contains("Accept-Encoding"));
    QCOMPARE(gunzip(packed->body), plain->body);
    if (plain->status == 200) {
        QVERIFY(plain->header("vary").contains("Accept-Encoding"));
        QVERIFY(packed->header("etag") != plain->header("etag")); // different bytes, different strong tag
        const auto cached =
            request(port(), "GET", path, "Accept-Encoding: gzip\r\nIf-None-Match: " + packed->header("etag") + "\r\n");
        QCOMPARE(cached->status, 304);
    }
}

void TestRepresentation::headServesGetWithoutBody() {
    const auto get = request(port(), "GET", "/v1/users/42/orders");
    const auto head = request(port(), "HEAD", "/v1/users/42/orders");
    QVERIFY(get && head);
    QCOMPARE(head->status, 200);
    QVERIFY(head->body.isEmpty());
    QCOMPARE(head->header("content-length").toInt(), get->body.size());
    QCOMPARE(head->header("etag"), get->header("etag"));
    const auto stream = request(port(), "HEAD", "/v1/users/42/orders/stream");
    QCOMPARE(stream->status, 200);
    QCOMPARE(stream->header("content-type"), QByteArray("text/event-stream"));
}

void TestRepresentation::v2ByPathAndByAccept_data() {
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("contentType");
    const QByteArray v2 = "application/vnd.orders.v2+json";
    QTest::newRow("v2 path") << QByteArray("/v2/users/42/orders") << QByteArray() << QByteArray("application/json");
    QTest::newRow("v2 path, v2 Accept") << QByteArray("/v2/users/42/orders") << v2 << v2;
    QTest::newRow("v1 path, v2 Accept") << QByteArray("/v1/users/42/orders") << v2 << v2;
    QTest::newRow("v1 path, v2 Accept in a list")
        << QByteArray("/v1/users/42/orders") << QByteArray("application/json;q=0.5, " + v2) << v2;
}

void TestRepresentation::v2ByPathAndByAccept() {
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, contentType);
    const auto answer = request(port(), "GET", path, accept.isEmpty() ? QByteArray() : "Accept: " + accept + "\r\n");
    QVERIFY(answer);
    QCOMPARE(answer->status, 200);
    QCOMPARE(answer->header("content-type"), contentType);
    QVERIFY(answer->header("vary").contains("Accept"));
    const auto page = parseJson(answer->body).object();
    const auto items = page.value("items").toArray();
    QCOMPARE(items.size(), 20);
    QVERIFY(page.value("next_cursor").isString());
    const auto total = items.first().toObject().value("total").toObject();
    QCOMPARE(total.value("currency").toString(), QString("USD"));
    QVERIFY(total.value("amount_cents").toInt() > 0);
    const auto v1 = request(port(), "GET", "/v1/users/42/orders");
    QVERIFY(v1->header("vary").contains("Accept"));
    QVERIFY(v1->header("etag") != answer->header("etag"));
}

void TestRepresentation::v2CursorPagingToTheEnd() {
    const auto v1 = parseJson(request(port(), "GET", "/v1/users/42/orders")->body).array();
    QVector<int> ids;
    QByteArray path = "/v2/users/42/orders?limit=100";
    for (int pages = 0; pages < 50; ++pages) {
        const auto answer = request(port(), "GET", path);
        QVERIFY(answer);
        QCOMPARE(answer->status, 200);
        const auto page = parseJson(answer->body).object();
        for (const auto &item : page.value("items").toArray()) {
            const auto order = item.toObject();
            const auto same = v1[ids.size()].toObject();
            QCOMPARE(order.value("id").toInt(), same.value("id").toInt());
            QCOMPARE(order.value("total").toObject().value("amount_cents").toInt(), same.value("total_cents").toInt());
            ids << order.value("id").toInt();
        }
        if (page.value("next_cursor").isNull())
            break;
        path = "/v2/users/42/orders?limit=100&cursor=" + page.value("next_cursor").toString().toLatin1();
    }
    QCOMPARE(ids.size(), v1.size());
    QVERIFY(std::is_sorted(ids.begin(), ids.end()));
    const auto empty = parseJson(request(port(), "GET", "/v2/users/7/orders")->body).object();
    QCOMPARE(empty.value("items").toArray().size(), 0);
    QVERIFY(empty.value("next_cursor").isNull());
}

QTEST_GUILESS_MAIN(TestRepresentation)
#include "test_representation.moc"
