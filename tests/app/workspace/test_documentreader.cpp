#include "app/workspace/documentformat.h"

#include <QTest>

using namespace triptych::workspace;

// Malformed request files: each is reported as `file:line: what is wrong`, and reading goes on past the problem.
class TestDocumentReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void malformedFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("isError");

        const auto row = [](const char *name, const char *file, const QByteArray &bytes, const char *message,
                            bool isError = true) {
            QTest::newRow(name) << QString(file) << bytes << QString(message) << isError;
        };
        row("empty file", "x.rest.yaml", "", "x.rest.yaml: the file is empty; a request file starts with `version: 1`");
        row("comments only", "x.rest.yaml", "# nothing\n",
            "x.rest.yaml: the file is empty; a request file starts with `version: 1`");
        row("not YAML", "x.rest.yaml", "version: 1\nurl: [unclosed\n",
            "x.rest.yaml:3: not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)");
        row("tab indentation", "x.rest.yaml", "version: 1\nheaders:\n\t- name: a\n",
            "x.rest.yaml:3: not valid YAML: found character that cannot start any token (while scanning for the next "
            "token) (YAML indents with spaces, not tabs)");
        // yaml-cpp 0.7, the reader before libyaml, never returned on these (found by fuzz_import_openapi).
        row("a comma first", "x.rest.yaml", ",p: x{t\n",
            "x.rest.yaml:1: not valid YAML: did not find expected node content (while parsing a block node)");
        row("a comma at a line's start", "x.rest.yaml", "version: 1\n[a]\n,b\n",
            "x.rest.yaml:3: not valid YAML: could not find expected ':' (while scanning a simple key)");
        row("runs of tags", "x.rest.yaml", "\n\n\n\n\n!0000000000000000!0000,00000000000NUL",
            "x.rest.yaml:6: not valid YAML: did not find expected whitespace or line break (while scanning a tag)");
        row("an alias inside its anchor", "x.rest.yaml", "version: 1\nurl: &u [*u]\n",
            "x.rest.yaml:2: not valid YAML: the alias *u names no anchor written before it (an alias may not name a "
            "list or mapping that holds it)");
        row("nested too deep", "x.rest.yaml", QByteArray(300, '['),
            "x.rest.yaml:1: not valid YAML: lists and mappings are nested more than 256 deep");
        row("a NUL byte", "x.rest.yaml", QByteArray("version: 1\n\0,s\n", 15),
            "x.rest.yaml:2: not valid YAML: a control character (such as NUL) is not allowed");
        row("a list at the top", "x.rest.yaml", "- version: 1\n",
            "x.rest.yaml:1: the file must be a mapping of keys, not a list");
        row("text at the top", "x.rest.yaml", "hello\n", "x.rest.yaml:1: the file must be a mapping of keys, not text");
        row("two documents", "x.rest.yaml", "version: 1\n---\nversion: 1\n",
            "x.rest.yaml:3: only one YAML document is allowed per file");
        row("newer version", "x.rest.yaml", "version: 2\n",
            "x.rest.yaml:1: version 2 is newer than this Triptych reads (1); update Triptych to open it");
        row("version not a number", "x.rest.yaml", "version: one\n", "x.rest.yaml:1: version must be 1");
        row("no version", "x.rest.yaml", "url: http://a\n", "x.rest.yaml: warning: no `version: 1`; read as version 1",
            false);
        row("unknown key", "x.rest.yaml", "version: 1\ncolour: red\n",
            "x.rest.yaml:2: warning: unknown key colour, ignored", false);
        row("key of another style", "q.graphql.yaml", "version: 1\nmethod: POST\n",
            "q.graphql.yaml:2: warning: unknown key method, ignored", false);
        row("unknown nested key", "x.rest.yaml", "version: 1\noptions:\n  retries: 3\n",
            "x.rest.yaml:3: warning: unknown key options.retries, ignored", false);
        row("repeated key", "x.rest.yaml", "version: 1\nurl: a\nurl: b\n", "x.rest.yaml:3: url is given twice");
        row("key that is a list", "x.rest.yaml", "version: 1\n[a]: b\n",
            "x.rest.yaml:2: a key must be text, not a list");
        row("url is a list", "x.rest.yaml", "version: 1\nurl:\n  - a\n", "x.rest.yaml:3: url must be text, not a list");
        row("method with a space", "x.rest.yaml", "version: 1\nmethod: GET ME\n",
            "x.rest.yaml:2: method must be an HTTP method such as GET");
        row("params not a list", "x.rest.yaml", "version: 1\nparams: a=1\n",
            "x.rest.yaml:2: params must be a list of entries with name and value, not text");
        row("param not a mapping", "x.rest.yaml", "version: 1\nparams:\n  - a=1\n",
            "x.rest.yaml:3: params[1] must be a mapping of keys, not text");
        row("param without a name", "x.rest.yaml", "version: 1\nparams:\n  - value: 1\n",
            "x.rest.yaml:3: params[1] needs a name");
        row("header enabled maybe", "x.rest.yaml",
            "version: 1\nheaders:\n  - name: a\n    value: b\n    enabled: maybe\n",
            "x.rest.yaml:5: headers[1].enabled must be true or false, not \"maybe\"");
        row("body kind unknown", "x.rest.yaml", "version: 1\nbody:\n  kind: xml\n",
            "x.rest.yaml:3: body.kind must be one of none, json, raw, form, multipart, file, not \"xml\"");
        row("body is text", "x.rest.yaml", "version: 1\nbody: hello\n",
            "x.rest.yaml:2: body must be a mapping of keys, not text");
        row("multipart not a list", "x.rest.yaml", "version: 1\nbody:\n  multipart: a\n",
            "x.rest.yaml:3: body.multipart must be a list of parts, not text");
        row("multipart part without a name", "x.rest.yaml", "version: 1\nbody:\n  multipart:\n    - value: a\n",
            "x.rest.yaml:4: body.multipart[1] needs a name");
        row("auth kind unknown", "x.rest.yaml", "version: 1\nauth:\n  kind: oauth\n",
            "x.rest.yaml:3: auth.kind must be one of none, basic, bearer, apikey, not \"oauth\"");
        row("api key in a cookie", "x.rest.yaml", "version: 1\nauth:\n  kind: apikey\n  in: cookie\n",
            "x.rest.yaml:4: auth.in must be one of header, query, not \"cookie\"");
        row("api key without a name", "x.rest.yaml", "version: 1\nauth:\n  kind: apikey\n  name: ''\n",
            "x.rest.yaml:3: auth.name must name the API key's header or parameter");
        row("timeout not a number", "x.rest.yaml", "version: 1\noptions:\n  timeoutMs: soon\n",
            "x.rest.yaml:3: options.timeoutMs must be a whole number, not \"soon\"");
        row("timeout negative", "x.rest.yaml", "version: 1\noptions:\n  timeoutMs: -5\n",
            "x.rest.yaml:3: options.timeoutMs must be between 0 and 2147483647, not -5");
        row("http version unknown", "x.rest.yaml", "version: 1\noptions:\n  httpVersion: http3\n",
            "x.rest.yaml:3: options.httpVersion must be one of auto, http1.1, http2, http2-prior-knowledge, not "
            "\"http3\"");
        row("tls not a mapping", "x.rest.yaml", "version: 1\noptions:\n  tls: true\n",
            "x.rest.yaml:3: options.tls must be a mapping of keys, not text");
        row("graphql transport unknown", "q.graphql.yaml", "version: 1\ntransport: sse\n",
            "q.graphql.yaml:2: transport must be one of http-post, http-get, graphql-transport-ws, "
            "subscriptions-transport-ws, not \"sse\"");
        row("graphql persisted yes", "q.graphql.yaml", "version: 1\npersistedQuery: yes\n",
            "q.graphql.yaml:2: persistedQuery must be true or false, not \"yes\"");
        row("graphql variables as a mapping", "q.graphql.yaml", "version: 1\nvariables:\n  userId: 42\n",
            "q.graphql.yaml:3: variables must be text, not a mapping");
        row("grpc deadline zero", "c.grpc.yaml", "version: 1\ndeadlineMs: 0\n",
            "c.grpc.yaml:2: deadlineMs must be between 1 and 2147483647, not 0");
        row("grpc files without files", "c.grpc.yaml", "version: 1\nproto:\n  source: files\n",
            "c.grpc.yaml:3: proto.files must list at least one .proto file");
        row("grpc files not a list", "c.grpc.yaml", "version: 1\nproto:\n  source: files\n  files: a.proto\n",
            "c.grpc.yaml:4: proto.files must be a list of text, not text");
        row("grpc descriptor set missing", "c.grpc.yaml", "version: 1\nproto:\n  source: descriptor-set\n",
            "c.grpc.yaml:3: proto.descriptorSet must name a descriptor set file");
        row("grpc tls on", "c.grpc.yaml", "version: 1\ntls:\n  enabled: on\n",
            "c.grpc.yaml:3: tls.enabled must be true or false, not \"on\"");
        row("grpc transport unknown", "c.grpc.yaml", "version: 1\ntransport: grpc-websocket\n",
            "c.grpc.yaml:2: transport must be one of grpc, grpc-web, grpc-web-text, not \"grpc-websocket\"");
        row("checks not a list", "x.rest.yaml", "version: 1\nchecks: status 200\n",
            "x.rest.yaml:2: checks must be a list, not text");
        row("check not a mapping", "x.rest.yaml", "version: 1\nchecks:\n  - status 200\n",
            "x.rest.yaml:3: each check must be a mapping, not text");
    }
    void malformedFiles() {
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QFETCH(bool, isError);
        const auto style = styleOfFileName(file);
        QVERIFY(style.has_value());
        const RequestReadResult read = readRequest(bytes, *style, requestNameOfFileName(file), file);
        QStringList texts;
        for (const Diagnostic &diagnostic : read.diagnostics)
            texts.append(diagnostic.text());
        QVERIFY2(texts.contains(message), qPrintable(texts.join(" | ")));
        QCOMPARE(read.ok(), !isError);
    }

    // One file with several problems reports all of them and still reads the good parts.
    void readingGoesOnPastAProblem() {
        const QByteArray bytes =
            "version: 1\nmethod: POST\noptions:\n  timeoutMs: soon\n  gzip: maybe\nurl: http://a\n";
        const RequestReadResult read = readRequest(bytes, RequestStyle::Rest, "x", "x.rest.yaml");
        QCOMPARE(read.diagnostics.size(), 2);
        QCOMPARE(read.diagnostics.at(0).line, 4);
        QCOMPARE(read.diagnostics.at(1).line, 5);
        QCOMPARE(read.document.http.method, QString("POST"));
        QCOMPARE(read.document.http.url, QString("http://a"));
        QCOMPARE(read.document.name, QString("x"));
    }

    void oversizedFileIsRefusedUnread() {
        const QByteArray bytes = "version: 1\nnotes: " + QByteArray(format::kMaxFileBytes, 'a') + "\n";
        const RequestReadResult read = readRequest(bytes, RequestStyle::Rest, "x", "x.rest.yaml");
        QCOMPARE(read.diagnostics.size(), 1);
        QVERIFY(read.diagnostics.first().message.startsWith("the file is over 8 MiB"));
    }
};

QTEST_GUILESS_MAIN(TestDocumentReader)
#include "test_documentreader.moc"
