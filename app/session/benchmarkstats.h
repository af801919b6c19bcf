#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace triptych::session {

// Histogram bins shared by every style of one run, so their bars line up on one axis.
struct HistogramBins {
    qint64 startUs = 0;
    qint64 widthUs = 1;
    int count = 0;
    qint64 binStartUs(int bin) const { return startUs + bin * widthUs; }
};

// The latencies of one style's benchmark run and the figures people compare: percentiles, histogram, throughput.
// Percentiles and the histogram cover successful calls only, since a refused call's speed says nothing about the API.
class BenchmarkStats {
public:
    void add(qint64 latencyUs, bool ok);
    void setWallTimeUs(qint64 us) { m_wallTimeUs = us; }

    int requestCount() const { return int(m_latencies.size()) + m_errors; }
    int successCount() const { return int(m_latencies.size()); }
    int errorCount() const { return m_errors; }
    qint64 wallTimeUs() const { return m_wallTimeUs; }
    // Nearest-rank percentile (p in 0..100) of the successful latencies; 0 when there are none.
    qint64 percentileUs(double p) const;
    qint64 minUs() const { return percentileUs(0); }
    qint64 maxUs() const { return percentileUs(100); }
    qint64 meanUs() const;
    // Successful calls per second of wall time.
    double throughputPerSecond() const;
    // How many successful latencies fall in each bin; values past the last bin count in it.
    QList<int> histogram(const HistogramBins &bins) const;
    // The latencies in the order they were added.
    const QList<qint64> &latenciesUs() const { return m_latencies; }

    // Bins of whole-microsecond width spanning every successful latency of the given runs.
    static HistogramBins commonBins(const QList<const BenchmarkStats *> &runs, int binCount);

private:
    const QList<qint64> &sorted() const;

    QList<qint64> m_latencies;
    mutable QList<qint64> m_sorted; // filled on first use after an add()
    mutable bool m_sortedValid = true;
    int m_errors = 0;
    qint64 m_wallTimeUs = 0;
};

// One style's labelled result, as the dialog shows it and the CSV exports it.
struct BenchmarkResult {
    QString label;  // "REST", "GraphQL", "gRPC"
    QString target; // what was called, e.g. "GET http://127.0.0.1:8080/v1/users/42/orders"
    BenchmarkStats stats;
    QString firstError; // the first failure's message, to say why errors happened
};

// A summary table (one row per style), a blank line, then every sample (style, index, latency, ok).
QByteArray benchmarkCsv(const QList<BenchmarkResult> &results);

} // namespace triptych::session
