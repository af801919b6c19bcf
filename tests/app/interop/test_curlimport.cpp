#include "app/interop/curlimport.h"

#include <QTest>

using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

// The non-default parts of a document, one fact a line, so that a row of the table reads like the command.
QStringList describe(const RequestDocument &document) {
    const HttpPart &http = document.http;
    QStringList facts{http.method + ' ' + http.url};
    for (const KeyValue &header : http.headers)
        facts << "H " + header.name + ": " + header.value;
    static const char *kinds[] = {"none", "json", "raw", "form", "multipart", "file"};
    if (http.body.kind != BodyKind::None)
        facts << QString("body %1 [%2] %3").arg(kinds[int(http.body.kind)], http.body.contentType, http.body.text);
    if (!http.body.filePath.isEmpty())
        facts << "file " + http.body.filePath;
    for (const MultipartPart &part : http.body.multipart)
        facts << QString("part %1=%2 @%3 [%4]").arg(part.name, part.value, part.filePath, part.contentType);
    if (http.auth.kind == AuthKind::Basic)
        facts << "basic " + http.auth.user + ':' + http.auth.password;
    if (http.auth.kind == AuthKind::Bearer)
        facts << "bearer " + http.auth.token;
    const HttpOptions &options = http.options;
    if (options.followRedirects)
        facts << "follow";
    if (options.acceptGzip)
        facts << "gzip";
    if (options.tls.skipVerification)
        facts << "insecure";
    if (options.httpVersion != HttpVersion::Auto)
        facts << QString("http %1").arg(int(options.httpVersion));
    if (options.timeoutMs != documentdefaults::kTimeoutMs)
        facts << QString("timeout %1").arg(options.timeoutMs);
    for (const QString &tls : {options.tls.caFile, options.tls.clientCertificate, options.tls.clientKey}) {
        if (!tls.isEmpty())
            facts << "tls " + tls;
    }
    return facts;
}

} // namespace

