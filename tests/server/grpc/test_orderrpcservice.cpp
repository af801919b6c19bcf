// The unary RPCs of orders.v1.OrderService against an in-process server: answers, every error with its details,
// health, rate limiting and gzip.
#include "server/core/orderservice.h"
#include "server/domain/catalog.h"
#include "tests/server/grpc/rpctesting.h"

#include "server/tracing/tracecontext.h"
#include "server/tracing/tracer.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>

#include <QtTest>

// The encoding a call's messages arrived in; exported by libgrpc 1.51, declared in a header Debian does not install.
grpc_compression_algorithm grpc_call_test_only_get_compression_algorithm(grpc_call *call);

using namespace triptych;
using namespace triptych::testing;
namespace v1 = orders::v1;

class TestOrderRpcService : public QObject {
    Q_OBJECT

    std::unique_ptr<OrderServer> m_server;
    std::unique_ptr<v1::OrderService::Stub> m_stub;

    // A DELIVERED order of the data set, to show that it cannot be cancelled.
    int deliveredOrderId() {
        auto delivered = m_server->service()->userOrders(42, OrderStatus::Delivered, 1);
        return delivered && !delivered->empty() ? delivered->front().id : 0;
    }

    // Runs one unary RPC by name, as the error table describes it.
    grpc::Status call(const QString &rpc, int id, const QString &product, int quantity, const QString &mask,
                      const QString &token) {
        auto context = callContext(token.toStdString());
        if (rpc == "GetUser") {
            v1::GetUserRequest request;
            request.set_user_id(id);
            if (!mask.isEmpty())
                request.mutable_read_mask()->add_paths(mask.toStdString());
            v1::User user;
            return m_stub->GetUser(context.get(), request, &user);
        }
        if (rpc == "GetUserOrders") {
            v1::UserRequest request;
            request.set_user_id(id);
            v1::OrderList list;
            return m_stub->GetUserOrders(context.get(), request, &list);
        }
        v1::Order order;
        if (rpc == "CancelOrder") {
            v1::CancelOrderRequest request;
            request.set_order_id(id == -42 ? deliveredOrderId() : id);
            return m_stub->CancelOrder(context.get(), request, &order);
        }
        v1::CreateOrderRequest request;
        request.set_user_id(id);
        request.set_product(product == "<2 MiB>" ? std::string(2 * 1024 * 1024, 'x') : product.toStdString());
        request.set_quantity(quantity);
        return m_stub->CreateOrder(context.get(), request, &order);
    }

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

    void getUserSendsAllThirtyFields() {
        auto context = callContext();
        v1::GetUserRequest request;
        request.set_user_id(42);
        v1::User user;
        const auto status = m_stub->GetUser(context.get(), request, &user);
        QVERIFY2(status.ok(), status.error_message().c_str());
        const auto expected = m_server->service()->user(42);
        QCOMPARE(user.id(), 42);
        QCOMPARE(user.name(), expected->name);
        QCOMPARE(user.email(), expected->email);
        QCOMPARE(user.orders_count(), 1000);
        QCOMPARE(user.created_at().seconds(), expected->createdAt);
        QCOMPARE(user.lifetime_value_cents(), expected->lifetimeValueCents);
        QCOMPARE(v1::User::descriptor()->field_count(), 31); // REST's 30, and one added later
        QCOMPARE(user.avatar_thumbnail_url(), expected->avatarUrl + "?size=64");
    }

    // A client built before User.avatar_thumbnail_url (field 31) decodes today's answer: the 30 fields it knows,
    // field 31 kept as an unknown field.
    void anOldClientSkipsTheAddedField() {
        auto context = callContext();
        v1::GetUserRequest request;
        request.set_user_id(42);
        v1::User user;
        QVERIFY(m_stub->GetUser(context.get(), request, &user).ok());
        google::protobuf::DescriptorPool pool;
        for (const auto *file : {google::protobuf::Timestamp::descriptor()->file(),
                                 google::protobuf::FieldMask::descriptor()->file(), v1::User::descriptor()->file()}) {
            google::protobuf::FileDescriptorProto proto;
            file->CopyTo(&proto);
            for (auto &message : *proto.mutable_message_type()) {
                if (message.name() == "User" && message.field_size() == 31 && message.field(30).number() == 31)
                    message.mutable_field()->RemoveLast(); // the message as it was before the field was added
            }
            QVERIFY(pool.BuildFile(proto));
        }
        const auto *oldUser = pool.FindMessageTypeByName("orders.v1.User");
        QCOMPARE(oldUser->field_count(), 30);
        google::protobuf::DynamicMessageFactory factory(&pool);
        std::unique_ptr<google::protobuf::Message> old(factory.GetPrototype(oldUser)->New());
        QVERIFY(old->ParseFromString(user.SerializeAsString()));
        QCOMPARE(old->GetReflection()->GetString(*old, oldUser->FindFieldByName("name")), user.name());
        const auto &unknown = old->GetReflection()->GetUnknownFields(*old);
        QCOMPARE(unknown.field_count(), 1);
        QCOMPARE(unknown.field(0).number(), 31);
        QCOMPARE(unknown.field(0).length_delimited(), user.avatar_thumbnail_url());
    }

