// Requests whose bytes do not parse, in every method of orders.v1.OrderService: INVALID_ARGUMENT with a BadRequest
// naming the request (gRPC's typed handlers answered UNIMPLEMENTED with nothing, and took a broken streamed item
// for the end of the stream).
#include "server/core/orderservice.h"
#include "server/grpc/streamslots.h"
#include "tests/server/grpc/rpctesting.h"

#include <grpcpp/generic/generic_stub.h>

#include <QtTest>

#include <future>

using namespace triptych;
using namespace triptych::testing;
namespace v1 = orders::v1;

namespace {

grpc::ByteBuffer bufferOf(const QByteArray &bytes) {
    grpc::Slice slice(bytes.constData(), std::size_t(bytes.size()));
    return grpc::ByteBuffer(&slice, 1);
}

// A product name that is not UTF-8: a typed client serializes it (and logs), the server's parse refuses it.
const std::string kNotUtf8 = "\xC0\xFF";

} // namespace

class TestRawMessage : public QObject {
    Q_OBJECT

    std::unique_ptr<OrderServer> m_server;
    std::unique_ptr<v1::OrderService::Stub> m_stub;

private Q_SLOTS:
    void init() {
        m_server = std::make_unique<OrderServer>(grpcTestOptions());
        QVERIFY(m_server->start().ok());
        m_stub = v1::OrderService::NewStub(channelTo(*m_server));
    }
    void cleanup() {
        m_stub.reset();
        m_server.reset();
    }

    void unparseableRequest_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("GetUser: wire type 7") << "GetUser" << QByteArray("\x0f\x01", 2);
        QTest::newRow("GetUserOrders: truncated varint") << "GetUserOrders" << QByteArray("\x08\xff", 2);
        QTest::newRow("CreateOrder: product not UTF-8") << "CreateOrder" << QByteArray("\x12\x02\xc0\xff", 4);
        QTest::newRow("CancelOrder: length past the end") << "CancelOrder" << QByteArray("\x0a\x7f\x01", 3);
        QTest::newRow("StreamOrders: field number 0") << "StreamOrders" << QByteArray("\x00\x01", 2);
        QTest::newRow("GetUser: a read mask that is not a FieldMask") << "GetUser" << QByteArray("\x12\x01\xff", 3);
    }
    void unparseableRequest() {
        QFETCH(QString, method);
        QFETCH(QByteArray, bytes);
        grpc::GenericStub stub(channelTo(*m_server));
        auto context = callContext(kDemoToken);
        const grpc::ByteBuffer request = bufferOf(bytes);
        grpc::ByteBuffer response;
        std::promise<grpc::Status> done;
        stub.UnaryCall(context.get(), "/orders.v1.OrderService/" + method.toStdString(), grpc::StubOptions(), &request,
                       &response, [&done](grpc::Status status) { done.set_value(std::move(status)); });
        const auto decoded = decode(done.get_future().get());
        QCOMPARE(decoded.code, int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY(decoded.detailsPresent);
        QCOMPARE(decoded.violationFields, QStringList{"request"});
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), 0);
    }

    void brokenUploadItemCreatesNothing() {
        // The second item does not parse: the call fails naming it, and the valid first one is not created either.
        const auto before = m_server->service()->userOrders(7);
        QVERIFY(before.ok());
        auto context = callContext(kDemoToken);
        v1::UploadSummary summary;
        auto writer = m_stub->UploadOrders(context.get(), &summary);
        v1::CreateOrderRequest item;
        item.set_user_id(7);
        item.set_product("Desk Lamp");
        item.set_quantity(1);
        QVERIFY(writer->Write(item));
        item.set_product(kNotUtf8);
        writer->Write(item); // may already fail: the server can finish the call first
        writer->WritesDone();
        const auto decoded = decode(writer->Finish());
        QCOMPARE(decoded.code, int(grpc::StatusCode::INVALID_ARGUMENT));
        QCOMPARE(decoded.violationFields, QStringList{"request[1]"});
        QCOMPARE(m_server->service()->userOrders(7)->size(), before->size());
    }

    void brokenTrackRequestEndsTheCall() {
        // A TrackRequest (two integers and a bool) cannot be made invalid by a typed client: send bytes raw.
        grpc::ByteBuffer garbage = bufferOf(QByteArray("\x0f", 1));
        grpc::GenericStub stub(channelTo(*m_server));
        auto raw = callContext();
        grpc::ByteBuffer response;
        std::promise<grpc::Status> done;
        stub.UnaryCall(raw.get(), "/orders.v1.OrderService/TrackOrders", grpc::StubOptions(), &garbage, &response,
                       [&done](grpc::Status status) { done.set_value(std::move(status)); });
        const auto decoded = decode(done.get_future().get());
        QCOMPARE(decoded.code, int(grpc::StatusCode::INVALID_ARGUMENT));
        QCOMPARE(decoded.violationFields, QStringList{"request[0]"});
        QTRY_COMPARE(rpc::StreamSlots::processOpenCount(), 0);
    }

    void validRequestsStillAnswer() {
        // The same bytes a typed client sends: the raw handlers answer as the typed ones did.
        v1::UserRequest request;
        request.set_user_id(42);
        v1::OrderList list;
        auto context = callContext();
        QVERIFY(m_stub->GetUserOrders(context.get(), request, &list).ok());
        QCOMPARE(list.orders_size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestRawMessage)
#include "test_rawmessage.moc"