// curl commands → documents, read as curl reads them (curl's manual page and the real binary, see
// tests/app/interop/test_curlroundtrip.cpp for the wire comparison).
class TestCurlImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void import_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("facts");
        QTest::addColumn<int>("warnings");
        QTest::newRow("bare url") << "curl example.com/a" << QStringList{"GET http://example.com/a"} << 0;
        QTest::newRow("url option and method")
            << "curl -X DELETE --url 'https://h/v1/x?y=1'" << QStringList{"DELETE https://h/v1/x?y=1"} << 0;
        QTest::newRow("attached method") << "curl -XPUT http://h/" << QStringList{"PUT http://h/"} << 0;
        QTest::newRow("headers") << "curl http://h -H 'Accept: a/b' --header 'X-Empty:' -H 'X-Semi;'"
                                 << QStringList{"GET http://h", "H Accept: a/b", "H X-Empty: ", "H X-Semi: "} << 1;
        QTest::newRow("data is a form post")
            << "curl http://h -d a=1 --data b=2"
            << QStringList{"POST http://h", "body raw [application/x-www-form-urlencoded] a=1&b=2"} << 0;
        QTest::newRow("json content type")
            << "curl http://h -H 'Content-Type: application/json' --data-raw '{\"a\":1}'"
            << QStringList{"POST http://h", "H Content-Type: application/json", "body json [] {\"a\":1}"} << 0;
        QTest::newRow("--json") << "curl --json '{\"a\":' --json '1}' http://h"
                                << QStringList{"POST http://h", "H Accept: application/json", "body json [] {\"a\":1}"}
                                << 0;
        QTest::newRow("data-binary file") << "curl --data-binary @body.bin http://h"
                                          << QStringList{"POST http://h", "body file [] ", "file body.bin"} << 0;
        QTest::newRow("data file strips lines in curl")
            << "curl -d @body.txt http://h" << QStringList{"POST http://h", "body file [] ", "file body.txt"} << 1;
        QTest::newRow("data-raw keeps @")
            << "curl --data-raw @x http://h"
            << QStringList{"POST http://h", "body raw [application/x-www-form-urlencoded] @x"} << 0;
        QTest::newRow("data-urlencode forms")
            << "curl http://h --data-urlencode 'a b' --data-urlencode '=c&d' --data-urlencode 'n=é/x'"
            << QStringList{"POST http://h", "body raw [application/x-www-form-urlencoded] a+b&c%26d&n=%C3%A9%2Fx"} << 0;
        QTest::newRow("data-urlencode file")
            << "curl http://h --data-urlencode n@f.txt"
            << QStringList{"POST http://h", "body raw [application/x-www-form-urlencoded] "} << 1;
        QTest::newRow("get moves data to the query") << "curl -G http://h/s?x=1 -d q=a --data-urlencode 'r=b c'"
                                                     << QStringList{"GET http://h/s?x=1&q=a&r=b+c"} << 0;
        QTest::newRow("url-query") << "curl --url-query 'a=b c' http://h/p" << QStringList{"GET http://h/p?a=b+c"} << 0;
        QTest::newRow("form fields and files")
            << "curl http://h -F name=Ann -F 'pic=@a.png;type=image/png' --form-string 'raw=@x;type=y'"
            << QStringList{"POST http://h", "body multipart [] ", "part name=Ann @ []", "part pic= @a.png [image/png]",
                           "part raw=@x;type=y @ []"}
            << 0;
        QTest::newRow("form from file content")
            << "curl http://h -F 'a=<f.txt'" << QStringList{"POST http://h", "body multipart [] "} << 1;
        QTest::newRow("user") << "curl -u ann:s3:cret http://h" << QStringList{"GET http://h", "basic ann:s3:cret"}
                              << 0;
        QTest::newRow("user without password")
            << "curl -u ann http://h" << QStringList{"GET http://h", "basic ann:"} << 1;
        QTest::newRow("cookies agent referer")
            << "curl http://h -b 'a=1; b=2' --cookie c=3 -A 'Agent/1' -e http://r/"
            << QStringList{"GET http://h", "H User-Agent: Agent/1", "H Referer: http://r/", "H Cookie: a=1; b=2;c=3"}
            << 0;
        QTest::newRow("cookie file") << "curl http://h -b jar.txt" << QStringList{"GET http://h"} << 1;
        QTest::newRow("head") << "curl -I http://h" << QStringList{"HEAD http://h"} << 0;
        QTest::newRow("flag cluster") << "curl -sSLk http://h" << QStringList{"GET http://h", "follow", "insecure"}
                                      << 2;
        QTest::newRow("compressed and versions")
            << "curl --compressed --http1.1 http://h" << QStringList{"GET http://h", "gzip", "http 1"} << 1;
        QTest::newRow("http2") << "curl --http2 https://h" << QStringList{"GET https://h", "http 2"} << 1;
        QTest::newRow("prior knowledge") << "curl --http2-prior-knowledge http://h"
                                         << QStringList{"GET http://h", "http 3"} << 0;
        QTest::newRow("tls files") << "curl --cacert ca.pem --cert me.pem --key me.key -m 2.5 https://h"
                                   << QStringList{"GET https://h", "timeout 2500", "tls ca.pem", "tls me.pem",
                                                  "tls me.key"}
                                   << 0;
        QTest::newRow("proxy is named") << "curl -x http://proxy:3128 http://h" << QStringList{"GET http://h"} << 1;
        QTest::newRow("unknown option is named") << "curl --frobnicate http://h" << QStringList{"GET http://h"} << 1;
        QTest::newRow("bearer") << "curl --oauth2-bearer t0k http://h" << QStringList{"GET http://h", "bearer t0k"}
                                << 0;
        QTest::newRow("upload file") << "curl -T up.bin http://h/u"
                                     << QStringList{"PUT http://h/u", "body file [] ", "file up.bin"} << 1;
        QTest::newRow("second url") << "curl http://a http://b" << QStringList{"GET http://a"} << 1;
        QTest::newRow("chrome copy as curl")
            << "curl 'http://h/api?q=1' \\\n  -H 'accept: */*' \\\n  -H $'x-note: it\\'s' \\\n  --data-raw "
               "$'{\"a\":\"\\u00e9\"}' "
               "\\\n  --compressed"
            << QStringList{"POST http://h/api?q=1", "H accept: */*", "H x-note: it's",
                           QString::fromUtf8("body raw [application/x-www-form-urlencoded] {\"a\":\"é\"}"), "gzip"}
            << 1;
    }
    void import() {
        QFETCH(QString, command);
        QFETCH(QStringList, facts);
        QFETCH(int, warnings);
        const ImportResult result = importCurl(command, "pasted");
        QVERIFY(result.ok());
        QCOMPARE(result.requests.size(), 1);
        QCOMPARE(describe(result.requests.first().document), facts);
        QStringList texts;
        for (const Diagnostic &diagnostic : result.diagnostics)
            texts << diagnostic.text();
        QVERIFY2(result.diagnostics.size() == warnings, qPrintable(texts.join('\n')));
    }

    void failures_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("message");
        QTest::newRow("not curl") << "wget http://h"
                                  << "pasted:1: not a curl command";
        QTest::newRow("open quote, line 2") << "curl \\\n  -H 'Accept"
                                            << "pasted:2: a single quote is not closed (column 6)";
        QTest::newRow("no url") << "curl -s"
                                << "pasted: the command names no URL";
        QTest::newRow("missing value") << "curl http://h -H"
                                       << "pasted: -H needs a value";
        QTest::newRow("pipe") << "curl http://h | jq ."
                              << "pasted:1: the shell operator '|'";
        QTest::newRow("data and form") << "curl http://h -d a -F b=c"
                                       << "pasted: -d and -F together";
    }
    void failures() {
        QFETCH(QString, command);
        QFETCH(QString, message);
        const ImportResult result = importCurl(command, "pasted");
        QVERIFY(!result.ok());
        const auto error = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                        [](const Diagnostic &diagnostic) { return diagnostic.isError(); });
        QVERIFY2(error->text().startsWith(message), qPrintable(error->text()));
    }

    void names() {
        const ImportResult result = importCurl("curl -X POST 'http://h/v1/users/42/orders?x=1'", "pasted");
        QCOMPARE(result.requests.first().document.name, QString("POST v1 users 42 orders"));
        QCOMPARE(importCurl("curl http://h:8080", {}).requests.first().document.name, QString("GET h"));
    }

    void recognisesCurl() {
        QVERIFY(looksLikeCurlCommand(u"  curl 'http://h'"));
        QVERIFY(looksLikeCurlCommand(u"curl\\\n -s x"));
        QVERIFY(!looksLikeCurlCommand(u"curly"));
        QVERIFY(!looksLikeCurlCommand(u"http://h/curl"));
    }
};

QTEST_APPLESS_MAIN(TestCurlImport)
#include "test_curlimport.moc"
