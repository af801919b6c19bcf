// gRPC-Web under gRPC's limits: its streams take the gRPC server's stream slots (one pool of 100, the same share of
// 50 per address), and a unary call honours grpc-timeout with DEADLINE_EXCEEDED as the same call over gRPC does.
#include "tests/server/grpcweb/grpcwebclient.h"

#include "server/grpc/limits.h"
#include "server/host/orderserver.h"

#include "orders/v1/orders.grpc.pb.h"

#include <QHostAddress>
#include <QNetworkInterface>
#include <QTcpSocket>
#include <QTest>

#include <grpcpp/grpcpp.h>

#include <memory>

using namespace triptych;
using namespace triptych::testing;

namespace {

constexpr int kWaitMs = 10'000;

ServerOptions smallServer() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    return options;
}

QByteArray streamRequest(bool follow) {
    orders::v1::StreamOrdersRequest request;
    request.set_user_id(42);
    request.set_follow(follow);
    return framed(request);
}

// A gRPC-Web StreamOrders call from `host`; with follow it stays open. The socket once the answer's head and its
// first bytes are in, or null.
std::unique_ptr<QTcpSocket> openWebStream(const QHostAddress &host, quint16 port, bool follow = true) {
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(host, port);
    if (!socket->waitForConnected(kWaitMs))
        return nullptr;
    const QByteArray body = streamRequest(follow);
    socket->write("POST /orders.v1.OrderService/StreamOrders HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
                  "Content-Type: application/grpc-web+proto\r\nX-Grpc-Web: 1\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\n\r\n" + body);
    return socket->waitForReadyRead(kWaitMs) && socket->peek(13) == "HTTP/1.1 200 " ? std::move(socket) : nullptr;
}

// Reads a gRPC-Web answer until the server closes; its bytes, trailer frame included.
QByteArray readAll(QTcpSocket &socket) {
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(kWaitMs))
        answer += socket.readAll();
    return answer + socket.readAll();
}

std::unique_ptr<orders::v1::OrderService::Stub> grpcStub(const OrderServer &server) {
    return orders::v1::OrderService::NewStub(
        grpc::CreateChannel("127.0.0.1:" + std::to_string(server.grpcPort()), grpc::InsecureChannelCredentials()));
}

// An address of this machine other than loopback, or a null address.
QHostAddress otherAddress() {
    for (const QHostAddress &address : QNetworkInterface::allAddresses())
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            return address;
    return {};
}

} // namespace

class TestGrpcWebLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void webAndGrpcStreamsShareTheSlots() {
        OrderServer server(smallServer());
        QVERIFY(server.start().ok());
        // gRPC streams on one channel up to its share, gRPC-Web streams for the rest: every slot taken.
        auto stub = grpcStub(server);
        std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
        std::vector<std::unique_ptr<grpc::ClientReader<orders::v1::Order>>> readers;
        orders::v1::StreamOrdersRequest request;
        request.set_user_id(42);
        request.set_follow(true);
        for (int i = 0; i < rpc::limits::kMaxStreamsPerConnection; ++i) {
            contexts.push_back(std::make_unique<grpc::ClientContext>());
            readers.push_back(stub->StreamOrders(contexts.back().get(), request));
            orders::v1::Order first;
            QVERIFY(readers.back()->Read(&first));
        }
        std::vector<std::unique_ptr<QTcpSocket>> web;
        while (int(web.size()) < rpc::limits::kMaxConcurrentStreams - rpc::limits::kMaxStreamsPerConnection) {
            web.push_back(openWebStream(QHostAddress::LocalHost, server.httpPort()));
            QVERIFY(web.back());
        }

