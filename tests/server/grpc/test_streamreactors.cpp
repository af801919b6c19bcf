// The three streaming kinds (StreamOrders, UploadOrders, TrackOrders) against an in-process server: what they send,
// their errors, and that deadlines and cancellation end them and free their subscriptions and stream slots.
#include "server/core/orderservice.h"
#include "server/grpc/limits.h"
#include "server/grpc/streamslots.h"
#include "tests/server/grpc/rpctesting.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace triptych;
using namespace triptych::testing;
namespace v1 = orders::v1;

namespace {
constexpr std::chrono::milliseconds kShortDeadline{300};
}

class TestStreamReactors : public QObject {
    Q_OBJECT

    std::unique_ptr<OrderServer> m_server;
    std::unique_ptr<v1::OrderService::Stub> m_stub;

    Order newOrderOf(UserId user) { return *m_server->service()->createOrder({user, "Desk Lamp", 2}); }
    std::size_t subscribers() const { return m_server->events()->subscriberCount(); }

private Q_SLOTS:
    void init() {
        m_server = std::make_unique<OrderServer>(grpcTestOptions());
        QVERIFY(m_server->start().ok());
        m_stub = v1::OrderService::NewStub(channelTo(*m_server));
    }
    void cleanup() {
        m_stub.reset();
        m_server.reset();
        QCOMPARE(rpc::StreamSlots::processOpenCount(), 0);
    }

    void streamOrdersSendsEveryOrderThenOk_data() {
        QTest::addColumn<int>("userId");
        QTest::addColumn<int>("count");
        QTest::newRow("user 42") << 42 << 1000;
        QTest::newRow("user 7") << 7 << 0;
    }
    void streamOrdersSendsEveryOrderThenOk() {
        QFETCH(int, userId);
        QFETCH(int, count);
        auto context = callContext();
        v1::StreamOrdersRequest request;
        request.set_user_id(userId);
        auto reader = m_stub->StreamOrders(context.get(), request);
        v1::Order order;
        int received = 0;
        int lastId = 0;
        while (reader->Read(&order)) {
            QVERIFY(order.id() > lastId);
            lastId = order.id();
            ++received;
        }
        QVERIFY(reader->Finish().ok());
        QCOMPARE(received, count);
    }

    void streamOrdersIsPaced() {
        const int interval = 40;
        auto context = callContext();
        v1::StreamOrdersRequest request;
        request.set_user_id(7);
        request.set_interval_ms(interval);
        for (int i = 0; i < 4; ++i)
            newOrderOf(7);
        QElapsedTimer clock;
        clock.start();
        auto reader = m_stub->StreamOrders(context.get(), request);
        v1::Order order;
        int received = 0;
        while (reader->Read(&order))
            ++received;
        QVERIFY(reader->Finish().ok());
        QCOMPARE(received, 4);
        QVERIFY2(clock.elapsed() >= 3 * interval, qPrintable(QString::number(clock.elapsed())));
    }

    void streamOrdersErrors_data() {
        QTest::addColumn<int>("userId");
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::newRow("user_id 0") << 0 << 0 << int(grpc::StatusCode::INVALID_ARGUMENT) << "user_id";
        QTest::newRow("negative interval") << 42 << -1 << int(grpc::StatusCode::INVALID_ARGUMENT) << "interval_ms";
        QTest::newRow("interval over a minute")
            << 42 << 60'001 << int(grpc::StatusCode::INVALID_ARGUMENT) << "interval_ms";
        QTest::newRow("unknown user") << 99999 << 0 << int(grpc::StatusCode::NOT_FOUND) << "USER_NOT_FOUND";
    }
    void streamOrdersErrors() {
        QFETCH(int, userId);
        QFETCH(int, interval);
        QFETCH(int, code);
        QFETCH(QString, detail);
        auto context = callContext();
        v1::StreamOrdersRequest request;
        request.set_user_id(userId);
        request.set_interval_ms(interval);
        auto reader = m_stub->StreamOrders(context.get(), request);
        v1::Order order;
        QVERIFY(!reader->Read(&order));
        const auto decoded = decode(reader->Finish());
        QCOMPARE(decoded.code, code);
        QVERIFY(decoded.violationFields == QStringList(detail) || decoded.reason == detail);
    }

