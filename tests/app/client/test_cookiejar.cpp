// A cookie session's jar: what a server sets is kept and sent on the next request, and the jar can be read and
// replaced (the window's Cookies dialog and the environment's cookie file go through it).
#include "app/client/cookiejar.h"
#include "app/client/restcaller.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

// Answers every request at once and closes; /login sets a cookie. Keeps each request's Cookie header.
class CookieServer : public QTcpServer {
public:
    CookieServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
        });
    }
    QList<QByteArray> cookieHeaders; // one per request, empty when none came

private:
    void onData(QTcpSocket *socket) {
        const QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);
        if (!request.contains("\r\n\r\n"))
            return;
        QByteArray cookie;
        for (const auto &line : request.split('\n')) {
            if (line.toLower().startsWith("cookie:"))
                cookie = line.mid(7).trimmed();
        }
        cookieHeaders.append(cookie);
        QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n";
        if (request.startsWith("GET /login "))
            response += "Set-Cookie: session=abc123; Path=/; HttpOnly\r\n";
        socket->write(response + "\r\n");
        socket->disconnectFromHost();
    }
};
} // namespace

class TestCookieJar : public QObject {
    Q_OBJECT
    CookieServer m_server;

    void get(const QString &path, const QString &session) {
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        RestRequest request;
        request.url = QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
        request.cookieSession = session;
        request.fetchServerTrace = false;
        request.sendTraceparent = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    }
    QList<Cookie> fetch(const QString &session) {
        CookieJar jar;
        QSignalSpy fetched(&jar, &CookieJar::cookiesFetched);
        jar.fetch(session);
        if (!QTest::qWaitFor([&] { return !fetched.isEmpty(); }, kWaitMs))
            return {};
        return fetched.first().at(1).value<QList<Cookie>>();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.listen(QHostAddress::LocalHost, 0)); }

    void netscapeLinesRoundTrip_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("valid");
        QTest::addRow("session cookie") << QByteArray("127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc") << true;
        QTest::addRow("http only, subdomains, secure")
            << QByteArray("#HttpOnly_.example.com\tTRUE\t/api\tTRUE\t1893456000\tid\tx y") << true;
        QTest::addRow("empty value") << QByteArray("example.com\tFALSE\t/\tFALSE\t0\tflag\t") << true;
        QTest::addRow("comment") << QByteArray("# Netscape HTTP Cookie File") << false;
        QTest::addRow("too few fields") << QByteArray("example.com\tFALSE\t/") << false;
        QTest::addRow("bad expiry") << QByteArray("example.com\tFALSE\t/\tFALSE\tsoon\tn\tv") << false;
    }
    void netscapeLinesRoundTrip() {
        QFETCH(QByteArray, line);
        QFETCH(bool, valid);
        const auto cookie = fromNetscapeLine(line);
        QCOMPARE(cookie.has_value(), valid);
        if (valid) {
            QCOMPARE(toNetscapeLine(*cookie), line);
            QCOMPARE(readCookieFile(writeCookieFile({*cookie})), QList<Cookie>{*cookie});
        }
    }

    void serverCookiesAreKeptAndSent() {
        const QString session = QStringLiteral("kept");
        get(QStringLiteral("/login"), session);
        get(QStringLiteral("/orders"), session);
        QCOMPARE(m_server.cookieHeaders.last(), QByteArray("session=abc123"));
        const auto cookies = fetch(session);
        QCOMPARE(cookies.size(), 1);
        QCOMPARE(cookies.first().name, QByteArray("session"));
        QCOMPARE(cookies.first().value, QByteArray("abc123"));
        QCOMPARE(cookies.first().domain, QStringLiteral("127.0.0.1"));
        QVERIFY(cookies.first().httpOnly);
        // Another session (another environment) has its own jar.
        get(QStringLiteral("/orders"), QStringLiteral("other"));
        QCOMPARE(m_server.cookieHeaders.last(), QByteArray());
    }

    void replacedCookiesAreSent() {
        const QString session = QStringLiteral("edited");
        Cookie cookie;
        cookie.domain = QStringLiteral("127.0.0.1");
        cookie.name = "theme";
        cookie.value = "dark";
        CookieJar jar;
        QSignalSpy fetched(&jar, &CookieJar::cookiesFetched);
        jar.replace(session, {cookie});
        QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 1, kWaitMs);
        QCOMPARE(fetched.first().at(1).value<QList<Cookie>>(), QList<Cookie>{cookie});
        get(QStringLiteral("/orders"), session);
        QCOMPARE(m_server.cookieHeaders.last(), QByteArray("theme=dark"));
        jar.replace(session, {});
        QTRY_COMPARE_WITH_TIMEOUT(fetched.count(), 2, kWaitMs);
        QVERIFY(fetched.last().at(1).value<QList<Cookie>>().isEmpty());
        get(QStringLiteral("/orders"), session);
        QCOMPARE(m_server.cookieHeaders.last(), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestCookieJar)
#include "test_cookiejar.moc"
