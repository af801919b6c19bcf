#include "app/client/tracefetch.h"

#include <QTest>

using namespace triptych::client;

class TestTraceFetch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pointsAtTheServersTraces() {
        const auto fetch =
            traceFetchRequest(QUrl(QStringLiteral("ws://127.0.0.1:8080/graphql?x=1")), QStringLiteral("ab"));
        QCOMPARE(fetch.url, QStringLiteral("http://127.0.0.1:8080/debug/traces/ab"));
        QVERIFY(!fetch.sendTraceparent);
        QVERIFY(!fetch.fetchServerTrace);
    }

    // Bound to another address than loopback the server wants credentials for /debug/*: the call's own go along.
    void sendsTheCallsCredentialsBeyondLoopback_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<HeaderList>("callHeaders");
        QTest::addColumn<HeaderList>("sent");
        const HeaderList bearer{{"Accept", "application/json"}, {"Authorization", "Bearer demo-token"}};
        const HeaderList grpcMetadata{{"authorization", "Bearer t"}, {"x-api-key", "k"}, {"x-trace", "1"}};
        QTest::newRow("loopback: none") << "http://127.0.0.1:8080/v1/users" << bearer << HeaderList{};
        QTest::newRow("localhost: none") << "http://localhost:8080/v1/users" << bearer << HeaderList{};
        QTest::newRow("IPv6 loopback: none") << "http://[::1]:8080/v1/users" << bearer << HeaderList{};
        QTest::newRow("another address: the bearer token")
            << "http://192.0.2.10:8080/v1/users" << bearer << HeaderList{{"Authorization", "Bearer demo-token"}};
        QTest::newRow("a host name: token and key, not the rest")
            << "https://orders.example:8443/v1/users" << grpcMetadata
            << HeaderList{{"Authorization", "Bearer t"}, {"X-API-Key", "k"}};
        QTest::newRow("no credentials in the call")
            << "http://192.0.2.10:8080/" << HeaderList{{"Accept", "*/*"}} << HeaderList{};
    }

    void sendsTheCallsCredentialsBeyondLoopback() {
        QFETCH(QString, url);
        QFETCH(HeaderList, callHeaders);
        QFETCH(HeaderList, sent);
        QCOMPARE(traceFetchRequest(QUrl(url), QStringLiteral("ab"), callHeaders).headers, sent);
    }
};

QTEST_APPLESS_MAIN(TestTraceFetch)
#include "test_tracefetch.moc"