    void streamOrdersFollowSendsLiveEvents() {
        const Order existing = newOrderOf(7);
        auto context = callContext();
        v1::StreamOrdersRequest request;
        request.set_user_id(7);
        request.set_follow(true);
        auto reader = m_stub->StreamOrders(context.get(), request);
        v1::Order order;
        QVERIFY(reader->Read(&order));
        QCOMPARE(order.id(), existing.id);
        QTRY_COMPARE(subscribers(), std::size_t(1));
        const Order created = newOrderOf(7);
        newOrderOf(8); // another user's order is not sent
        QVERIFY(m_server->service()->cancelOrder(existing.id));
        QVERIFY(reader->Read(&order));
        QCOMPARE(order.id(), created.id);
        QCOMPARE(order.status(), v1::PENDING);
        QVERIFY(reader->Read(&order));
        QCOMPARE(order.id(), existing.id);
        QCOMPARE(order.status(), v1::CANCELLED);
        context->TryCancel();
        QVERIFY(!reader->Read(&order));
        QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
        QTRY_COMPARE(subscribers(), std::size_t(0));
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), 0);
    }

    void uploadOrdersSummarizesByIndex() {
        auto context = callContext(kDemoToken);
        v1::UploadSummary summary;
        auto writer = m_stub->UploadOrders(context.get(), &summary);
        const std::vector<std::tuple<int, std::string, int>> items{{7, "Desk Lamp", 1},
                                                                   {7, "Hoverboard", 1},
                                                                   {7, "Power Bank", 0},
                                                                   {99999, "Desk Lamp", 1},
                                                                   {7, "Webcam HD", 2}};
        for (const auto &[user, product, quantity] : items) {
            v1::CreateOrderRequest request;
            request.set_user_id(user);
            request.set_product(product);
            request.set_quantity(quantity);
            QVERIFY(writer->Write(request));
        }
        QVERIFY(writer->WritesDone());
        QVERIFY(writer->Finish().ok());
        QCOMPARE(summary.received_count(), 5);
        QCOMPARE(summary.created_count(), 2);
        QCOMPARE(summary.created_size(), 2);
        QCOMPARE(summary.rejected_size(), 3);
        const std::vector<std::pair<int, std::string>> rejected{{1, "product"}, {2, "quantity"}, {3, "user_id"}};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(summary.rejected(i).index(), rejected[i].first);
            QCOMPARE(summary.rejected(i).field(), rejected[i].second);
            QVERIFY(!summary.rejected(i).reason().empty());
        }
        QCOMPARE(m_server->service()->userOrders(7)->size(), std::size_t(2)); // the invalid ones were never created
    }

    void uploadOrdersNeedsCredentials() {
        auto context = callContext();
        v1::UploadSummary summary;
        auto writer = m_stub->UploadOrders(context.get(), &summary);
        v1::CreateOrderRequest request;
        request.set_user_id(7);
        request.set_product("Desk Lamp");
        request.set_quantity(1);
        writer->Write(request);
        writer->WritesDone();
        QCOMPARE(decode(writer->Finish()).reason, QStringLiteral("MISSING_CREDENTIALS"));
        QVERIFY(m_server->service()->userOrders(7)->empty());
    }

    void uploadOrdersRefusesAnOversizedItem() {
        auto context = callContext(kDemoToken);
        v1::UploadSummary summary;
        auto writer = m_stub->UploadOrders(context.get(), &summary);
        v1::CreateOrderRequest request;
        request.set_user_id(7);
        request.set_product("Desk Lamp");
        request.set_quantity(1);
        writer->Write(request);
        request.set_product(std::string(rpc::limits::kMaxRequestMessageBytes + 1, 'x'));
        writer->Write(request);
        writer->WritesDone();
        const auto decoded = decode(writer->Finish());
        QCOMPARE(decoded.code, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(decoded.reason, QStringLiteral("MESSAGE_TOO_LARGE"));
        QVERIFY(decoded.retryDelay.has_value());
        QVERIFY(m_server->service()->userOrders(7)->empty()); // not even the valid first item
    }

    void streamsCountTowardTheRateLimit() {
        m_stub.reset();
        m_server = std::make_unique<OrderServer>(grpcTestOptions(/*rateLimitPerSecond=*/1));
        QVERIFY(m_server->start().ok());
        m_stub = v1::OrderService::NewStub(channelTo(*m_server));
        v1::StreamOrdersRequest request;
        request.set_user_id(7);
        DecodedStatus last;
        for (int i = 0; i < 2; ++i) {
            auto context = callContext();
            auto reader = m_stub->StreamOrders(context.get(), request);
            v1::Order order;
            while (reader->Read(&order)) {
            }
            last = decode(reader->Finish());
        }
        QCOMPARE(last.code, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(last.reason, QStringLiteral("RATE_LIMITED"));
        QVERIFY(last.retryDelay.has_value());
    }

    void trackOrdersSendsEventsUntilStop() {
        const Order first = newOrderOf(7);
        const Order second = newOrderOf(8);
        auto context = callContext();
        auto stream = m_stub->TrackOrders(context.get());
        v1::TrackRequest watch;
        watch.set_order_id(first.id);
        QVERIFY(stream->Write(watch));
        watch.set_order_id(second.id);
        QVERIFY(stream->Write(watch));
        QTRY_COMPARE(subscribers(), std::size_t(2));
        QVERIFY(m_server->service()->cancelOrder(second.id));
        QVERIFY(m_server->service()->advanceOrder(first.id));
        v1::OrderEvent event;
        QVERIFY(stream->Read(&event));
        QCOMPARE(event.order().id(), second.id);
        QCOMPARE(event.order().status(), v1::CANCELLED);
        QVERIFY(event.has_previous_status());
        QCOMPARE(event.previous_status(), v1::PENDING);
        QVERIFY(event.at().seconds() > 0);
        QVERIFY(stream->Read(&event));
        QCOMPARE(event.order().id(), first.id);
        QCOMPARE(event.order().status(), v1::PAID);
        QCOMPARE(event.previous_status(), v1::PENDING);
        v1::TrackRequest stop;
        stop.set_stop(true);
        QVERIFY(stream->Write(stop));
        QVERIFY(!stream->Read(&event));
        QVERIFY(stream->Finish().ok());
        QTRY_COMPARE(subscribers(), std::size_t(0));
    }

    // A half-close keeps the watches (clients that send everything first still see events); with none, it ends OK.
    void trackOrdersAfterHalfClose_data() {
        QTest::addColumn<bool>("watching");
        QTest::newRow("watching an order") << true;
        QTest::newRow("watching nothing") << false;
    }
    void trackOrdersAfterHalfClose() {
        QFETCH(bool, watching);
        const Order order = newOrderOf(7);
        auto context = callContext();
        auto stream = m_stub->TrackOrders(context.get());
        if (watching) {
            v1::TrackRequest watch;
            watch.set_order_id(order.id);
            QVERIFY(stream->Write(watch));
        }
        QVERIFY(stream->WritesDone());
        v1::OrderEvent event;
        if (!watching) {
            QVERIFY(!stream->Read(&event));
            QVERIFY(stream->Finish().ok());
            return;
        }
        QTRY_COMPARE(subscribers(), std::size_t(1));
        QVERIFY(m_server->service()->cancelOrder(order.id));
        QVERIFY(stream->Read(&event));
        QCOMPARE(event.order().status(), v1::CANCELLED);
        context->TryCancel();
        QVERIFY(!stream->Read(&event));
        QCOMPARE(stream->Finish().error_code(), grpc::StatusCode::CANCELLED);
        QTRY_COMPARE(subscribers(), std::size_t(0));
    }

    void trackOrdersErrors_data() {
        QTest::addColumn<int>("orderId");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::newRow("order_id 0") << 0 << int(grpc::StatusCode::INVALID_ARGUMENT) << "order_id";
        QTest::newRow("unknown order") << 9999999 << int(grpc::StatusCode::NOT_FOUND) << "ORDER_NOT_FOUND";
    }
    void trackOrdersErrors() {
        QFETCH(int, orderId);
        QFETCH(int, code);
        QFETCH(QString, detail);
        auto context = callContext();
        auto stream = m_stub->TrackOrders(context.get());
        v1::TrackRequest watch;
        watch.set_order_id(orderId);
        stream->Write(watch);
        v1::OrderEvent event;
        QVERIFY(!stream->Read(&event));
        const auto decoded = decode(stream->Finish());
        QCOMPARE(decoded.code, code);
        QVERIFY(decoded.violationFields == QStringList(detail) || decoded.reason == detail);
    }

    // One row per streaming kind and way of ending: the call ends with the right code and frees what it held.
    void endsAndFreesResources_data() {
        QTest::addColumn<QString>("rpc");
        QTest::addColumn<bool>("byDeadline");
        for (const char *rpc : {"StreamOrders", "UploadOrders", "TrackOrders"}) {
            QTest::newRow(qPrintable(QString("%1 deadline").arg(rpc))) << QString(rpc) << true;
            QTest::newRow(qPrintable(QString("%1 cancel").arg(rpc))) << QString(rpc) << false;
        }
    }
    void endsAndFreesResources() {
        QFETCH(QString, rpc);
        QFETCH(bool, byDeadline);
        const Order watched = newOrderOf(8);
        auto context = callContext(kDemoToken, byDeadline ? kShortDeadline : kCallDeadline);
        const auto expected = byDeadline ? grpc::StatusCode::DEADLINE_EXCEEDED : grpc::StatusCode::CANCELLED;
        grpc::Status status;
        if (rpc == "StreamOrders") {
            v1::StreamOrdersRequest request;
            request.set_user_id(7);
            request.set_follow(true);
            auto reader = m_stub->StreamOrders(context.get(), request);
            QTRY_COMPARE(subscribers(), std::size_t(1));
            if (!byDeadline)
                context->TryCancel();
            v1::Order order;
            QVERIFY(!reader->Read(&order));
            status = reader->Finish();
        } else if (rpc == "UploadOrders") {
            v1::UploadSummary summary;
            auto writer = m_stub->UploadOrders(context.get(), &summary);
            v1::CreateOrderRequest request;
            request.set_user_id(7);
            request.set_product("Desk Lamp");
            request.set_quantity(1);
            QVERIFY(writer->Write(request));
            QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), 1);
            if (!byDeadline)
                context->TryCancel();
            status = writer->Finish(); // never half-closed: only the deadline or the cancel ends it
            QVERIFY(m_server->service()->userOrders(7)->empty());
        } else {
            auto stream = m_stub->TrackOrders(context.get());
            v1::TrackRequest watch;
            watch.set_order_id(watched.id);
            QVERIFY(stream->Write(watch));
            QTRY_COMPARE(subscribers(), std::size_t(1));
            if (!byDeadline)
                context->TryCancel();
            v1::OrderEvent event;
            QVERIFY(!stream->Read(&event));
            status = stream->Finish();
        }
        QCOMPARE(status.error_code(), expected);
        QTRY_COMPARE(subscribers(), std::size_t(0));
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), 0);
    }

    void connectionShareAnswersResourceExhausted() {
        // One client's connection may hold 25 of the 100 slots with follow streams; another client still gets one.
        auto first = separateStub();
        std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
        std::vector<std::unique_ptr<grpc::ClientReader<v1::Order>>> readers;
        openFollowStreams(*first, rpc::limits::kMaxStreamsPerConnection, contexts, readers);
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), rpc::limits::kMaxStreamsPerConnection);
        const auto decoded = refusedFollowStream(*first);
        QCOMPARE(decoded.code, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(decoded.reason, QStringLiteral("TOO_MANY_STREAMS_FROM_PEER"));
        QVERIFY(decoded.retryDelay.has_value());
        auto second = separateStub();
        openFollowStreams(*second, 1, contexts, readers);
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), rpc::limits::kMaxStreamsPerConnection + 1);
        endAll(contexts, readers);
    }

    void streamCapAnswersResourceExhausted() {
        std::vector<std::unique_ptr<v1::OrderService::Stub>> clients;
        std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
        std::vector<std::unique_ptr<grpc::ClientReader<v1::Order>>> readers;
        for (int opened = 0; opened < rpc::limits::kMaxConcurrentStreams;
             opened += rpc::limits::kMaxStreamsPerConnection) {
            clients.push_back(separateStub());
            openFollowStreams(*clients.back(), rpc::limits::kMaxStreamsPerConnection, contexts, readers);
        }
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), rpc::limits::kMaxConcurrentStreams);
        const auto decoded = refusedFollowStream(*separateStub());
        QCOMPARE(decoded.code, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(decoded.reason, QStringLiteral("TOO_MANY_STREAMS"));
        QVERIFY(decoded.retryDelay.has_value());
        endAll(contexts, readers);
    }

