// Server reflection as outside tools use it: v1 (ours) and v1alpha (gRPC's plugin) list every service and resolve
// every symbol and file, with the imported files, so a client can build every request and response from them alone.
#include "tests/server/grpc/rpctesting.h"

#include "grpc/reflection/v1/reflection.grpc.pb.h"

#include <QtTest>

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/descriptor_database.h>

using namespace triptych;
using namespace triptych::testing;
namespace refl = grpc::reflection::v1;
using google::protobuf::DescriptorPool;
using google::protobuf::FileDescriptorProto;
using google::protobuf::SimpleDescriptorDatabase;

namespace {

const QStringList kServices{"orders.v1.OrderService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                            "grpc.reflection.v1alpha.ServerReflection"};

// v1alpha messages are wire-identical to v1's, so one client type asks either version by its method path.
class ReflectionClient {
public:
    ReflectionClient(const std::shared_ptr<grpc::Channel> &channel, const QString &version)
        : m_context(callContext())
        , m_path("/grpc.reflection." + version.toStdString() + ".ServerReflection/ServerReflectionInfo")
        , m_method(m_path.c_str(), grpc::internal::RpcMethod::BIDI_STREAMING, channel)
        , m_stream(
              grpc::internal::ClientReaderWriterFactory<refl::ServerReflectionRequest,
                                                        refl::ServerReflectionResponse>::Create(channel.get(), m_method,
                                                                                                m_context.get())) {}
    ~ReflectionClient() {
        m_stream->WritesDone();
        m_stream->Finish();
    }

    std::optional<refl::ServerReflectionResponse> ask(const refl::ServerReflectionRequest &request) {
        refl::ServerReflectionResponse response;
        if (!m_stream->Write(request) || !m_stream->Read(&response))
            return std::nullopt;
        return response;
    }
    std::optional<refl::ServerReflectionResponse> symbol(const std::string &name) {
        refl::ServerReflectionRequest request;
        request.set_file_containing_symbol(name);
        return ask(request);
    }

private:
    std::unique_ptr<grpc::ClientContext> m_context;
    std::string m_path;
    grpc::internal::RpcMethod m_method;
    std::unique_ptr<grpc::ClientReaderWriter<refl::ServerReflectionRequest, refl::ServerReflectionResponse>> m_stream;
};

// A client-side pool built only from what the server sent.
struct ClientPool {
    SimpleDescriptorDatabase database;
    DescriptorPool pool{&database};
    QStringList fileNames;
    explicit ClientPool(const refl::ServerReflectionResponse &response) {
        for (const auto &bytes : response.file_descriptor_response().file_descriptor_proto()) {
            FileDescriptorProto file;
            // gRPC 1.51's v1alpha never clears its response, so on a reused stream earlier files come again.
            if (!file.ParseFromString(bytes) || fileNames.contains(QString::fromStdString(file.name())))
                continue;
            if (database.Add(file))
                fileNames << QString::fromStdString(file.name());
        }
    }
};

void addVersionRows() {
    QTest::addColumn<QString>("version");
    QTest::newRow("v1") << "v1";
    QTest::newRow("v1alpha") << "v1alpha";
}

} // namespace

class TestReflectionService : public QObject {
    Q_OBJECT

    std::unique_ptr<OrderServer> m_server;
    std::shared_ptr<grpc::Channel> m_channel;

private Q_SLOTS:
    void initTestCase() {
        m_server = std::make_unique<OrderServer>(grpcTestOptions());
        QVERIFY(m_server->start().ok());
        m_channel = channelTo(*m_server);
    }
    void cleanupTestCase() {
        m_channel.reset();
        m_server.reset();
    }

    void listsEveryService_data() { addVersionRows(); }
    void listsEveryService() {
        QFETCH(QString, version);
        ReflectionClient client(m_channel, version);
        refl::ServerReflectionRequest request;
        request.set_list_services("");
        const auto response = client.ask(request);
        QVERIFY(response);
        QStringList names;
        for (const auto &service : response->list_services_response().service())
            names << QString::fromStdString(service.name());
        names.sort();
        QStringList expected = kServices;
        expected.sort();
        QCOMPARE(names, expected);
    }

    // Every service's file resolves with its imports: every method's request and response type is complete.
    void resolvesEveryServiceAndMethod_data() { addVersionRows(); }
    void resolvesEveryServiceAndMethod() {
        QFETCH(QString, version);
        ReflectionClient client(m_channel, version);
        for (const auto &name : kServices) {
            const auto response = client.symbol(name.toStdString());
            QVERIFY(response && response->has_file_descriptor_response());
            ClientPool received(*response);
            const auto *service = received.pool.FindServiceByName(name.toStdString());
            QVERIFY2(service, qPrintable(name));
            for (int m = 0; m < service->method_count(); ++m) {
                QVERIFY(service->method(m)->input_type());
                QVERIFY(service->method(m)->output_type());
                QVERIFY(client.symbol(service->method(m)->full_name())->has_file_descriptor_response());
            }
        }
    }

