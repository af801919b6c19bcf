#include "app/session/serverhost.h"

#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::session;

namespace {
constexpr int kWaitMs = 15'000;

ServerSettings freePorts() {
    ServerSettings settings;
    settings.httpPort = 0;
    settings.grpcPort = 0;
    settings.users = 60;
    return settings;
}
} // namespace

// The facade over the embedded server: Qt-side settings in, a Qt-side state out, never a server type.
class TestServerHost : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startsWithTheServersDefaultsFilledIn() {
        ServerHost host;
        QCOMPARE(int(host.state().phase), int(ServerState::Phase::Stopped));
        QCOMPARE(host.state().settings.token, QStringLiteral("demo-token")); // what Server ▸ Options starts from
        QSignalSpy changed(&host, &ServerHost::stateChanged);
        host.start(freePorts());
        QCOMPARE(int(host.state().phase), int(ServerState::Phase::Starting));
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(ServerState::Phase::Running), kWaitMs);
        const ServerState &state = host.state();
        QVERIFY(state.httpPort > 0 && state.grpcPort > 0);
        QCOMPARE(state.settings.token, QStringLiteral("demo-token"));
        QCOMPARE(state.settings.apiKey, QStringLiteral("demo-key"));
        QCOMPARE(state.settings.users, 60);
        QVERIFY(state.settings.dataLoader);
        QCOMPARE(state.endpoints().httpBase, QStringLiteral("http://127.0.0.1:%1").arg(state.httpPort));
        QCOMPARE(state.endpoints().grpcTarget, QStringLiteral("127.0.0.1:%1").arg(state.grpcPort));
        QCOMPARE(changed.size(), 2);
        host.stop();
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(ServerState::Phase::Stopped), kWaitMs);
        QCOMPARE(host.state().settings.users, 60); // a restart starts from the same settings
    }

    void switchesReachTheServer_data() {
        QTest::addColumn<bool>("dataLoader");
        QTest::addColumn<bool>("gateway");
        QTest::addColumn<QString>("token");
        QTest::newRow("defaults") << true << false << QString();
        QTest::newRow("N+1 through the gateway, own token") << false << true << QStringLiteral("s3cret");
    }
    void switchesReachTheServer() {
        QFETCH(bool, dataLoader);
        QFETCH(bool, gateway);
        QFETCH(QString, token);
        ServerHost host;
        ServerSettings settings = freePorts();
        settings.dataLoader = dataLoader;
        settings.gateway = gateway;
        settings.token = token;
        settings.rateLimitPerSecond = 500;
        settings.lifecycleStepMs = 250;
        settings.dbLatencyMs = 3;
        host.start(settings);
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(ServerState::Phase::Running), kWaitMs);
        const ServerSettings &running = host.state().settings;
        QCOMPARE(running.dataLoader, dataLoader);
        QCOMPARE(running.gateway, gateway);
        QCOMPARE(running.token, token.isEmpty() ? QStringLiteral("demo-token") : token);
        QCOMPARE(running.rateLimitPerSecond, 500);
        QCOMPARE(running.lifecycleStepMs, 250);
        QCOMPARE(running.dbLatencyMs, 3);
    }

    // Started on free ports, a restart (a question's DataLoader switch, Server ▸ Restart) keeps the ports it got,
    // and says why it restarts while it does.
    void restartKeepsThePorts() {
        ServerHost host;
        host.start(freePorts());
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(ServerState::Phase::Running), kWaitMs);
        const int http = host.state().httpPort;
        const int grpc = host.state().grpcPort;
        for (const bool dataLoader : {false, true}) {
            ServerSettings settings = host.state().settings;
            settings.dataLoader = dataLoader;
            host.restart(settings, QStringLiteral("the question needs it"));
            QCOMPARE(int(host.state().phase), int(ServerState::Phase::Starting));
            QCOMPARE(host.state().note, QStringLiteral("the question needs it"));
            QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(ServerState::Phase::Running), kWaitMs);
            QCOMPARE(host.state().httpPort, http);
            QCOMPARE(host.state().grpcPort, grpc);
            QCOMPARE(host.state().settings.dataLoader, dataLoader);
            QVERIFY2(host.state().note.isEmpty(), qPrintable(host.state().note));
        }
    }

    void busyPortFallsBackToAFreeOne() {
        ServerHost first;
        first.start(freePorts());
        QTRY_COMPARE_WITH_TIMEOUT(int(first.state().phase), int(ServerState::Phase::Running), kWaitMs);
        ServerHost second;
        ServerSettings settings = freePorts();
        settings.httpPort = first.state().httpPort;
        second.start(settings);
        QTRY_COMPARE_WITH_TIMEOUT(int(second.state().phase), int(ServerState::Phase::Running), kWaitMs);
        QVERIFY(second.state().httpPort != first.state().httpPort);
        QVERIFY2(second.state().note.contains(QStringLiteral("HTTP port %1 was taken").arg(first.state().httpPort)),
                 qPrintable(second.state().note));
    }
};

QTEST_GUILESS_MAIN(TestServerHost)
#include "test_serverhost.moc"