    void listUsersWithReadMask_data() {
        QTest::addColumn<int>("first");
        QTest::addColumn<QString>("mask");
        QTest::addColumn<int>("count");
        QTest::newRow("50, name and avatar") << 50 << "name,avatar_url" << 50;
        QTest::newRow("the default 20, every field") << 0 << "" << 20;
    }
    void listUsersWithReadMask() {
        QFETCH(int, first);
        QFETCH(QString, mask);
        QFETCH(int, count);
        auto context = callContext();
        v1::ListUsersRequest request;
        request.set_first(first);
        if (!mask.isEmpty())
            request.mutable_read_mask()->add_paths(mask.toStdString());
        v1::UserList list;
        const auto status = m_stub->ListUsers(context.get(), request, &list);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(list.users_size(), count);
        for (int i = 0; i < list.users_size(); ++i) {
            const auto &user = list.users(i);
            QVERIFY(!user.name().empty());
            QCOMPARE(user.id() > 0, mask.isEmpty()); // a masked user carries only what was named
            if (i > 0 && mask.isEmpty())
                QVERIFY(list.users(i - 1).id() < user.id());
            QCOMPARE(user.email().empty(), !mask.isEmpty());
        }
    }

    void listUsersRefusesABadFirst() {
        auto context = callContext();
        v1::ListUsersRequest request;
        request.set_first(101);
        v1::UserList list;
        const auto status = m_stub->ListUsers(context.get(), request, &list);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    }

    void getUserReadMask_data() {
        QTest::addColumn<QStringList>("paths");
        QTest::newRow("name and avatar_url") << QStringList({"name", "avatar_url"});
        QTest::newRow("JSON form") << QStringList({"name,avatar_url"});
    }
    void getUserReadMask() {
        QFETCH(QStringList, paths);
        auto context = callContext();
        v1::GetUserRequest request;
        request.set_user_id(42);
        for (const auto &path : paths)
            request.mutable_read_mask()->add_paths(path.toStdString());
        v1::User user;
        QVERIFY(m_stub->GetUser(context.get(), request, &user).ok());
        QVERIFY(!user.name().empty());
        QVERIFY(!user.avatar_url().empty());
        v1::User onlyThose;
        onlyThose.set_name(user.name());
        onlyThose.set_avatar_url(user.avatar_url());
        QCOMPARE(user.SerializeAsString(), onlyThose.SerializeAsString()); // nothing else set, not even id
    }

    void getUserOrders_data() {
        QTest::addColumn<int>("userId");
        QTest::addColumn<int>("count");
        QTest::newRow("user 42: 1,000 orders") << 42 << 1000;
        QTest::newRow("user 7: none") << 7 << 0;
    }
    void getUserOrders() {
        QFETCH(int, userId);
        QFETCH(int, count);
        auto context = callContext();
        v1::UserRequest request;
        request.set_user_id(userId);
        v1::OrderList list;
        QVERIFY(m_stub->GetUserOrders(context.get(), request, &list).ok());
        QCOMPARE(list.orders_size(), count);
        for (int i = 1; i < list.orders_size(); ++i)
            QVERIFY(list.orders(i - 1).id() < list.orders(i).id());
        for (const auto &order : list.orders()) {
            QCOMPARE(order.user_id(), userId);
            QCOMPARE(order.total_cents(), order.quantity() * catalog::findProduct(order.product())->unitPriceCents);
            QVERIFY(order.status() != v1::ORDER_STATUS_UNSPECIFIED);
        }
    }

