// The gRPC pane against servers that need more than the defaults: reflection that wants a header (the pane's
// metadata goes with Reflect), and the embedded server's HTTP port over gRPC-Web, binary and text.
#include "app/client/grpcwebframes.h"
#include "app/ui/grpcconnectioneditor.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "server/grpc/reflectionresolver.h"
#include "server/grpc/reflectionservice.h"
#include "testserver.h"

#include "orders/v1/orders.pb.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

#include <grpcpp/grpcpp.h>

#include <google/protobuf/descriptor.h>

using namespace triptych;
namespace reflection = grpc::reflection::v1;

namespace {

constexpr const char *kKeyHeader = "x-reflection-key";

// grpc.reflection.v1 that answers UNAUTHENTICATED unless the call carries `x-reflection-key: open-sesame`.
class GuardedReflection final : public reflection::ServerReflection::CallbackService {
public:
    GuardedReflection()
        : m_inner(rpc::ReflectionResolver({"orders.v1.OrderService"},
                                          *google::protobuf::DescriptorPool::generated_pool())) {}

    grpc::ServerBidiReactor<reflection::ServerReflectionRequest, reflection::ServerReflectionResponse> *
    ServerReflectionInfo(grpc::CallbackServerContext *call) override {
        const auto key = call->client_metadata().find(kKeyHeader);
        if (key != call->client_metadata().end() && key->second == "open-sesame")
            return m_inner.ServerReflectionInfo(call);
        return new Refusal();
    }

private:
    class Refusal final
        : public grpc::ServerBidiReactor<reflection::ServerReflectionRequest, reflection::ServerReflectionResponse> {
    public:
        Refusal() { Finish(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "reflection needs x-reflection-key")); }
        void OnDone() override { delete this; }
    };

    rpc::ReflectionService m_inner;
};

workspace::RequestDocument grpcDocument(const QString &target, const QString &method, const QString &message) {
    workspace::RequestDocument document;
    document.style = workspace::RequestStyle::Grpc;
    document.grpc.target = target;
    document.grpc.method = method;
    document.grpc.message = message;
    document.grpc.deadlineMs = 5000;
    return document;
}

} // namespace

