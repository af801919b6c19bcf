// TLS in all three styles against the embedded server in TLS mode: each succeeds with the server's CA, fails with a
// sentence that says what failed without it, succeeds with verification skipped (and says so); with a client CA,
// fails without a client certificate and succeeds with one. The record carries the peer's chain and the TLS phase.
#include "app/client/graphqlwscaller.h"
#include "app/client/grpccaller.h"
#include "app/client/restcaller.h"
#include "app/client/websocketcaller.h"
#include "server/host/orderserver.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::client;

namespace {

constexpr int kWaitMs = 15'000;

enum class Style { Rest, GraphQLWs, Grpc, RawWs };

struct Trust {
    bool ca = true;
    bool clientCertificate = false;
    bool skipVerification = false;
};

} // namespace

Q_DECLARE_METATYPE(Style)

class TestTlsCalls : public QObject {
    Q_OBJECT
    QTemporaryDir m_plainDir;
    QTemporaryDir m_mutualDir;
    std::unique_ptr<OrderServer> m_server; // TLS
    std::unique_ptr<OrderServer> m_mutual; // TLS, client certificates required
    GrpcSchemaPtr m_schema;

    static std::unique_ptr<OrderServer> start(const QTemporaryDir &directory, bool requireClientCertificate) {
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        options.tls.enabled = true;
        options.tls.directory = directory.path().toStdString();
        if (requireClientCertificate)
            options.tls.clientCaFile = tls::kGeneratedClientCa;
        auto server = std::make_unique<OrderServer>(options);
        return server->start().ok() ? std::move(server) : nullptr;
    }

    static TlsSettings settings(const OrderServer &server, Trust trust) {
        TlsSettings tls;
        if (trust.ca)
            tls.caFile = QString::fromStdString(server.tlsCaFile());
        if (trust.clientCertificate) {
            tls.clientCertificate = QString::fromStdString(server.tlsClientCertificateFile());
            tls.clientKey = QString::fromStdString(server.tlsClientKeyFile());
        }
        tls.skipVerification = trust.skipVerification;
        return tls;
    }

    template <class Caller> static CallRecord waitFor(Caller &caller, QSignalSpy &finished, QSignalSpy &failed) {
        Q_UNUSED(caller);
        if (!QTest::qWaitFor([&] { return finished.count() + failed.count() > 0; }, kWaitMs))
            return {};
        return (finished.count() ? finished : failed).first().at(0).template value<CallRecord>();
    }

    CallRecord call(Style style, const OrderServer &server, Trust trust) {
        const TlsSettings tls = settings(server, trust);
        if (style == Style::Rest) {
            RestCaller caller;
            QSignalSpy finished(&caller, &RestCaller::callFinished), failed(&caller, &RestCaller::callFailed);
            RestRequest request;
            request.url = QStringLiteral("https://127.0.0.1:%1/v1/users/42").arg(server.httpPort());
            request.tls = tls;
            request.fetchServerTrace = false;
            caller.send(request);
            return waitFor(caller, finished, failed);
        }
        if (style == Style::GraphQLWs) {
            GraphQLWsCaller caller;
            QSignalSpy finished(&caller, &GraphQLWsCaller::callFinished), failed(&caller, &GraphQLWsCaller::callFailed);
            GraphQLWsRequest request;
            request.url = QStringLiteral("wss://localhost:%1/graphql").arg(server.httpPort());
            request.query = QStringLiteral("{ user(id: 42) { name } }");
            request.tls = tls;
            caller.send(request);
            return waitFor(caller, finished, failed);
        }
        if (style == Style::RawWs)
            return openRaw(server, tls);
        GrpcCaller caller;
        QSignalSpy finished(&caller, &GrpcCaller::callFinished), failed(&caller, &GrpcCaller::callFailed);
        GrpcRequest request;
        request.target = QStringLiteral("127.0.0.1:%1").arg(server.grpcPort());
        request.method = QStringLiteral("orders.v1.OrderService/GetUser");
        request.messages.append(R"({"user_id": 42})");
        request.deadlineMs = 10'000;
        request.tls = {true, tls.caFile, tls.clientCertificate, tls.clientKey, {}, tls.skipVerification};
        caller.call(m_schema, request);
        return waitFor(caller, finished, failed);
    }

    // The REST pane's raw WebSocket: open (its upgrade is the handshake's end), then close it.
    static CallRecord openRaw(const OrderServer &server, const TlsSettings &tls) {
        WebSocketCaller caller;
        QSignalSpy opened(&caller, &WebSocketCaller::opened);
        QSignalSpy finished(&caller, &WebSocketCaller::callFinished), failed(&caller, &WebSocketCaller::callFailed);
        WebSocketRequest request;
        request.url = QStringLiteral("wss://127.0.0.1:%1/graphql").arg(server.httpPort());
        request.subprotocols = {QStringLiteral("graphql-transport-ws")};
        request.tls = tls;
        const quint64 id = caller.open(request);
        if (!QTest::qWaitFor([&] { return opened.count() + failed.count() > 0; }, kWaitMs))
            return {};
        if (opened.count())
            caller.close(id);
        return waitFor(caller, finished, failed);
    }