    void createThenCancel() {
        auto create = callContext(kDemoToken);
        v1::CreateOrderRequest request;
        request.set_user_id(7);
        request.set_product("Desk Lamp");
        request.set_quantity(3);
        v1::Order created;
        QVERIFY(m_stub->CreateOrder(create.get(), request, &created).ok());
        QVERIFY(created.id() > 0);
        QCOMPARE(created.status(), v1::PENDING);
        QCOMPARE(created.total_cents(), 3 * 3400);
        QVERIFY(created.created_at().seconds() > 0);

        auto cancel = callContext(kDemoToken);
        v1::CancelOrderRequest cancelRequest;
        cancelRequest.set_order_id(created.id());
        v1::Order cancelled;
        QVERIFY(m_stub->CancelOrder(cancel.get(), cancelRequest, &cancelled).ok());
        QCOMPARE(cancelled.status(), v1::CANCELLED);

        auto again = callContext(kDemoToken);
        const auto decoded = decode(m_stub->CancelOrder(again.get(), cancelRequest, &cancelled));
        QCOMPARE(decoded.code, int(grpc::StatusCode::FAILED_PRECONDITION));
        QCOMPARE(decoded.reason, QStringLiteral("ORDER_ALREADY_CANCELLED"));
    }

    void errorsCarryDetails_data() {
        QTest::addColumn<QString>("rpc");
        QTest::addColumn<int>("id");
        QTest::addColumn<QString>("product");
        QTest::addColumn<int>("quantity");
        QTest::addColumn<QString>("mask");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail"); // the violated field, or the ErrorInfo reason
        using G = grpc::StatusCode;
        const QString ok = kDemoToken;
        QTest::newRow("GetUser user_id 0") << "GetUser" << 0 << "" << 0 << ""
                                           << "" << int(G::INVALID_ARGUMENT) << "user_id";
        QTest::newRow("GetUser user_id -5") << "GetUser" << -5 << "" << 0 << ""
                                            << "" << int(G::INVALID_ARGUMENT) << "user_id";
        QTest::newRow("GetUser unknown mask path") << "GetUser" << 42 << "" << 0 << "shoe_size"
                                                   << "" << int(G::INVALID_ARGUMENT) << "read_mask";
        QTest::newRow("GetUser unknown user") << "GetUser" << 99999 << "" << 0 << ""
                                              << "" << int(G::NOT_FOUND) << "USER_NOT_FOUND";
        QTest::newRow("GetUserOrders user_id 0") << "GetUserOrders" << 0 << "" << 0 << ""
                                                 << "" << int(G::INVALID_ARGUMENT) << "user_id";
        QTest::newRow("GetUserOrders unknown user") << "GetUserOrders" << 99999 << "" << 0 << ""
                                                    << "" << int(G::NOT_FOUND) << "USER_NOT_FOUND";
        QTest::newRow("CreateOrder no credentials") << "CreateOrder" << 7 << "Desk Lamp" << 1 << ""
                                                    << "" << int(G::UNAUTHENTICATED) << "MISSING_CREDENTIALS";
        QTest::newRow("CreateOrder wrong token") << "CreateOrder" << 7 << "Desk Lamp" << 1 << ""
                                                 << "nope" << int(G::UNAUTHENTICATED) << "INVALID_CREDENTIALS";
        QTest::newRow("CreateOrder quantity 0")
            << "CreateOrder" << 7 << "Desk Lamp" << 0 << "" << ok << int(G::INVALID_ARGUMENT) << "quantity";
        QTest::newRow("CreateOrder quantity 1001")
            << "CreateOrder" << 7 << "Desk Lamp" << 1001 << "" << ok << int(G::INVALID_ARGUMENT) << "quantity";
        QTest::newRow("CreateOrder unknown product")
            << "CreateOrder" << 7 << "Hoverboard" << 1 << "" << ok << int(G::INVALID_ARGUMENT) << "product";
        QTest::newRow("CreateOrder user_id 0")
            << "CreateOrder" << 0 << "Desk Lamp" << 1 << "" << ok << int(G::INVALID_ARGUMENT) << "user_id";
        QTest::newRow("CreateOrder unknown user")
            << "CreateOrder" << 99999 << "Desk Lamp" << 1 << "" << ok << int(G::NOT_FOUND) << "USER_NOT_FOUND";
        QTest::newRow("CreateOrder oversized message")
            << "CreateOrder" << 7 << "<2 MiB>" << 1 << "" << ok << int(G::RESOURCE_EXHAUSTED) << "MESSAGE_TOO_LARGE";
        QTest::newRow("CancelOrder no credentials") << "CancelOrder" << 1 << "" << 0 << ""
                                                    << "" << int(G::UNAUTHENTICATED) << "MISSING_CREDENTIALS";
        QTest::newRow("CancelOrder order_id 0")
            << "CancelOrder" << 0 << "" << 0 << "" << ok << int(G::INVALID_ARGUMENT) << "order_id";
        QTest::newRow("CancelOrder unknown order")
            << "CancelOrder" << 9999999 << "" << 0 << "" << ok << int(G::NOT_FOUND) << "ORDER_NOT_FOUND";
        QTest::newRow("CancelOrder delivered order")
            << "CancelOrder" << -42 << "" << 0 << "" << ok << int(G::FAILED_PRECONDITION) << "ORDER_ALREADY_DELIVERED";
    }
    void errorsCarryDetails() {
        QFETCH(QString, rpc);
        QFETCH(int, id);
        QFETCH(QString, product);
        QFETCH(int, quantity);
        QFETCH(QString, mask);
        QFETCH(QString, token);
        QFETCH(int, code);
        QFETCH(QString, detail);
        const auto decoded = decode(call(rpc, id, product, quantity, mask, token));
        QCOMPARE(decoded.code, code);
        QVERIFY(decoded.detailsPresent);
        QCOMPARE(decoded.detailsCode, code);
        if (code == int(grpc::StatusCode::INVALID_ARGUMENT)) {
            QCOMPARE(decoded.violationFields, QStringList(detail));
        } else {
            QCOMPARE(decoded.reason, detail);
            QCOMPARE(decoded.domain, QStringLiteral("triptych.orders.v1"));
        }
        QCOMPARE(decoded.retryDelay.has_value(), code == int(grpc::StatusCode::RESOURCE_EXHAUSTED));
    }

