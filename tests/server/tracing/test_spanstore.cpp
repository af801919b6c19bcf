#include "server/tracing/spanstore.h"

#include <QtTest>

using namespace triptych::tracing;

namespace {
SpanRecord spanOf(const TraceId &traceId) {
    SpanRecord span;
    span.traceId = traceId;
    span.spanId = newSpanId();
    span.name = "x";
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

    void boundsSpansPerTrace() {
        SpanStore store(3, 5);
        const auto id = newTraceId();
        for (int i = 0; i < 8; ++i)
            store.add(spanOf(id));
        QCOMPARE(store.trace(id).size(), size_t(5));
        QCOMPARE(store.droppedSpans(), size_t(3));
    }

    void staysWithinBoundsUnder100kRequests() {
        SpanStore store;
        for (int request = 0; request < 100'000; ++request) {
            const auto id = newTraceId();
            for (int span = 0; span < 4; ++span)
                store.add(spanOf(id));
        }
        QVERIFY(store.traceCount() <= SpanStore::kDefaultMaxTraces);
        QCOMPARE(store.spanCount(), store.traceCount() * 4);
    }
};

QTEST_GUILESS_MAIN(TestSpanStore)
#include "test_spanstore.moc"
