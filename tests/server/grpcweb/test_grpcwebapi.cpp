#include "tests/server/grpcweb/grpcwebclient.h"
#include "tests/support/spantree.h"

#include "server/host/orderserver.h"
#include "server/tracing/tracecontext.h"
#include "server/tracing/tracer.h"

#include "orders/v1/orders.pb.h"

#include <QTest>

#include <memory>

using namespace triptych;
using namespace triptych::testing;

namespace {

QByteArray userRequest(int userId) {
    orders::v1::GetUserRequest request;
    request.set_user_id(userId);
    return framed(request);
}

QByteArray streamRequest(int userId, bool follow = false) {
    orders::v1::StreamOrdersRequest request;
    request.set_user_id(userId);
    request.set_follow(follow);
    return framed(request);
}

} // namespace

class TestGrpcWebApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        m_server = std::make_unique<OrderServer>(options);
        QVERIFY(m_server->start().ok());
    }

    void unaryAnswersMessageThenTrailers_data() {
        QTest::addColumn<bool>("text");
        QTest::newRow("binary") << false;
        QTest::newRow("text") << true;
    }
    void unaryAnswersMessageThenTrailers() {
        QFETCH(bool, text);
        const auto answer = callWeb(port(), "GetUser", userRequest(42), text);
        QVERIFY(answer);
        QCOMPARE(answer->httpStatus, 200);
        QCOMPARE(answer->contentType,
                 text ? QByteArray("application/grpc-web-text+proto") : QByteArray("application/grpc-web+proto"));
        QVERIFY(answer->framingOk);
        QCOMPARE(answer->grpcStatus(), 0);
        QCOMPARE(answer->messages.size(), 1);
        orders::v1::User user;
        QVERIFY(user.ParseFromArray(answer->messages[0].constData(), int(answer->messages[0].size())));
        QCOMPARE(user.id(), 42);
        QVERIFY(!user.name().empty());
        QCOMPARE(answer->raw.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(answer->raw.header("access-control-expose-headers").contains("grpc-status"));
    }

    void streamSendsEveryOrder_data() {
        QTest::addColumn<bool>("text");
        QTest::newRow("binary") << false;
        QTest::newRow("text") << true;
    }
    void streamSendsEveryOrder() {
        QFETCH(bool, text);
        orders::v1::UserRequest listRequest;
        listRequest.set_user_id(42);
        const auto list = callWeb(port(), "GetUserOrders", framed(listRequest));
        QVERIFY(list && list->messages.size() == 1);
        orders::v1::OrderList orders;
        QVERIFY(orders.ParseFromArray(list->messages[0].constData(), int(list->messages[0].size())));
        QVERIFY(orders.orders_size() > 0);

        const auto answer = callWeb(port(), "StreamOrders", streamRequest(42), text);
        QVERIFY(answer);
        QVERIFY(answer->framingOk);
        QCOMPARE(answer->grpcStatus(), 0);
        QCOMPARE(answer->messages.size(), orders.orders_size());
        orders::v1::Order last;
        QVERIFY(last.ParseFromArray(answer->messages.back().constData(), int(answer->messages.back().size())));
        QCOMPARE(last.id(), orders.orders(orders.orders_size() - 1).id());
    }

    void followStreamEndsAtItsDeadline() {
        const auto answer = callWeb(port(), "StreamOrders", streamRequest(42, true), false, "grpc-timeout: 300m\r\n");
        QVERIFY(answer);
        QVERIFY(answer->framingOk);
        QCOMPARE(answer->messages.size(), 1000); // user 42's orders, then the stream waits for events
        QCOMPARE(answer->grpcStatus(), 4);       // DEADLINE_EXCEEDED
    }

    void errorsCarryStatusAndDetails_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("user id 0") << QByteArray("GetUser") << userRequest(0) << 3 << QStringList{"user_id"};
        QTest::newRow("no such user") << QByteArray("GetUser") << userRequest(100000) << 5 << QStringList();
        QTest::newRow("unparseable body")
            << QByteArray("GetUser") << framed(QByteArray("\xff\xff\xff", 3)) << 3 << QStringList{"request"};
        QTest::newRow("bad framing") << QByteArray("GetUser") << QByteArray("\x00\x00", 2) << 3
                                     << QStringList{"request"};
        QTest::newRow("stream user id 0")
            << QByteArray("StreamOrders") << streamRequest(0) << 3 << QStringList{"user_id"};
        QTest::newRow("unknown method") << QByteArray("Nope") << userRequest(1) << 12 << QStringList();
        QTest::newRow("client streaming") << QByteArray("UploadOrders") << userRequest(1) << 12 << QStringList();
        QTest::newRow("write without token") << QByteArray("CancelOrder") << userRequest(1) << 16 << QStringList();
    }
    void errorsCarryStatusAndDetails() {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QStringList, fields);
        const auto answer = callWeb(port(), method, body);
        QVERIFY(answer);
        QCOMPARE(answer->httpStatus, 200);
        QVERIFY(answer->framingOk);
        QCOMPARE(answer->messages.size(), 0);
        QCOMPARE(answer->grpcStatus(), status);
        QVERIFY(!answer->trailers.value("grpc-message").isEmpty());
        if (!fields.isEmpty())
            QCOMPARE(violationFields(*answer), fields);
    }

    void writeWithTokenCreatesTheOrder() {
        orders::v1::CreateOrderRequest create;
        create.set_user_id(7);
        create.set_product("Wireless Mouse");
        create.set_quantity(2);
        const auto answer =
            callWeb(port(), "CreateOrder", framed(create), true, "Authorization: Bearer demo-token\r\n");
        QVERIFY(answer);
        QCOMPARE(answer->grpcStatus(), 0);
        QCOMPARE(answer->messages.size(), 1);
        orders::v1::Order order;
        QVERIFY(order.ParseFromArray(answer->messages[0].constData(), int(answer->messages[0].size())));
        QCOMPARE(order.user_id(), 7);
        QCOMPARE(order.quantity(), 2);
    }

    void textBodyThatIsNotBase64IsInvalid() {
        auto raw = request(port(), "POST", "/orders.v1.OrderService/GetUser",
                           "Content-Type: application/grpc-web-text\r\n", "not*base64");
        QVERIFY(raw);
        const auto answer = splitFrames(std::move(*raw), true);
        QCOMPARE(answer.grpcStatus(), 3);
    }

    void otherContentTypeIsRefused() {
        const auto raw =
            request(port(), "POST", "/orders.v1.OrderService/GetUser", "Content-Type: application/json\r\n", "{}");
        QVERIFY(raw);
        QCOMPARE(raw->status, 415);
    }

    void preflightAllowsGrpcWebHeaders() {
        const auto raw = request(port(), "OPTIONS", "/orders.v1.OrderService/GetUser",
                                 "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: POST\r\n"
                                 "Access-Control-Request-Headers: content-type,x-grpc-web,x-user-agent\r\n");
        QVERIFY(raw);
        QCOMPARE(raw->status, 204);
        QCOMPARE(raw->header("access-control-allow-origin"), QByteArray("http://localhost:3000"));
        const auto allowed = raw->header("access-control-allow-headers");
        for (const char *name : {"content-type", "x-grpc-web", "x-user-agent", "grpc-timeout"})
            QVERIFY2(allowed.contains(name), name);
        QVERIFY(raw->header("access-control-allow-methods").contains("POST"));
        const auto exposed = raw->header("access-control-expose-headers");
        QVERIFY(exposed.contains("grpc-status") && exposed.contains("grpc-message"));
    }

    void callIsTracedUnderTheHttpSpan() {
        const QByteArray traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const auto answer = callWeb(port(), "GetUser", userRequest(42), false,
                                    "traceparent: 00-" + traceId + "-00f067aa0ba902b7-01\r\n");
        QVERIFY(answer && answer->grpcStatus() == 0);
        const auto id = tracing::parseTraceId(traceId.toStdString());
        QVERIFY(id);
        SpanTree tree(m_server->tracer()->store().trace(*id));
        const auto *span = tree.named("orders.v1.OrderService/GetUser");
        QVERIFY(span);
        QCOMPARE(int(span->kind), int(tracing::SpanKind::Server));
        QCOMPARE(std::get<std::string>(*span->attribute("rpc.system")), std::string("grpc"));
        QCOMPARE(std::get<std::string>(*span->attribute("rpc.service")), std::string("orders.v1.OrderService"));
        QCOMPARE(std::get<std::string>(*span->attribute("rpc.method")), std::string("GetUser"));
        QCOMPARE(std::get<std::int64_t>(*span->attribute("rpc.grpc.status_code")), std::int64_t(0));
        QVERIFY(std::get<std::int64_t>(*span->attribute("rpc.response.body.size")) > 0);
        QCOMPARE(tree.parentName("orders.v1.OrderService/GetUser"),
                 std::string("POST /orders.v1.OrderService/{method}"));
        QVERIFY(tree.named("OrderService.user"));
        const auto *http = tree.named("POST /orders.v1.OrderService/{method}");
        QVERIFY(std::get<std::int64_t>(*http->attribute("http.request.body.size")) > 0);
        QCOMPARE(tree.parentName("OrderService.user"), std::string("orders.v1.OrderService/GetUser"));
    }

private:
    quint16 port() const { return m_server->httpPort(); }

    std::unique_ptr<OrderServer> m_server;
};

QTEST_GUILESS_MAIN(TestGrpcWebApi)
#include "test_grpcwebapi.moc"
