#include "app/session/lessonrecord.h"

#include <QTest>

using namespace triptych;
using namespace triptych::session;
using client::CallKind;
using client::CallRecord;

Q_DECLARE_METATYPE(QList<triptych::client::CallRecord>)

namespace {

CallRecord call(CallKind kind, int status, qint64 bytes, qint64 totalUs, int sql = 0) {
    CallRecord record;
    record.kind = kind;
    if (kind == CallKind::Grpc)
        record.grpcCode = status;
    else
        record.httpStatus = status;
    record.sizes.responseBodyWireBytes = bytes;
    record.timings.totalUs = totalUs;
    for (int i = 0; i < sql; ++i) {
        client::TraceSpan span;
        span.fromServer = true;
        span.name = QStringLiteral("SELECT");
        span.attributes = {{QStringLiteral("db.statement"), QStringLiteral("SELECT 1")}};
        record.spans.append(span);
    }
    return record;
}

CallRecord graphqlError(const QByteArray &code) {
    CallRecord record = call(CallKind::GraphQL, 200, 80, 1000);
    record.body = R"({"errors":[{"message":"no","extensions":{"code":")" + code + R"("}}],"data":null})";
    return record;
}

CallRecord problem() {
    CallRecord record = call(CallKind::Rest, 404, 120, 900);
    record.responseHeaders = {{"Content-Type", "application/problem+json"}, {"ETag", "\"abc\""}};
    record.body = R"({"type":"about:blank","title":"Not Found","status":404})";
    return record;
}

// A validation problem carries an `errors` list too, which is not GraphQL's.
CallRecord validationProblem() {
    CallRecord record = call(CallKind::Rest, 422, 200, 300);
    record.responseHeaders = {{"content-type", "application/problem+json"}};
    record.body = R"({"title":"Validation failed","status":422,"errors":[{"field":"quantity","message":"1..1000"}]})";
    return record;
}

CallRecord grpcBadRequest() {
    CallRecord record = call(CallKind::Grpc, 3, 0, 700);
    record.grpcDetailsJson = R"({"code":3,"details":[{"@type":"type.googleapis.com/google.rpc.BadRequest"}]})";
    return record;
}

CallRecord stream(CallKind kind, int messages) {
    CallRecord record = call(kind, kind == CallKind::Grpc ? 1 : 200, 0, 2'500'000);
    for (int i = 0; i < messages; ++i)
        record.messages.append({false, i * 1000, 50, QStringLiteral("order"), "{}"});
    record.messages.append({true, 0, 20, QStringLiteral("subscribe"), "{}"});
    return record;
}

CallRecord gzipped(CallKind kind, qint64 bytes) {
    CallRecord record = call(kind, 200, bytes, 2000);
    record.responseHeaders = {{"Content-Encoding", "gzip"}, {"ETag", "\"v1-gzip\""}};
    return record;
}

CallRecord notModified() {
    CallRecord record = call(CallKind::Rest, 304, 0, 400);
    record.responseHeaders = {{"ETag", "\"abc\""}};
    return record;
}

// A call over TLS: a new connection with its handshake and the leaf and CA sent, or a reused one with neither phase.
CallRecord secured(CallKind kind, std::optional<qint64> handshakeUs, qint64 connectUs = 0) {
    CallRecord record = call(kind, kind == CallKind::Grpc ? 0 : 200, 60, 5000);
    record.httpVersion = kind == CallKind::Grpc ? QString() : QStringLiteral("HTTP/1.1");
    record.timings.tlsUs = handshakeUs;
    if (connectUs > 0)
        record.timings.connectUs = connectUs;
    record.tls.secured = true;
    record.tls.protocol = kind == CallKind::Grpc ? QString() : QStringLiteral("TLSv1.3");
    record.tls.sessionReused = !handshakeUs;
    record.tls.chain = {{QStringLiteral("localhost"), QStringLiteral("Triptych local CA"), {}, {}, {}, {}},
                        {QStringLiteral("Triptych local CA"), QStringLiteral("Triptych local CA"), {}, {}, {}, {}}};
    return record;
}

// A gRPC call answered in gRPC-Web: binary frames, or the same as base64 text on the wire.
CallRecord grpcWeb(bool text, qint64 frameBytes) {
    CallRecord record = call(CallKind::Grpc, 0, text ? (frameBytes + 2) / 3 * 4 : frameBytes, 3000);
    record.sizes.responseBodyDecodedBytes = frameBytes;
    record.responseHeaders = {
        {"Content-Type", text ? "application/grpc-web-text+proto" : "application/grpc-web+proto"}};
    return record;
}

CallRecord preflight() {
    CallRecord record = call(CallKind::Rest, 204, 0, 400);
    record.httpVersion = QStringLiteral("HTTP/1.1");
    record.responseHeaders = {{"Access-Control-Allow-Origin", "https://shop.example"},
                              {"Access-Control-Allow-Methods", "POST, OPTIONS"},
                              {"Access-Control-Allow-Headers", "content-type, x-grpc-web"}};
    return record;
}

// A step's record with the step before's: {previous.…} reads the first.
LessonRecord withPrevious(const QList<CallRecord> &before, const QList<CallRecord> &now) {
    LessonRecord previous;
    for (const auto &call : before)
        previous.add(call);
    LessonRecord record;
    record.setPrevious(previous);
    for (const auto &call : now)
        record.add(call);
    return record;
}

QList<CallRecord> nPlusOne() {
    QList<CallRecord> records{call(CallKind::Rest, 200, 9000, 3000, 1), call(CallKind::GraphQL, 200, 20'000, 8000, 2)};
    for (int i = 0; i < 50; ++i)
        records << call(CallKind::Rest, 200, 300, 1000, 1) << call(CallKind::Grpc, 0, 200, 1000, 1);
    return records;
}

} // namespace

// A lesson step's sentence and claim, filled and checked from the records of a run (docs/lessons.md).
class TestLessonRecord : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fillsTheSentence_data() {
        QTest::addColumn<QList<CallRecord>>("records");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("filled");
        QTest::newRow("sizes") << QList<CallRecord>{call(CallKind::Rest, 200, 2134, 1500),
                                                    call(CallKind::GraphQL, 200, 96, 1200),
                                                    call(CallKind::Grpc, 0, 41, 800)}
                               << "REST sent {rest.received}; GraphQL {graphql.received} and gRPC {grpc.received}."
                               << "REST sent 2,134 B; GraphQL 96 B and gRPC 41 B.";
        QTest::newRow("large sizes and times") << QList<CallRecord>{call(CallKind::Rest, 200, 180'000, 25'400),
                                                                    call(CallKind::Grpc, 0, 3'500'000, 1'234'000)}
                                               << "{rest.received} in {rest.time}, {grpc.received} in {grpc.time}"
                                               << "176 KB in 25 ms, 3.3 MB in 1.23 s";
        QTest::newRow("N+1 counts")
            << nPlusOne() << "REST {rest.calls} requests, {rest.sql} SQL; GraphQL {graphql.sql}; gRPC {grpc.calls}"
            << "REST 51 requests, 51 SQL; GraphQL 2; gRPC 50";
        QTest::newRow("a style without a call reads …")
            << QList<CallRecord>{call(CallKind::Rest, 200, 10, 10)} << "{rest.status} and {grpc.status}"
            << "200 and …";
        QTest::newRow("error models")
            << QList<CallRecord>{problem(), graphqlError("NOT_FOUND"), grpcBadRequest()}
            << "{rest.status} {rest.detail} {rest.code}; {graphql.status} {graphql.code}; {grpc.status} {grpc.detail}"
            << "404 application/problem+json Not_Found; 200 NOT_FOUND; INVALID_ARGUMENT BadRequest";
        QTest::newRow("a validation problem is not a GraphQL error")
            << QList<CallRecord>{validationProblem()} << "{rest.status} {rest.code}"
            << "422 Validation_failed";
        QTest::newRow("refused by the rate limit")
            << QList<CallRecord>{call(CallKind::Rest, 200, 10, 10), call(CallKind::Rest, 429, 10, 10),
                                 call(CallKind::Rest, 429, 10, 10), call(CallKind::Grpc, 8, 0, 10),
                                 call(CallKind::Grpc, 0, 0, 10)}
            << "{rest.refused} of {rest.calls}, {grpc.refused} of {grpc.calls} ({grpc.status})"
            << "2 of 3, 1 of 2 (RESOURCE_EXHAUSTED)";
        QTest::newRow("streams count received messages only")
            << QList<CallRecord>{stream(CallKind::Rest, 3), stream(CallKind::Grpc, 0)}
            << "{rest.messages} events ({rest.received}), {grpc.messages}, {grpc.streamed} sent"
            << "3 events (150 B), 0, 1 sent";
        QTest::newRow("headers") << QList<CallRecord>{problem(), call(CallKind::GraphQL, 200, 1, 1)}
                                 << "{rest.etag} / {graphql.etag} / {rest.cache}"
                                 << "\"abc\" / none / none";
        QTest::newRow("content encoding") << QList<CallRecord>{gzipped(CallKind::Rest, 20'000), problem()}
                                          << "{rest.encoding} {rest.etag} {rest.received}"
                                          << "gzip \"v1-gzip\" 19.6 KB";
        QTest::newRow("deprecated fields in introspection") << QList<CallRecord>{[] {
            CallRecord record = call(CallKind::GraphQL, 200, 300, 1000);
            record.body = R"({"data":{"__type":{"fields":[{"name":"a","isDeprecated":false},
                                   {"name":"b","isDeprecated":true}]},"e":{"enumValues":[{"isDeprecated":true}]}}})";
            return record;
        }()} << "{graphql.deprecated} deprecated, {rest.deprecated}"
                                                            << "2 deprecated, …";
        QTest::newRow("no content encoding") << QList<CallRecord>{problem()} << "{rest.encoding}"
                                             << "none";
        QTest::newRow("TLS handshakes and the chain")
            << QList<CallRecord>{secured(CallKind::Rest, 2400, 300), secured(CallKind::Rest, std::nullopt),
                                 secured(CallKind::Grpc, 3100)}
            << "REST {rest.handshakes} of {rest.calls} ({rest.handshake}, {rest.protocol}, connect {rest.connect}); "
               "gRPC {grpc.handshakes} ({grpc.handshake}, {grpc.protocol}); {rest.certificates}: {rest.chain}"
            << "REST 1 of 2 (2.4 ms, TLSv1.3, connect 0.3 ms); gRPC 1 (3.1 ms, TLS); 2: localhost, signed by "
               "Triptych local CA";
        QTest::newRow("plaintext has no handshake")
            << QList<CallRecord>{call(CallKind::Rest, 200, 10, 10)}
            << "{rest.handshakes} {rest.handshake} {rest.certificates} {rest.chain} {rest.protocol}"
            << "0 0.0 ms 0 none none";
        QTest::newRow("a chain whose last certificate is not its own issuer")
            << QList<CallRecord>{[] {
                   CallRecord record = secured(CallKind::Rest, 1000);
                   record.tls.chain.removeLast();
                   return record;
               }()}
            << "{rest.chain}"
            << "localhost, signed by Triptych local CA";
        QTest::newRow("gRPC-Web text on the wire and decoded")
            << QList<CallRecord>{grpcWeb(true, 38'085)} << "{grpc.transport}: {grpc.received} for {grpc.decoded}"
            << "grpc-web-text: 49.6 KB for 37.2 KB";
        QTest::newRow("transports") << QList<CallRecord>{grpcWeb(false, 300), preflight(),
                                                         [] {
                                                             CallRecord record = call(CallKind::GraphQL, 200, 10, 10);
                                                             record.httpVersion = QStringLiteral("HTTP/2");
                                                             return record;
                                                         }()}
                                    << "{grpc.transport} {rest.transport} {graphql.transport}"
                                    << "grpc-web http/1.1 http/2";
        QTest::newRow("native gRPC") << QList<CallRecord>{call(CallKind::Grpc, 0, 41, 1)} << "{grpc.transport}"
                                     << "grpc";
        QTest::newRow("the CORS answer")
            << QList<CallRecord>{preflight(), call(CallKind::Grpc, 0, 41, 1)}
            << "{rest.status}: {rest.alloworigin}; {rest.allowmethods}; {rest.allowheaders}; {grpc.alloworigin}"
            << "204: https://shop.example; POST, OPTIONS; content-type, x-grpc-web; none";
        QTest::newRow("unknown names stay") << QList<CallRecord>{call(CallKind::Rest, 200, 1, 1)}
                                            << "{rest.colour} {soap.calls} {amount_cents, currency}"
                                            << "{rest.colour} {soap.calls} {amount_cents, currency}";
    }
    void fillsTheSentence() {
        QFETCH(QList<CallRecord>, records);
        QFETCH(QString, text);
        QFETCH(QString, filled);
        LessonRecord record;
        for (const auto &call : records)
            record.add(call);
        QCOMPARE(record.fill(text), filled);
    }

    void fillsFromTheStepBefore_data() {
        QTest::addColumn<QList<CallRecord>>("before");
        QTest::addColumn<QList<CallRecord>>("now");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("filled");
        QTest::addColumn<QString>("claim");
        QTest::addColumn<bool>("holds");
        QTest::newRow("304 saves the body") << QList<CallRecord>{problem()} << QList<CallRecord>{notModified()}
                                            << "{previous.rest.etag}: {rest.status}, {previous.rest.received} saved"
                                            << "\"abc\": 304, 120 B saved"
                                            << "rest.status == 304 and rest.received < previous.rest.received" << true;
        QTest::newRow("gzip did not shrink")
            << QList<CallRecord>{call(CallKind::Rest, 200, 100, 1)} << QList<CallRecord>{gzipped(CallKind::Rest, 120)}
            << "{previous.rest.received} → {rest.received}"
            << "100 B → 120 B"
            << "rest.received < previous.rest.received" << false;
        QTest::newRow("no step before reads …")
            << QList<CallRecord>{} << QList<CallRecord>{notModified()} << "{previous.rest.etag} {rest.etag}"
            << "… \"abc\""
            << "previous.rest.received > 0" << false;
        QTest::newRow("the step before's other style")
            << QList<CallRecord>{call(CallKind::Grpc, 0, 41, 1)} << QList<CallRecord>{gzipped(CallKind::GraphQL, 30)}
            << "{graphql.received} vs {previous.grpc.received}"
            << "30 B vs 41 B"
            << "graphql.received < previous.grpc.received and graphql.encoding == gzip" << true;
        QTest::newRow("a reused connection pays no handshake")
            << QList<CallRecord>{secured(CallKind::Rest, 2400), secured(CallKind::Grpc, 3100)}
            << QList<CallRecord>{secured(CallKind::Rest, std::nullopt), secured(CallKind::Grpc, std::nullopt)}
            << "{rest.handshakes} now, {previous.rest.handshake} before; gRPC {previous.grpc.handshake}"
            << "0 now, 2.4 ms before; gRPC 3.1 ms"
            << "rest.handshakes == 0 and grpc.handshakes == 0 and previous.rest.handshakes >= 1" << true;
        QTest::newRow("a new connection again")
            << QList<CallRecord>{secured(CallKind::Rest, 2400)} << QList<CallRecord>{secured(CallKind::Rest, 2000)}
            << "{rest.handshake} after {previous.rest.handshake}"
            << "2.0 ms after 2.4 ms"
            << "rest.handshakes == 0 and previous.rest.handshakes >= 1" << false;
        QTest::newRow("text is the binary frames in base64")
            << QList<CallRecord>{grpcWeb(false, 38'085)} << QList<CallRecord>{grpcWeb(true, 38'085)}
            << "{grpc.received} for {grpc.decoded}, binary {previous.grpc.received}"
            << "49.6 KB for 37.2 KB, binary 37.2 KB"
            << "grpc.transport == grpc-web-text and grpc.decoded == previous.grpc.received and "
               "grpc.received > grpc.decoded"
            << true;
        QTest::newRow("text of other frames")
            << QList<CallRecord>{grpcWeb(false, 38'085)} << QList<CallRecord>{grpcWeb(true, 30'000)}
            << "{grpc.decoded} vs {previous.grpc.received}"
            << "29.3 KB vs 37.2 KB"
            << "grpc.decoded == previous.grpc.received" << false;
    }
    void fillsFromTheStepBefore() {
        QFETCH(QList<CallRecord>, before);
        QFETCH(QList<CallRecord>, now);
        QFETCH(QString, text);
        QFETCH(QString, filled);
        QFETCH(QString, claim);
        QFETCH(bool, holds);
        const LessonRecord record = withPrevious(before, now);
        QCOMPARE(record.fill(text), filled);
        QCOMPARE(record.check(claim).holds, holds);
        QCOMPARE(LessonRecord::checkTemplate(text), QString());
        QCOMPARE(LessonRecord::checkClaim(claim), QString());
        QVERIFY(LessonRecord::usesPrevious(text + claim));
    }

    void checksTheClaim_data() {
        QTest::addColumn<QList<CallRecord>>("records");
        QTest::addColumn<QString>("claim");
        QTest::addColumn<bool>("holds");
        QTest::addColumn<QString>("because");
        const QList<CallRecord> sizes{call(CallKind::Rest, 200, 2134, 1500), call(CallKind::GraphQL, 200, 96, 1200),
                                      call(CallKind::Grpc, 0, 41, 800)};
        QTest::newRow("figure > figure") << sizes << "rest.received > graphql.received" << true
                                         << "rest.received (2,134 B) > graphql.received (96 B)";
        QTest::newRow("a false clause fails the claim")
            << sizes << "rest.received > graphql.received and grpc.received > rest.received" << false
            << "rest.received (2,134 B) > graphql.received (96 B), grpc.received (41 B) > rest.received (2,134 B) — "
               "not so";
        QTest::newRow("number") << nPlusOne() << "graphql.sql <= 3 and rest.calls == 51" << true
                                << "graphql.sql (2) <= 3, rest.calls (51) == 51";
        QTest::newRow("word equality ignores case")
            << QList<CallRecord>{graphqlError("QUERY_TOO_DEEP")} << "graphql.code == query_too_deep" << true
            << "graphql.code (QUERY_TOO_DEEP) == query_too_deep";
        QTest::newRow("word inequality") << QList<CallRecord>{grpcBadRequest()} << "grpc.status != OK" << true
                                         << "grpc.status (INVALID_ARGUMENT) != OK";
        QTest::newRow("words do not order") << QList<CallRecord>{grpcBadRequest()} << "grpc.status > OK" << false
                                            << "grpc.status (INVALID_ARGUMENT) > OK — not so";
        QTest::newRow("a style that made no call") << sizes.mid(0, 1) << "grpc.received < rest.received" << false
                                                   << "grpc.received was not measured (no call of that style)";
        QTest::newRow("one handshake each")
            << QList<CallRecord>{secured(CallKind::Rest, 2400), secured(CallKind::GraphQL, 2200),
                                 secured(CallKind::Grpc, 3100)}
            << "rest.handshakes == 1 and graphql.handshakes == 1 and grpc.handshakes == 1 and rest.certificates == 2"
            << true
            << "rest.handshakes (1) == 1, graphql.handshakes (1) == 1, grpc.handshakes (1) == 1, "
               "rest.certificates (2) == 2";
        QTest::newRow("a reused connection is no handshake")
            << QList<CallRecord>{secured(CallKind::Rest, std::nullopt)} << "rest.handshakes == 1" << false
            << "rest.handshakes (0) == 1 — not so";
        QTest::newRow("the handshake's time in microseconds")
            << QList<CallRecord>{secured(CallKind::Grpc, 3100)} << "grpc.handshake > 3000 and grpc.protocol == tls"
            << true << "grpc.handshake (3.1 ms) > 3000, grpc.protocol (TLS) == tls";
        QTest::newRow("the preflight's origin")
            << QList<CallRecord>{preflight()} << "rest.alloworigin == https://shop.example and rest.status == 204"
            << true << "rest.alloworigin (https://shop.example) == https://shop.example, rest.status (204) == 204";
        QTest::newRow("status of a gRPC call") << sizes << "grpc.status == OK and rest.status == 200" << true
                                               << "grpc.status (OK) == OK, rest.status (200) == 200";
    }
    void checksTheClaim() {
        QFETCH(QList<CallRecord>, records);
        QFETCH(QString, claim);
        QFETCH(bool, holds);
        QFETCH(QString, because);
        LessonRecord record;
        for (const auto &call : records)
            record.add(call);
        const auto verdict = record.check(claim);
        QCOMPARE(verdict.holds, holds);
        QCOMPARE(verdict.because, because);
    }

    void malformedClaimsAndTemplates_data() {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QString>("error");
        QTest::newRow("fine") << "rest.received > 10 and grpc.status == OK"
                              << "";
        QTest::newRow("no operator") << "rest.received"
                                     << "\"rest.received\" is not \"figure OP value\"";
        QTest::newRow("left side not a figure") << "10 < rest.received"
                                                << "\"10\" is not a figure";
        QTest::newRow("unknown figure") << "rest.colour == red"
                                        << "\"rest.colour\" is not a figure";
        QTest::newRow("previous of an unknown figure") << "previous.rest.colour == red"
                                                       << "\"previous.rest.colour\" is not a figure";
        QTest::newRow("previous twice") << "previous.previous.rest.calls == 1"
                                        << "is not a figure";
        QTest::newRow("or is not a conjunction") << "rest.calls > 1 or grpc.calls > 1"
                                                 << "is not \"figure OP value\"";
    }
    void malformedClaimsAndTemplates() {
        QFETCH(QString, claim);
        QFETCH(QString, error);
        const QString found = LessonRecord::checkClaim(claim);
        if (error.isEmpty())
            QCOMPARE(found, QString());
        else
            QVERIFY2(found.contains(error), qPrintable(found));
        QCOMPARE(LessonRecord::checkTemplate(QStringLiteral("{rest.received} {grpc.time}")), QString());
        QVERIFY(LessonRecord::checkTemplate(QStringLiteral("{rest.size}")).contains(QStringLiteral("{rest.size}")));
    }
};

QTEST_GUILESS_MAIN(TestLessonRecord)
#include "test_lessonrecord.moc"
