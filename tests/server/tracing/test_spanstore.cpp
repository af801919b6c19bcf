#include "server/tracing/spanstore.h"

#include <QtTest>

using namespace triptych::tracing;

namespace {

const SpanName kName = "x";

FinishedSpan spanOf(const TraceId &traceId) {
    FinishedSpan span;
    span.traceId = traceId;
    span.spanId = newSpanId();
    span.name = &kName;
    return span;
}

} // namespace

class TestSpanStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsTracesUntilEvicted() {
        SpanStore store(3, 10);
        std::vector<TraceId> ids;
        for (int i = 0; i < 4; ++i) {
            ids.push_back(newTraceId());
            store.add(spanOf(ids.back()));
            store.add(spanOf(ids.back()));
        }
        QCOMPARE(store.traceCount(), size_t(3));
        QVERIFY(store.trace(ids[0]).empty()); // the oldest went first
        QCOMPARE(store.trace(ids[3]).size(), size_t(2));
        QCOMPARE(store.spanCount(), size_t(6));
    }

    void addsToATraceAfterOthersCameBetween() {
        SpanStore store(3, 10);
        const auto first = newTraceId();
        const auto second = newTraceId();
        store.add(spanOf(first));
        store.add(spanOf(second));
        store.add(spanOf(first)); // a gateway call's server spans land in the trace of the request that made it
        QCOMPARE(store.trace(first).size(), size_t(2));
        QCOMPARE(store.trace(second).size(), size_t(1));
        QCOMPARE(store.traceCount(), size_t(2));
    }

    void boundsSpansPerTrace() {
        SpanStore store(3, 5);
        const auto id = newTraceId();
        for (int i = 0; i < 8; ++i)
            store.add(spanOf(id));
        QCOMPARE(store.trace(id).size(), size_t(5));
        QCOMPARE(store.droppedSpans(), size_t(3));
    }

    void readsBackWhatWasAdded_data() {
        QTest::addColumn<bool>("literalName");
        QTest::addColumn<bool>("failed");
        QTest::newRow("literal name, ok") << true << false;
        QTest::newRow("composed name, failed") << false << true;
    }

    void readsBackWhatWasAdded() {
        QFETCH(bool, literalName);
        QFETCH(bool, failed);
        SpanStore store;
        const SpanName name = literalName ? SpanName("OrderService.userOrders") : SpanName(std::string("GET /v1/{id}"));
        const std::vector<Attribute> attributes{{"db.statement", std::string("SELECT 1 FROM users WHERE id = ?")},
                                                {"db.response.returned_rows", std::int64_t(-3)},
                                                {"ratio", 0.25},
                                                {"cache.hit", true},
                                                {"empty", std::string()}};
        FinishedSpan span = spanOf(newTraceId());
        span.parentSpanId = newSpanId();
        span.name = &name;
        span.kind = SpanKind::Client;
        span.startUnixNanos = 1700000000000000001;
        span.endUnixNanos = 1700000000000250002;
        span.attributes = attributes;
        span.error = failed;
        span.statusMessage = failed ? "it broke" : "";
        store.add(span);
        const auto spans = store.trace(span.traceId);
        QCOMPARE(spans.size(), size_t(1));
        const SpanRecord &read = spans.front();
        QVERIFY(read.traceId == span.traceId);
        QVERIFY(read.spanId == span.spanId);
        QVERIFY(read.parentSpanId == span.parentSpanId);
        QCOMPARE(read.name, std::string(name.view()));
        QCOMPARE(read.kind, SpanKind::Client);
        QCOMPARE(read.startUnixNanos, span.startUnixNanos);
        QCOMPARE(read.endUnixNanos, span.endUnixNanos);
        QVERIFY(read.attributes == attributes);
        QCOMPARE(read.error, failed);
        QCOMPARE(read.statusMessage, std::string(span.statusMessage));
    }

    void staysWithinBoundsUnder100kRequests() {
        SpanStore store;
        const std::vector<Attribute> attributes{{"db.statement", std::string(300, 's')}};
        for (int request = 0; request < 100'000; ++request) {
            auto span = spanOf(newTraceId());
            span.attributes = attributes;
            for (int i = 0; i < 4; ++i)
                store.add(span);
        }
        QCOMPARE(store.traceCount(), SpanStore::kDefaultMaxTraces);
        QCOMPARE(store.spanCount(), store.traceCount() * 4);
        // Slots are reused in place: the memory is what the last 2,000 traces need, not what 100,000 did.
        QVERIFY(store.retainedBytes() <= SpanStore::kDefaultMaxTraces * SpanStore::kSlotBytes);
    }

    void givesBackTheBufferOfAHugeTraceWhenItsSlotIsReused() {
        SpanStore store(2, 10'000);
        const std::vector<Attribute> attributes{{"db.statement", std::string(1000, 's')}};
        auto huge = spanOf(newTraceId());
        huge.attributes = attributes;
        for (int i = 0; i < 500; ++i)
            store.add(huge);
        QVERIFY(store.retainedBytes() > SpanStore::kMaxKeptSlotBytes);
        store.add(spanOf(newTraceId()));
        store.add(spanOf(newTraceId())); // evicts the huge trace
        QVERIFY(store.retainedBytes() < SpanStore::kMaxKeptSlotBytes);
    }

    // Buffers only grow: without a bound each slot would keep the largest trace it ever held (RSS after a long load).
    void keepsNoMoreGrownBuffersThanItsBudget() {
        SpanStore store(100, 10'000);
        const std::vector<Attribute> attributes{{"db.statement", std::string(1000, 's')}};
        auto big = spanOf(newTraceId());
        big.attributes = attributes;
        for (int trace = 0; trace < 100; ++trace) { // every slot grows to hold about 40 KiB
            big.traceId = newTraceId();
            for (int i = 0; i < 40; ++i)
                store.add(big);
        }
        QVERIFY(store.retainedBytes() > 100 * SpanStore::kSlotBytes + SpanStore::kMaxKeptGrowthBytes);
        for (int trace = 0; trace < 100; ++trace)
            store.add(spanOf(newTraceId())); // small traces take the slots over
        QCOMPARE(store.traceCount(), std::size_t(100));
        QVERIFY(store.retainedBytes() <= 100 * SpanStore::kSlotBytes + SpanStore::kMaxKeptGrowthBytes);
    }

    void boundsTheBytesOfATraceAndOfTheStore() {
        // 1 KiB spans: a trace holds at most 8 KiB of them, the store 20 KiB in all; the rest is dropped, and new
        // traces push the oldest out, so memory stays bounded whatever arrives.
        SpanStore store(100, 10'000, 8 * 1024, 20 * 1024);
        const std::vector<Attribute> attributes{{"db.statement", std::string(1000, 's')}};
        std::vector<TraceId> ids;
        for (int trace = 0; trace < 4; ++trace) {
            ids.push_back(newTraceId());
            auto span = spanOf(ids.back());
            span.attributes = attributes;
            for (int i = 0; i < 20; ++i)
                store.add(span);
        }
        QVERIFY(store.trace(ids[0]).size() <= 8);
        QVERIFY(store.trace(ids[0]).size() >= 7);
        QVERIFY(store.trace(ids[3]).empty()); // the store was full by then
        QVERIFY(store.spanCount() <= 20);
        QCOMPARE(store.droppedSpans(), 80 - store.spanCount());
    }
};

QTEST_GUILESS_MAIN(TestSpanStore)
#include "test_spanstore.moc"