class TestGrpcPaneTransport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.start());
        orders::v1::User linked; // the generated pool holds orders.proto only once its code is linked in
        (void)linked;
        grpc::ServerBuilder builder;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &m_guardedPort);
        builder.RegisterService(&m_guarded);
        m_guardedServer = builder.BuildAndStart();
        QVERIFY(m_guardedServer && m_guardedPort > 0);
    }
    void cleanupTestCase() {
        m_guardedServer->Shutdown(std::chrono::system_clock::now());
        m_guardedServer.reset();
    }

    void reflectSendsThePanesMetadata_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("loads");
        QTest::newRow("with the key") << "open-sesame" << true;
        QTest::newRow("wrong key") << "guess" << false;
        QTest::newRow("without") << "" << false;
    }
    void reflectSendsThePanesMetadata() {
        QFETCH(QString, key);
        QFETCH(bool, loads);
        ui::GrpcPane pane;
        auto document = grpcDocument(QStringLiteral("127.0.0.1:%1").arg(m_guardedPort),
                                     QStringLiteral("orders.v1.OrderService/GetUser"), QStringLiteral("{}"));
        if (!key.isEmpty())
            document.grpc.metadata.append({QString::fromLatin1(kKeyHeader), key, true});
        pane.loadDocument(document);
        QSignalSpy loaded(&pane, &ui::GrpcPane::schemaFinished);
        pane.loadSchema();
        if (loads) {
            QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(pane.responseView()->errorText().contains(QStringLiteral("Could not load")), 10000);
        QVERIFY2(pane.responseView()->errorText().contains(QStringLiteral("x-reflection-key")),
                 qPrintable(pane.responseView()->errorText()));
        QCOMPARE(loaded.size(), 0);
    }

    void callsOverGrpcWeb_data() {
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("expected");
        QTest::newRow("binary unary") << int(workspace::GrpcTransport::GrpcWeb)
                                      << QStringLiteral("orders.v1.OrderService/GetUser") << QStringLiteral("OK");
        QTest::newRow("text stream") << int(workspace::GrpcTransport::GrpcWebText)
                                     << QStringLiteral("orders.v1.OrderService/StreamOrders") << QStringLiteral("OK");
    }
    void callsOverGrpcWeb() {
        QFETCH(int, transport);
        QFETCH(QString, method);
        QFETCH(QString, expected);
        ui::GrpcPane pane;
        pane.setServer(m_server.state());
        auto document = grpcDocument(QStringLiteral("127.0.0.1:%1").arg(m_server.state().httpPort), method,
                                     QStringLiteral(R"({"user_id": 42})"));
        document.grpc.transport = workspace::GrpcTransport(transport);
        pane.loadDocument(document);
        QCOMPARE(pane.connectionEditor()->transportBox()->currentIndex(), transport);
        QSignalSpy completed(&pane, &ui::ComposerPane::callCompleted);
        pane.send(); // reflects on the embedded gRPC port first, then calls the HTTP port
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 15000);
        QCOMPARE(pane.responseView()->statusText(), expected);
        const auto record = completed.first().at(0).value<client::CallRecord>();
        QVERIFY(client::isGrpcWebAnswer(record));
        QVERIFY(pane.responseView()->sizesText().contains(QStringLiteral("as text")));
    }

    // A lesson step's question says its transport: the pane moves a target that follows the embedded server to the
    // port that transport uses, and restoreTransport() puts back what it had before the first switch.
    void aQuestionSwitchesTheTransport_data() {
        QTest::addColumn<QString>("transport");
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("httpPort");
        QTest::newRow("gRPC-Web binary") << "grpc-web" << int(workspace::GrpcTransport::GrpcWeb) << true;
        QTest::newRow("gRPC-Web text") << "grpc-web-text" << int(workspace::GrpcTransport::GrpcWebText) << true;
        QTest::newRow("native") << "grpc" << int(workspace::GrpcTransport::Grpc) << false;
    }
    void aQuestionSwitchesTheTransport() {
        QFETCH(QString, transport);
        QFETCH(int, index);
        QFETCH(bool, httpPort);
        ui::GrpcPane pane;
        pane.setServer(m_server.state());
        const QString grpcTarget = m_server.state().grpcTarget();
        const QString httpTarget = QStringLiteral("127.0.0.1:%1").arg(m_server.state().httpPort);
        QCOMPARE(pane.targetEdit()->text(), grpcTarget);
        session::Question question;
        question.grpc = session::Question::Grpc{};
        question.grpc->method = QStringLiteral("orders.v1.OrderService/GetUser");
        question.grpc->request = R"({"user_id": 42})";
        client::GrpcTransport wanted = client::GrpcTransport::Grpc;
        QVERIFY(client::grpcTransportFromString(transport, &wanted));
        question.grpc->transport = wanted;
        pane.applyQuestion(question);
        QCOMPARE(pane.connectionEditor()->transportBox()->currentIndex(), index);
        QCOMPARE(pane.targetEdit()->text(), httpPort ? httpTarget : grpcTarget);
        QSignalSpy completed(&pane, &ui::ComposerPane::callCompleted);
        pane.send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 15000);
        QCOMPARE(pane.responseView()->statusText(), QStringLiteral("OK"));
        QCOMPARE(client::isGrpcWebAnswer(completed.first().at(0).value<client::CallRecord>()), httpPort);
        // A question that does not say keeps the pane's choice; restoring goes back to native on the gRPC port.
        question.grpc->transport.reset();
        pane.applyQuestion(question);
        QCOMPARE(pane.connectionEditor()->transportBox()->currentIndex(), index);
        pane.restoreTransport();
        QCOMPARE(pane.connectionEditor()->transportBox()->currentIndex(), int(workspace::GrpcTransport::Grpc));
        QCOMPARE(pane.targetEdit()->text(), grpcTarget);
    }

private:
    TestServer m_server;
    GuardedReflection m_guarded;
    std::unique_ptr<grpc::Server> m_guardedServer;
    int m_guardedPort = 0;
};

QTEST_MAIN(TestGrpcPaneTransport)
#include "test_grpcpanetransport.moc"