private:
    // A client with a connection of its own (gRPC shares one between channels to the same target otherwise).
    std::unique_ptr<v1::OrderService::Stub> separateStub() {
        grpc::ChannelArguments arguments;
        arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
        return v1::OrderService::NewStub(grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(m_server->grpcPort()),
                                                                   grpc::InsecureChannelCredentials(), arguments));
    }

    static void openFollowStreams(v1::OrderService::Stub &stub, int count,
                                  std::vector<std::unique_ptr<grpc::ClientContext>> &contexts,
                                  std::vector<std::unique_ptr<grpc::ClientReader<v1::Order>>> &readers) {
        v1::StreamOrdersRequest request;
        request.set_user_id(7);
        request.set_follow(true);
        for (int i = 0; i < count; ++i) {
            contexts.push_back(callContext());
            readers.push_back(stub.StreamOrders(contexts.back().get(), request));
        }
    }

    static DecodedStatus refusedFollowStream(v1::OrderService::Stub &stub) {
        v1::StreamOrdersRequest request;
        request.set_user_id(7);
        request.set_follow(true);
        auto context = callContext();
        auto refused = stub.StreamOrders(context.get(), request);
        v1::Order order;
        if (refused->Read(&order))
            return {};
        return decode(refused->Finish());
    }

    static void endAll(std::vector<std::unique_ptr<grpc::ClientContext>> &contexts,
                       std::vector<std::unique_ptr<grpc::ClientReader<v1::Order>>> &readers) {
        for (auto &context : contexts)
            context->TryCancel();
        for (auto &reader : readers)
            QCOMPARE(reader->Finish().error_code(), grpc::StatusCode::CANCELLED);
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStreamReactors)
#include "test_streamreactors.moc"