    void writesChangeNothingWithoutCredentials() {
        QCOMPARE(decode(call("CreateOrder", 7, "Desk Lamp", 1, {}, {})).code, int(grpc::StatusCode::UNAUTHENTICATED));
        QVERIFY(m_server->service()->userOrders(7)->empty());
    }

    void healthIsServing_data() {
        QTest::addColumn<QString>("service");
        QTest::newRow("whole server") << "";
        QTest::newRow("orders.v1.OrderService") << "orders.v1.OrderService";
    }
    void healthIsServing() {
        QFETCH(QString, service);
        auto stub = grpc::health::v1::Health::NewStub(channelTo(*m_server));
        auto context = callContext();
        grpc::health::v1::HealthCheckRequest request;
        request.set_service(service.toStdString());
        grpc::health::v1::HealthCheckResponse response;
        QVERIFY(stub->Check(context.get(), request, &response).ok());
        QCOMPARE(response.status(), grpc::health::v1::HealthCheckResponse::SERVING);
    }

    // A gzip request gets a gzip answer; an uncompressed one an uncompressed answer, though every client advertises
    // gzip.
    void gzipOnRequest_data() {
        QTest::addColumn<bool>("gzipRequest");
        QTest::newRow("gzip request") << true;
        QTest::newRow("plain request") << false;
    }
    void gzipOnRequest() {
        QFETCH(bool, gzipRequest);
        auto context = callContext();
        if (gzipRequest)
            context->set_compression_algorithm(GRPC_COMPRESS_GZIP);
        v1::UserRequest request;
        request.set_user_id(42);
        v1::OrderList list;
        QVERIFY(m_stub->GetUserOrders(context.get(), request, &list).ok());
        QCOMPARE(list.orders_size(), 1000);
        const auto answered = grpc_call_test_only_get_compression_algorithm(context->c_call());
        QCOMPARE(int(answered), int(gzipRequest ? GRPC_COMPRESS_GZIP : GRPC_COMPRESS_NONE));
    }