    static void addStyles(const char *name, Trust trust, bool mutual, const QString &words) {
        for (const auto &[styleName, style] : {std::pair{"REST", Style::Rest},
                                               {"GraphQL wss", Style::GraphQLWs},
                                               {"gRPC", Style::Grpc},
                                               {"raw wss", Style::RawWs}})
            QTest::addRow("%s, %s", styleName, name)
                << style << trust.ca << trust.clientCertificate << trust.skipVerification << mutual << words;
    }

private Q_SLOTS:
    void initTestCase() {
        m_server = start(m_plainDir, false);
        m_mutual = start(m_mutualDir, true);
        QVERIFY(m_server && m_mutual);
        QString error;
        m_schema = GrpcSchema::fromProtoFiles({QStringLiteral(TRIPTYCH_PROTO_DIR "/orders/v1/orders.proto")},
                                              {QStringLiteral(TRIPTYCH_PROTO_DIR)}, &error);
        QVERIFY2(m_schema, qPrintable(error));
    }
    void cleanupTestCase() {
        m_server.reset();
        m_mutual.reset();
    }

    void eachStyleOverTls_data() {
        QTest::addColumn<Style>("style");
        QTest::addColumn<bool>("trustCa");
        QTest::addColumn<bool>("clientCertificate");
        QTest::addColumn<bool>("skipVerification");
        QTest::addColumn<bool>("mutual");
        QTest::addColumn<QString>("words"); // empty: the call succeeds
        addStyles("with the CA", {true, false, false}, false, {});
        addStyles("without the CA", {false, false, false}, false, QStringLiteral("CA"));
        addStyles("verification skipped", {false, false, true}, false, {});
        addStyles("client certificate required, none given", {true, false, false}, true, QStringLiteral("client"));
        addStyles("client certificate given", {true, true, false}, true, {});
    }
    void eachStyleOverTls() {
        QFETCH(Style, style);
        QFETCH(bool, trustCa);
        QFETCH(bool, clientCertificate);
        QFETCH(bool, skipVerification);
        QFETCH(bool, mutual);
        QFETCH(QString, words);
        const CallRecord record =
            call(style, mutual ? *m_mutual : *m_server, {trustCa, clientCertificate, skipVerification});
        QVERIFY2(record.id != 0, "no record within the wait");
        if (!words.isEmpty()) {
            QVERIFY2(record.error.kind == ErrorKind::Tls, qPrintable(record.error.text()));
            QVERIFY2(record.error.message.contains(words) || record.error.hint.contains(words),
                     qPrintable(record.error.text()));
            return;
        }
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QVERIFY(record.tls.secured);
        QCOMPARE(record.tls.verified, !skipVerification);
        QCOMPARE(record.warnings.join(' ').contains(QStringLiteral("verification is off")), skipVerification);
        QVERIFY2(!record.tls.chain.isEmpty(), "no peer certificate in the record");
        QCOMPARE(record.tls.chain.first().subject, QStringLiteral("localhost"));
        QVERIFY(record.tls.chain.first().subjectAltNames.contains(QStringLiteral("IP:127.0.0.1")));
        QVERIFY(record.tls.chain.first().notAfter > QDateTime::currentDateTimeUtc());
        if (style != Style::Grpc) {
            QCOMPARE(record.tls.protocol, QStringLiteral("TLSv1.3"));
            QVERIFY(!record.tls.cipher.isEmpty());
        } else { // gRPC 1.51's auth context has neither: the record says so and keeps what it does tell
            QVERIFY(record.tls.protocol.isEmpty() && record.tls.cipher.isEmpty());
            QVERIFY2(record.tls.note.contains(QStringLiteral("neither the TLS version nor the cipher")),
                     qPrintable(record.tls.note));
            const QList<QPair<QString, QString>> expected{
                {QStringLiteral("transport_security_type"),
                 skipVerification ? QStringLiteral("tls") : QStringLiteral("ssl")},
                {QStringLiteral("security_level"), QStringLiteral("TSI_PRIVACY_AND_INTEGRITY")},
                {QStringLiteral("ssl_session_reused"), QStringLiteral("false")}};
            QCOMPARE(record.tls.properties, expected);
        }
        if (style != Style::GraphQLWs && style != Style::RawWs) // Qt's WebSocket tells the whole connect only
            QVERIFY2(record.timings.tlsUs.value_or(0) > 0, "no TLS phase");
        QVERIFY(toJson(record).contains(QStringLiteral("tls")));
    }
};

QTEST_GUILESS_MAIN(TestTlsCalls)
#include "test_tlscalls.moc"
