#include "echoserver.h"

#include "app/client/restcaller.h"
#include "app/interop/curlexport.h"
#include "app/interop/curlimport.h"
#include "app/workspace/requestconversion.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;

namespace {

// What both clients sent, made comparable: the multipart boundary (random per call) replaced, curl's own
// User-Agent and the "Expect: 100-continue" of -T uploads dropped (the engine sends neither), headers sorted.
QStringList wire(EchoServer::Received request) {
    QByteArray boundary;
    for (const QByteArray &header : request.headers) {
        if (header.startsWith("content-type: multipart/form-data; boundary="))
            boundary = header.mid(header.indexOf('=') + 1);
    }
    QStringList headers;
    for (QByteArray header : request.headers) {
        if (header.startsWith("user-agent: curl/") || header == "expect: 100-continue")
            continue;
        if (!boundary.isEmpty())
            header.replace(boundary, "BOUNDARY");
        headers << QString::fromUtf8(header);
    }
    headers.sort();
    if (!boundary.isEmpty())
        request.body.replace(boundary, "BOUNDARY");
    return QStringList{QString::fromLatin1(request.method + ' ' + request.target)} + headers +
           QStringList{QString::fromUtf8(request.body)};
}

} // namespace

// The outside check of curl import and "Copy as curl": the real curl binary and Triptych's engine, given the same
// command, deliver the same method, target, headers and body to a loopback echo server (docs/interop.md).
class TestCurlRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (QStandardPaths::findExecutable("curl").isEmpty())
            QSKIP("no curl binary on PATH");
        QVERIFY(m_files.isValid());
        QDir::setCurrent(m_files.path());
        writeFile("body.json", "{\"from\": \"file\"}");
        writeFile("body.txt", "a=1&b=2");
        writeFile("up.bin", QByteArray("\x00\x01binary\xff", 10));
        writeFile("pic.png", "not really a png");
    }

    void importedSendsWhatCurlSends_data() {
        QTest::addColumn<QString>("command");
        const char *commands[] = {
            "curl %URL%/a",
            "curl '%URL%/a/b?x=1&y=two'",
            "curl -X DELETE %URL%/orders/7",
            "curl -XPATCH %URL%/p -d x=1",
            "curl --request PUT --url %URL%/put --data-raw 'text'",
            "curl %URL%/h -H 'Accept: application/json' -H 'X-Trace: abc' -H 'x-lower: v'",
            "curl %URL%/h -H 'Accept:'",
            "curl %URL%/d -d a=1 -d b=2",
            "curl %URL%/d --data 'x y z'",
            "curl %URL%/d --data-ascii hello",
            "curl %URL%/j -H 'Content-Type: application/json' --data-raw '{\"a\": [1, 2]}'",
            "curl %URL%/j --json '{\"b\": true}'",
            "curl %URL%/f --data-binary @body.json -H 'Content-Type: application/json'",
            "curl %URL%/f --data-binary @up.bin",
            "curl %URL%/f -d @body.txt",
            "curl %URL%/u --data-urlencode 'q=a b&c' --data-urlencode '=x/y' --data-urlencode plain",
            "curl -G %URL%/g -d q=1 --data-urlencode 'name=Ann Lee'",
            "curl -G '%URL%/g?x=0' -d q=1",
            "curl --url-query 'a=b c' %URL%/q",
            "curl %URL%/m -F name=Ann -F 'note=hello;type=text/plain'",
            "curl %URL%/m -F 'pic=@pic.png;type=image/png' -F other=1",
            "curl %URL%/m --form-string 'raw=@not-a-file;x'",
            "curl -u ann:secret %URL%/auth",
            "curl --user 'ann:p:w' %URL%/auth",
            "curl --oauth2-bearer t0k3n %URL%/auth",
            "curl %URL%/c -b 'a=1; b=2' --cookie c=3",
            "curl %URL%/ua -A 'Agent/1.0' -e https://example.com/from",
            "curl -I %URL%/head",
            "curl -sSL -k %URL%/flags",
            "curl --http1.1 -m 5 %URL%/v",
            "curl %URL%/e -H $'X-Ansi: tab\\there' --data-raw $'line1\\nline2 \\u00e9'",
            "curl %URL%/dq -H \"X-Double: \\\"quoted\\\" \\$5\" -d \"a=\\\\b\"",
            "curl \\\n  %URL%/cont \\\n  -H 'A: 1' \\\n  -d x",
            "curl -T up.bin %URL%/upload -H 'Content-Type: application/octet-stream'",
            "curl %URL%/k -H 'Authorization: Bearer raw' -X POST",
        };
        for (const char *command : commands)
            QTest::newRow(command) << QString::fromUtf8(command);
    }
    void importedSendsWhatCurlSends() {
        QFETCH(QString, command);
        command.replace("%URL%", QString("http://127.0.0.1:%1").arg(m_server.port()));
        const QStringList byCurl = sendWithCurl(command);
        const interop::ImportResult imported = interop::importCurl(command, "test");
        QVERIFY(imported.ok());
        const QStringList byTriptych = sendWithTriptych(workspace::toRestRequest(imported.requests.first().document));
        QCOMPARE(byTriptych, byCurl);
    }

    // "Copy as curl" of an imported command, run with curl, sends what Triptych sends.
    void copiedCommandSendsWhatTriptychSends_data() { importedSendsWhatCurlSends_data(); }
    void copiedCommandSendsWhatTriptychSends() {
        QFETCH(QString, command);
        command.replace("%URL%", QString("http://127.0.0.1:%1").arg(m_server.port()));
        const client::RestRequest request =
            workspace::toRestRequest(interop::importCurl(command, "test").requests.first().document);
        const QStringList byTriptych = sendWithTriptych(request);
        QCOMPARE(sendWithCurl(interop::toCurlCommand(request)), byTriptych);
    }

private:
    void writeFile(const QString &name, const QByteArray &bytes) {
        QFile file(m_files.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }

    QStringList lastReceived(qsizetype before) {
        if (m_server.received().size() != before + 1)
            return {QString("nothing arrived")};
        return wire(m_server.received().last());
    }

    // Runs the command through bash, so that quoting is read by the shell the commands are written for.
    QStringList sendWithCurl(const QString &command) {
        const qsizetype before = m_server.received().size();
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start("bash", {"-c", command + " -s -o /dev/null"});
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000); }();
        return lastReceived(before);
    }

    QStringList sendWithTriptych(client::RestRequest request) {
        const qsizetype before = m_server.received().size();
        request.sendTraceparent = false;
        request.fetchServerTrace = false;
        client::RestCaller caller;
        QSignalSpy finished(&caller, &client::RestCaller::callFinished);
        caller.send(request);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000); }();
        return lastReceived(before);
    }

    EchoServer m_server;
    QTemporaryDir m_files;
};

QTEST_GUILESS_MAIN(TestCurlRoundTrip)
#include "test_curlroundtrip.moc"
