// CliRunner's grpc command against the embedded server: list, describe, calls of each streaming kind, exit codes.
#include "tests/app/cli/clirun.h"
#include "tests/support/testorderserver.h"

#include <QJsonArray>
#include <QTcpServer>

using namespace triptych;
using namespace triptych::cli;
using testing::CliRun;

class TestCliRunnerGrpc : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;
    QString m_target;
    const QString m_protoDir = QStringLiteral(TRIPTYCH_PROTO_DIR);

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.start());
        m_target = m_server.grpcTarget();
    }
    void cleanupTestCase() { m_server.stop(); }

    void exitCodes_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("words"); // in stdout or stderr
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const QString dead = QStringLiteral("127.0.0.1:%1").arg(closed.serverPort());
        closed.close();
        QTest::newRow("no verb") << QStringList{"grpc", m_target} << kExitUsage
                                 << "grpc needs HOST:PORT and list, describe SYMBOL or a METHOD";
        QTest::newRow("unknown method") << QStringList{"grpc", m_target, "GetNothing"} << kExitUsage
                                        << "Unknown method GetNothing — list them with `grpc " + m_target + " list`";
        QTest::newRow("unreadable .proto")
            << QStringList{"grpc", m_target, "list", "--proto", "nowhere.proto"} << kExitUsage << "nowhere.proto";
        QTest::newRow("unary OK") << QStringList{"grpc", m_target, "GetUser", "-d", R"({"user_id": 42})"}
                                  << kExitSuccess << "OK  ";
        QTest::newRow("NOT_FOUND") << QStringList{"grpc", m_target, "GetUser", "-d", R"({"user_id": 999999})"}
                                   << kExitCallFailed << "NOT_FOUND  ";
        QTest::newRow("UNAUTHENTICATED") << QStringList{"grpc", m_target, "CreateOrder", "-d",
                                                        R"({"user_id": 7, "product": "Desk", "quantity": 1})"}
                                         << kExitCallFailed << "UNAUTHENTICATED  ";
        QTest::newRow("not JSON for the message")
            << QStringList{"grpc", m_target, "GetUser", "-d", "nonsense"} << kExitCallFailed
            << "error: The JSON does not fit orders.v1.GetUserRequest";
        QTest::newRow("describe unknown") << QStringList{"grpc", m_target, "describe", "orders.v1.Nothing"}
                                          << kExitCallFailed << "No service, method, message or enum named";
        QTest::newRow("reflection refused") << QStringList{"grpc", dead, "list", "--timeout", "3000"} << kExitCallFailed
                                            << "error: Server reflection failed: gRPC UNAVAILABLE";
    }
    void exitCodes() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, words);
        CliRun run(arguments);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), exitCode);
        QVERIFY2(run.transcript().contains(words), qPrintable(run.transcript()));
        QCOMPARE(run.finishCount(), 1);
    }

    void listNamesServicesAndMethods_data() {
        QTest::addColumn<QStringList>("schema");
        QTest::newRow("reflection") << QStringList{};
        QTest::newRow(".proto files") << QStringList{"--proto", "orders/v1/orders.proto", "-I", m_protoDir};
    }
    void listNamesServicesAndMethods() {
        QFETCH(QStringList, schema);
        CliRun run(QStringList{"grpc", m_target, "list"} + schema);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QStringList lines = QString::fromUtf8(run.out()).split(QLatin1Char('\n'));
        QVERIFY2(lines.contains("orders.v1.OrderService"), qPrintable(lines.join('\n')));
        for (const char *method : {"GetUser", "GetUserOrders", "StreamOrders", "UploadOrders", "TrackOrders"})
            QVERIFY(lines.contains(QStringLiteral("  orders.v1.OrderService/") + QLatin1String(method)));
    }

    void describeMethodShowsItsTemplate() {
        CliRun run({"grpc", m_target, "describe", "orders.v1.OrderService.GetUser"});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.contains(QLatin1String("rpc GetUser(")), qPrintable(out));
        const qsizetype at = out.indexOf(QLatin1String("input template: "));
        QVERIFY2(at > 0, qPrintable(out));
        const auto input = QJsonDocument::fromJson(out.mid(at + 16).toUtf8()).object();
        QVERIFY2(input.contains("user_id") && input.contains("read_mask"), qPrintable(out));
    }

    void describeMessage() {
        CliRun run({"grpc", m_target, "describe", "orders.v1.User"});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QString out = QString::fromUtf8(run.out());
        QVERIFY2(out.contains(QLatin1String("avatar_url")), qPrintable(out));
        QVERIFY(!out.contains(QLatin1String("input template")));
    }

    void templateMakesNoCall() {
        CliRun run({"grpc", m_target, "orders.v1.OrderService/CreateOrder", "--template"});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QJsonObject input = run.json();
        QCOMPARE(input.keys(), (QStringList{"product", "quantity", "user_id"}));
        QCOMPARE(run.err(), QString());
    }

    void unaryCall_data() {
        QTest::addColumn<QStringList>("schema");
        QTest::newRow("reflection") << QStringList{};
        QTest::newRow(".proto files") << QStringList{"--proto", "orders/v1/orders.proto", "-I", m_protoDir};
    }
    void unaryCall() {
        QFETCH(QStringList, schema);
        CliRun run(QStringList{"grpc", m_target, "GetUser", "-d", R"({"user_id": 42, "read_mask": "name"})"} + schema);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QJsonObject user = run.json();
        QVERIFY2(!user.value("name").toString().isEmpty(), run.out().constData());
        QVERIFY2(!user.contains("email"), run.out().constData()); // the read mask reached the server
        QVERIFY2(run.err().startsWith(QLatin1String("OK  ")), qPrintable(run.err()));
    }

    void jsonRecordOfAFailedCall() {
        CliRun run({"--json", "grpc", m_target, "GetUser", "-d", R"({"user_id": 999999})"});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitCallFailed);
        QCOMPARE(run.err(), QString());
        const QJsonObject json = run.json();
        QCOMPARE(json.value("kind").toString(), "grpc");
        QVERIFY2(json.value("request").toObject().value("method").toString().endsWith("OrderService/GetUser"),
                 run.out().constData());
        QCOMPARE(json.value("request").toObject().value("url").toString(), m_target);
        const QJsonObject response = json.value("response").toObject();
        QCOMPARE(response.value("grpc_status").toString(), "NOT_FOUND");
        QVERIFY(!response.value("grpc_message").toString().isEmpty());
        QCOMPARE(json.value("error").toObject().value("kind").toString(), "grpc_status");
    }

    // Each message of a server stream is printed as it arrives; the summary counts them.
    void serverStreamPrintsEachMessage() {
        CliRun run({"grpc", m_target, "StreamOrders", "-d", R"({"user_id": 42})"});
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QList<QByteArray> lines = run.out().trimmed().split('\n');
        QVERIFY(!lines.isEmpty());
        for (const auto &line : lines)
            QCOMPARE(QJsonDocument::fromJson(line).object().value("user_id").toInt(), 42);
        const QString err = run.err();
        const qsizetype heads = err.count(QLatin1String("< +"));
        QCOMPARE(heads, lines.size());
        QVERIFY2(err.contains(QStringLiteral("  %1 messages received").arg(lines.size())), qPrintable(err));
    }

    // A client stream takes its messages as one JSON array (or as several -d).
    void clientStreamTakesAnArray_data() {
        QTest::addColumn<QStringList>("data");
        const QString mouse = R"({"user_id": 7, "product": "Wireless Mouse", "quantity": 1})";
        QTest::newRow("array") << QStringList{"-d", "[" + mouse + "," + mouse + "]"};
        QTest::newRow("-d twice") << QStringList{"-d", mouse, "-d", mouse};
    }
    void clientStreamTakesAnArray() {
        QFETCH(QStringList, data);
        CliRun run(QStringList{"--json", "grpc", m_target, "UploadOrders", "-H", "authorization: Bearer demo-token"} +
                   data);
        QVERIFY(run.wait());
        QCOMPARE(run.exitCode(), kExitSuccess);
        const QJsonObject json = run.json();
        int sent = 0;
        for (const auto &message : json.value("response").toObject().value("messages").toArray())
            sent += message.toObject().value("direction").toString() == QLatin1String("sent") ? 1 : 0;
        QCOMPARE(sent, 2);
        const QJsonObject summary = json.value("response").toObject().value("body").toObject();
        QCOMPARE(summary.value("received_count").toInt(), 2);
        QCOMPARE(summary.value("created_count").toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRunnerGrpc)
#include "test_clirunnergrpc.moc"