    // One row per RPC: the caller's traceparent becomes the parent of the server span, whose SQL spans follow, and
    // the trailing metadata answers traceresponse and server-timing.
    void traceContinuesTheCallersTrace_data() {
        QTest::addColumn<QString>("rpc");
        QTest::newRow("GetUser") << "GetUser";
        QTest::newRow("GetUserOrders") << "GetUserOrders";
        QTest::newRow("StreamOrders") << "StreamOrders";
    }
    void traceContinuesTheCallersTrace() {
        QFETCH(QString, rpc);
        const std::string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        auto context = callContext();
        context->AddMetadata("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        grpc::Status status;
        std::int64_t answerBytes = 0; // of a unary answer
        if (rpc == "StreamOrders") {
            v1::StreamOrdersRequest request;
            request.set_user_id(42);
            auto reader = m_stub->StreamOrders(context.get(), request);
            v1::Order order;
            while (reader->Read(&order)) {
            }
            status = reader->Finish();
        } else if (rpc == "GetUser") {
            v1::GetUserRequest request;
            request.set_user_id(42);
            v1::User user;
            status = m_stub->GetUser(context.get(), request, &user);
            answerBytes = std::int64_t(user.ByteSizeLong());
        } else {
            v1::UserRequest request;
            request.set_user_id(42);
            v1::OrderList list;
            status = m_stub->GetUserOrders(context.get(), request, &list);
            answerBytes = std::int64_t(list.ByteSizeLong());
        }
        QVERIFY(status.ok());
        const auto &trailers = context->GetServerTrailingMetadata();
        const auto response = trailers.find("traceresponse");
        QVERIFY(response != trailers.end());
        QVERIFY(std::string(response->second.data(), response->second.size()).starts_with("00-" + traceId + "-"));
        QVERIFY(trailers.find("server-timing") != trailers.end());
        const auto spans = m_server->tracer()->store().trace(*tracing::parseTraceId(traceId));
        const auto server = std::find_if(spans.begin(), spans.end(), [&](const auto &span) {
            return span.name == "orders.v1.OrderService/" + rpc.toStdString();
        });
        QVERIFY(server != spans.end());
        QCOMPARE(tracing::toHex(server->parentSpanId), std::string("00f067aa0ba902b7"));
        QVERIFY(std::any_of(spans.begin(), spans.end(), [&](const auto &span) {
            return span.parentSpanId == server->spanId || span.name.starts_with("SQL");
        }));
        if (answerBytes == 0)
            return; // a stream's messages have no serialization span each
        const auto serialized = std::find_if(spans.begin(), spans.end(), [&](const auto &span) {
            return span.name == "serialize protobuf" && span.parentSpanId == server->spanId;
        });
        QVERIFY(serialized != spans.end());
        QVERIFY(serialized->attribute("payload.bytes"));
        QCOMPARE(std::get<std::int64_t>(*serialized->attribute("payload.bytes")), answerBytes);
        QVERIFY(server->attribute("rpc.response.body.size"));
        QCOMPARE(std::get<std::int64_t>(*server->attribute("rpc.response.body.size")), answerBytes);
        QCOMPARE(std::get<std::int64_t>(*server->attribute("rpc.request.body.size")), std::int64_t(2)); // {user_id: 42}
    }

    // W3C Trace Context: a traceparent that is not valid is ignored and the call starts a trace of its own.
    void malformedTraceparentStartsAFreshTrace_data() {
        QTest::addColumn<QByteArray>("traceparent");
        QTest::newRow("not hex") << QByteArray("00-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-00f067aa0ba902b7-01");
        QTest::newRow("upper case") << QByteArray("00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01");
        QTest::newRow("version ff") << QByteArray("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        QTest::newRow("zero parent id") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01");
        QTest::newRow("too short") << QByteArray("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa-01");
    }
    void malformedTraceparentStartsAFreshTrace() {
        QFETCH(QByteArray, traceparent);
        auto context = callContext();
        context->AddMetadata("traceparent", traceparent.toStdString());
        v1::GetUserRequest request;
        request.set_user_id(42);
        v1::User user;
        QVERIFY(m_stub->GetUser(context.get(), request, &user).ok());
        const auto &trailers = context->GetServerTrailingMetadata();
        const auto found = trailers.find("traceresponse");
        QVERIFY(found != trailers.end());
        const std::string traceresponse(found->second.data(), found->second.size());
        const auto answered = tracing::parseTraceparent(traceresponse);
        QVERIFY(answered);
        QVERIFY(tracing::toHex(answered->traceId) != "4bf92f3577b34da6a3ce929d0e0e4736");
        const auto spans = m_server->tracer()->store().trace(answered->traceId);
        const auto server = std::find_if(
            spans.begin(), spans.end(), [](const auto &span) { return span.name == "orders.v1.OrderService/GetUser"; });
        QVERIFY(server != spans.end());
        QVERIFY(tracing::isZero(server->parentSpanId)); // the root of its own trace
        QVERIFY(server->spanId == answered->spanId);
    }

    void rateLimitAnswersRetryInfo() {
        m_stub.reset();
        m_server = std::make_unique<OrderServer>(grpcTestOptions(/*rateLimitPerSecond=*/2));
        QVERIFY(m_server->start().ok());
        m_stub = v1::OrderService::NewStub(channelTo(*m_server));
        DecodedStatus last;
        for (int i = 0; i < 3; ++i)
            last = decode(call("GetUser", 42, {}, 0, {}, {}));
        QCOMPARE(last.code, int(grpc::StatusCode::RESOURCE_EXHAUSTED));
        QCOMPARE(last.reason, QStringLiteral("RATE_LIMITED"));
        QVERIFY(last.retryDelay.has_value());
        QVERIFY(last.retryDelay->count() > 0);
    }
};

QTEST_GUILESS_MAIN(TestOrderRpcService)
#include "test_orderrpcservice.moc"
