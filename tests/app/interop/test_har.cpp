// HAR 1.2: a browser's capture in, and the history out with its timing phases; the exported file is also checked with
// har-validator (npm) by scripts/check-outside-clients, which sets TRIPTYCH_HAR_OUT to keep it.
#include "app/client/restcaller.h"
#include "app/interop/har.h"
#include "tests/support/testorderserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

QByteArray browserHar() {
    QFile file(QStringLiteral(TRIPTYCH_INTEROP_DATA "/browser.har"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString messages(const ImportResult &result) {
    QStringList texts;
    for (const auto &diagnostic : result.diagnostics)
        texts << diagnostic.text();
    return texts.join(QLatin1Char('\n'));
}

} // namespace

class TestHar : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;

    HistoryEntry call(client::RestRequest request) {
        client::RestCaller caller;
        QSignalSpy finished(&caller, &client::RestCaller::callFinished);
        caller.send(std::move(request));
        if (!finished.wait(10'000))
            return {};
        return historyEntryFromCall(finished.first().first().value<client::CallRecord>());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void cleanupTestCase() { m_server.stop(); }

    void importsABrowserCapture() {
        const ImportResult result = importHar(browserHar(), "capture.har");
        QVERIFY2(result.ok(), qPrintable(messages(result)));
        QCOMPARE(result.requests.size(), 3);
        const ImportedRequest &get = result.requests.at(0);
        QCOMPARE(get.folder, QString("api.example.com"));
        QCOMPARE(get.document.name, QString("GET -v1-users-42"));
        QCOMPARE(get.document.http.url, QString("https://api.example.com/v1/users/42?fields=name"));
        // HTTP/2 pseudo-headers and what the engine writes itself are left out.
        QCOMPARE(get.document.http.headers, (QList<KeyValue>{{"accept", "application/json"}, {"cookie", "a=1"}}));
        const ImportedRequest &post = result.requests.at(1);
        QCOMPARE(post.document.http.method, QString("POST"));
        QCOMPARE(post.document.http.headers, (QList<KeyValue>{{"Content-Type", "application/json"}}));
        QCOMPARE(post.document.http.body.kind, BodyKind::Json);
        QCOMPARE(post.document.http.body.text, QString("{\"quantity\":1}"));
        const ImportedRequest &form = result.requests.at(2);
        QCOMPARE(form.folder, QString("cdn.example.org"));
        QCOMPARE(form.document.http.body.kind, BodyKind::Form);
        QCOMPARE(form.document.http.body.form, (QList<KeyValue>{{"user", "a"}, {"pass", "b"}}));
        QVERIFY(!form.document.http.options.followRedirects);
        QVERIFY2(messages(result).contains("capture.har: warning: log.entries[3]: data:image/png;base64"),
                 qPrintable(messages(result)));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("truncated") << browserHar().left(300) << "x.har:";
        QTest::newRow("no log") << QByteArray("{\"entries\": []}") << "x.har: not a HAR file";
    }
    void refusesBadInput() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const ImportResult result = importHar(bytes, "x.har");
        QVERIFY(!result.ok());
        QVERIFY2(messages(result).startsWith(message), qPrintable(messages(result)));
    }

    void exportsTheHistoryWithTimings() {
        client::RestRequest get;
        get.url = m_server.httpBase() + "/v1/users/42";
        client::RestRequest post;
        post.method = "POST";
        post.url = m_server.graphqlUrl();
        post.bodyKind = client::BodyKind::Json;
        post.body = R"({"query":"{ user(id: 42) { name } }"})";
        QList<HistoryEntry> entries{call(get), call(post)};
        QVERIFY(entries.at(0).status == 200 && entries.at(1).status == 200);
        HistoryEntry grpc;
        grpc.style = RequestStyle::Grpc;
        grpc.method = "/orders.v1.OrderService/GetUser";
        grpc.url = m_server.grpcTarget();
        entries.append(grpc);

        const HarExport exported = exportHar(entries, "9.9");
        QCOMPARE(exported.skipped.size(), 1);
        QVERIFY(exported.skipped.first().contains("HAR holds HTTP requests, not gRPC calls"));
        const QJsonObject log = QJsonDocument::fromJson(exported.har).object().value("log").toObject();
        QCOMPARE(log.value("version").toString(), QString("1.2"));
        QCOMPARE(log.value("creator").toObject().value("version").toString(), QString("9.9"));
        const QJsonArray har = log.value("entries").toArray();
        QCOMPARE(har.size(), 2);
        const QJsonObject first = har.at(0).toObject();
        QCOMPARE(first.value("request").toObject().value("url").toString(), get.url);
        QCOMPARE(first.value("response").toObject().value("status").toInt(), 200);
        QVERIFY(
            first.value("response").toObject().value("content").toObject().value("text").toString().contains("\"id\""));
        // A fresh connection has dns, connect and wait; no TLS on loopback; the phases add up to the entry's time.
        const QJsonObject timings = first.value("timings").toObject();
        QVERIFY(timings.value("connect").toDouble() >= 0);
        QCOMPARE(timings.value("ssl").toDouble(), -1.0);
        double sum = 0;
        for (const auto phase : {"dns", "connect", "send", "wait", "receive"})
            sum += std::max(0.0, timings.value(phase).toDouble());
        QVERIFY2(qAbs(sum - first.value("time").toDouble()) < 0.01 || sum <= first.value("time").toDouble(),
                 qPrintable(QString::number(sum)));
        QCOMPARE(har.at(1).toObject().value("request").toObject().value("postData").toObject().value("text").toString(),
                 QString::fromUtf8(post.body));

        // What is exported imports back as the same calls.
        const ImportResult back = importHar(exported.har, "history.har");
        QVERIFY2(back.ok(), qPrintable(messages(back)));
        QCOMPARE(back.requests.size(), 2);
        QCOMPARE(back.requests.at(1).document.http.url, post.url);
        QCOMPARE(back.requests.at(1).document.http.body.text, QString::fromUtf8(post.body));

        if (const QByteArray out = qgetenv("TRIPTYCH_HAR_OUT"); !out.isEmpty()) {
            QFile file(QString::fromLocal8Bit(out));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(exported.har);
        }
    }
};

QTEST_GUILESS_MAIN(TestHar)
#include "test_har.moc"