    // Every message, enum and nested type of orders.proto resolves to orders.proto with its imports.
    void resolvesEveryOrdersSymbol_data() { addVersionRows(); }
    void resolvesEveryOrdersSymbol() {
        QFETCH(QString, version);
        ReflectionClient client(m_channel, version);
        const auto *file = orders::v1::Order::descriptor()->file();
        QStringList symbols;
        for (int i = 0; i < file->message_type_count(); ++i)
            symbols << QString::fromStdString(file->message_type(i)->full_name());
        for (int i = 0; i < file->enum_type_count(); ++i)
            symbols << QString::fromStdString(file->enum_type(i)->full_name());
        QCOMPARE(symbols.size(), 15); // 14 messages and OrderStatus
        for (const auto &symbol : symbols) {
            const auto response = client.symbol(symbol.toStdString());
            QVERIFY2(response && response->has_file_descriptor_response(), qPrintable(symbol));
            ClientPool pool(*response);
            QCOMPARE(pool.fileNames.first(), QStringLiteral("orders/v1/orders.proto"));
            QVERIFY(pool.fileNames.contains("google/protobuf/timestamp.proto"));
            QVERIFY(pool.fileNames.contains("google/protobuf/field_mask.proto"));
            QVERIFY2(pool.pool.FindMessageTypeByName(symbol.toStdString()) ||
                         pool.pool.FindEnumTypeByName(symbol.toStdString()),
                     qPrintable(symbol));
        }
    }

    void filesByName_data() {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("file");
        for (const char *version : {"v1", "v1alpha"}) {
            for (const char *file :
                 {"orders/v1/orders.proto", "google/protobuf/timestamp.proto", "google/protobuf/field_mask.proto",
                  "grpc/health/v1/health.proto", "grpc/reflection/v1/reflection.proto"})
                QTest::newRow(qPrintable(QString("%1 %2").arg(version, file))) << QString(version) << QString(file);
        }
    }
    void filesByName() {
        QFETCH(QString, version);
        QFETCH(QString, file);
        ReflectionClient client(m_channel, version);
        refl::ServerReflectionRequest request;
        request.set_file_by_filename(file.toStdString());
        const auto response = client.ask(request);
        QVERIFY(response && response->has_file_descriptor_response());
        ClientPool pool(*response);
        QCOMPARE(pool.fileNames.first(), file);
        QVERIFY(pool.pool.FindFileByName(file.toStdString()));
    }

    void errorsAreResponses_data() {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("question");
        for (const char *version : {"v1", "v1alpha"}) {
            for (const char *question : {"unknown symbol", "unknown file", "extension of unknown type",
                                         "unknown extension number", "extension numbers of unknown type"})
                QTest::newRow(qPrintable(QString("%1 %2").arg(version, question)))
                    << QString(version) << QString(question);
        }
    }
    void errorsAreResponses() {
        QFETCH(QString, version);
        QFETCH(QString, question);
        refl::ServerReflectionRequest request;
        if (question == "unknown symbol")
            request.set_file_containing_symbol("orders.v1.NoSuchThing");
        else if (question == "unknown file")
            request.set_file_by_filename("orders/v9/none.proto");
        else if (question == "extension of unknown type")
            request.mutable_file_containing_extension()->set_containing_type("orders.v1.Nope");
        else if (question == "unknown extension number") {
            request.mutable_file_containing_extension()->set_containing_type("orders.v1.Order");
            request.mutable_file_containing_extension()->set_extension_number(100);
        } else
            request.set_all_extension_numbers_of_type("orders.v1.Nope");
        ReflectionClient client(m_channel, version);
        const auto response = client.ask(request);
        QVERIFY(response);
        QVERIFY(response->has_error_response());
        QCOMPARE(response->error_response().error_code(), int(grpc::StatusCode::NOT_FOUND));
        QVERIFY(!response->error_response().error_message().empty());
        // The stream stays usable after an error answer.
        QVERIFY(client.symbol("orders.v1.Order")->has_file_descriptor_response());
    }

    void extensionNumbersOfAKnownType_data() { addVersionRows(); }
    void extensionNumbersOfAKnownType() {
        QFETCH(QString, version);
        ReflectionClient client(m_channel, version);
        refl::ServerReflectionRequest request;
        request.set_all_extension_numbers_of_type("orders.v1.Order");
        const auto response = client.ask(request);
        QVERIFY(response && response->has_all_extension_numbers_response());
        QCOMPARE(response->all_extension_numbers_response().base_type_name(), std::string("orders.v1.Order"));
        QCOMPARE(response->all_extension_numbers_response().extension_number_size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReflectionService)
#include "test_reflectionservice.moc"
