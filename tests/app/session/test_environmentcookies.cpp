// Each environment of a workspace keeps its cookies in environments/<name>.cookies.txt: loaded when it becomes active,
// sent with its requests, saved when a server changes them.
#include "app/client/restcaller.h"
#include "app/session/environmentcookies.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::session;

namespace {
constexpr int kWaitMs = 10'000;

// Answers at once and closes; /login sets "token=fresh". Keeps each request's Cookie header.
class CookieServer : public QTcpServer {
public:
    CookieServer() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
        });
    }
    QList<QByteArray> cookieHeaders;

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
            response += "Set-Cookie: token=fresh; Path=/\r\n";
        socket->write(response + "\r\n");
        socket->disconnectFromHost();
    }
};
} // namespace

class TestEnvironmentCookies : public QObject {
    Q_OBJECT
    CookieServer m_server;
    QTemporaryDir m_root;

    void get(const QString &path, const QString &session) {
        client::RestCaller caller;
        QSignalSpy finished(&caller, &client::RestCaller::callFinished);
        client::RestRequest request;
        request.url = QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
        request.cookieSession = session;
        request.fetchServerTrace = false;
        request.sendTraceparent = false;
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        QVERIFY(m_root.isValid());
        QVERIFY(QDir(m_root.path()).mkpath(QStringLiteral("environments")));
        client::Cookie saved;
        saved.domain = QStringLiteral("127.0.0.1");
        saved.name = "token";
        saved.value = "saved";
        QFile file(EnvironmentCookies::cookieFile(m_root.path(), QStringLiteral("staging")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(client::writeCookieFile({saved}));
    }

    void savedCookiesAreSentAndNewOnesSaved() {
        EnvironmentCookies cookies;
        QSignalSpy changed(&cookies, &EnvironmentCookies::cookiesChanged);
        cookies.select(m_root.path(), QStringLiteral("staging"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWaitMs); // the file was loaded into the jar
        get(QStringLiteral("/orders"), cookies.session());
        QCOMPARE(m_server.cookieHeaders.last(), QByteArray("token=saved"));
        get(QStringLiteral("/login"), cookies.session());
        cookies.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kWaitMs);
        QFile file(cookies.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto onDisk = client::readCookieFile(file.readAll());
        QCOMPARE(onDisk.size(), 1);
        QCOMPARE(onDisk.first().value, QByteArray("fresh"));
    }

    void environmentsKeepTheirOwnJars() {
        EnvironmentCookies cookies;
        QSignalSpy changed(&cookies, &EnvironmentCookies::cookiesChanged);
        cookies.select(m_root.path(), QStringLiteral("production"));
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWaitMs);
        QVERIFY(changed.last().at(0).value<QList<client::Cookie>>().isEmpty());
        get(QStringLiteral("/orders"), cookies.session());
        QCOMPARE(m_server.cookieHeaders.last(), QByteArray());
        QVERIFY(!QFile::exists(cookies.filePath())); // nothing to keep, no file
        cookies.select(QString(), QStringLiteral("Embedded server"));
        QVERIFY(cookies.filePath().isEmpty()); // no workspace: kept in memory only
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentCookies)
#include "test_environmentcookies.moc"