        const auto refusedWeb = callWeb(server.httpPort(), "StreamOrders", streamRequest(false));
        QVERIFY(refusedWeb);
        QCOMPARE(refusedWeb->grpcStatus(), 8); // RESOURCE_EXHAUSTED
        QVERIFY2(refusedWeb->trailers.value("grpc-message").startsWith("all 100 streaming calls"),
                 refusedWeb->trailers.value("grpc-message").constData());
        {
            auto otherChannel = grpcStub(server); // a channel of its own: not held back by the first one's share
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
            auto refused = otherChannel->StreamOrders(&context, request);
            orders::v1::Order none;
            QVERIFY(!refused->Read(&none));
            const auto status = refused->Finish();
            QCOMPARE(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
            QVERIFY2(status.error_message().starts_with("all 100 streaming calls"), status.error_message().c_str());
        }

        web.pop_back(); // one gRPC-Web client leaves: its slot is free again
        const auto streamServed = [&] {
            const auto answer = callWeb(server.httpPort(), "StreamOrders", streamRequest(false));
            return answer && answer->grpcStatus() == 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(streamServed(), kWaitMs);
        for (std::size_t i = 0; i < readers.size(); ++i) {
            contexts[i]->TryCancel();
            readers[i]->Finish();
        }
    }

    void webStreamsTakeTheAddressShare() {
        const QHostAddress other = otherAddress();
        if (other.isNull())
            QSKIP("this machine has no address other than loopback");
        ServerOptions options = smallServer();
        options.bindAddress = "0.0.0.0";
        OrderServer server(options);
        QVERIFY(server.start().ok());
        std::vector<std::unique_ptr<QTcpSocket>> held;
        while (int(held.size()) < rpc::limits::kMaxStreamsPerAddress) {
            held.push_back(openWebStream(other, server.httpPort()));
            QVERIFY(held.back());
        }
        auto refused = openWebStream(other, server.httpPort(), false);
        QVERIFY(refused);
        const QByteArray answer = readAll(*refused);
        QVERIFY2(answer.contains("grpc-status:8") && answer.contains("this address already holds 50 streaming"),
                 answer.constData());
        // Loopback clients are not one peer: their calls are not held to the address share.
        auto local = openWebStream(QHostAddress::LocalHost, server.httpPort(), false);
        QVERIFY(local);
        QVERIFY2(readAll(*local).contains("grpc-status:0"), "a loopback stream was refused");
    }

    void unaryHonoursGrpcTimeout_data() {
        QTest::addColumn<QByteArray>("timeout"); // grpc-timeout, or empty for none
        QTest::addColumn<int>("dbLatencyMs");
        QTest::addColumn<int>("status");
        QTest::newRow("no timeout") << QByteArray() << 100 << 0;
        QTest::newRow("timeout already passed") << QByteArray("0n") << 0 << 4;
        QTest::newRow("timeout passes during the work") << QByteArray("30m") << 100 << 4;
        QTest::newRow("timeout far enough") << QByteArray("30S") << 100 << 0;
    }
    void unaryHonoursGrpcTimeout() {
        QFETCH(QByteArray, timeout);
        QFETCH(int, dbLatencyMs);
        QFETCH(int, status);
        ServerOptions options = smallServer();
        options.dbLatency = std::chrono::milliseconds(dbLatencyMs);
        OrderServer server(options);
        QVERIFY(server.start().ok());
        orders::v1::UserRequest request;
        request.set_user_id(42);
        const QByteArray header = timeout.isEmpty() ? QByteArray() : "grpc-timeout: " + timeout + "\r\n";
        const auto web = callWeb(server.httpPort(), "GetUserOrders", framed(request), false, header);
        QVERIFY(web);
        QVERIFY(web->framingOk);
        QCOMPARE(web->grpcStatus(), status);
        QCOMPARE(web->messages.size(), status == 0 ? 1 : 0);

        // The same call over gRPC ends the same way.
        auto stub = grpcStub(server);
        grpc::ClientContext context;
        if (!timeout.isEmpty()) {
            const int ms = timeout == "0n" ? 0 : timeout == "30m" ? 30 : 30'000;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(ms));
        }
        orders::v1::OrderList list;
        QCOMPARE(int(stub->GetUserOrders(&context, request, &list).error_code()), status);
    }
};

QTEST_GUILESS_MAIN(TestGrpcWebLimits)
#include "test_grpcweblimits.moc"
