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
