#include "app/session/benchmarkstats.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace triptych::session {

void BenchmarkStats::add(qint64 latencyUs, bool ok) {
    if (!ok) {
        ++m_errors;
        return;
    }
    m_latencies.append(latencyUs);
    m_sortedValid = false;
}

const QList<qint64> &BenchmarkStats::sorted() const {
    if (!m_sortedValid) {
        m_sorted = m_latencies;
        std::sort(m_sorted.begin(), m_sorted.end());
        m_sortedValid = true;
    }
    return m_sorted;
}

qint64 BenchmarkStats::percentileUs(double p) const {
    const auto &values = sorted();
    if (values.isEmpty())
        return 0;
    const double clamped = std::clamp(p, 0.0, 100.0);
    const auto rank = qsizetype(std::ceil(clamped / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

qint64 BenchmarkStats::meanUs() const {
    if (m_latencies.isEmpty())
        return 0;
    const qint64 sum = std::accumulate(m_latencies.cbegin(), m_latencies.cend(), qint64(0));
    return sum / m_latencies.size();
}

double BenchmarkStats::throughputPerSecond() const {
    if (m_wallTimeUs <= 0)
        return 0;
    return double(successCount()) * 1e6 / double(m_wallTimeUs);
}

QList<int> BenchmarkStats::histogram(const HistogramBins &bins) const {
    QList<int> counts(bins.count, 0);
    if (bins.count == 0)
        return counts;
    for (const qint64 latency : m_latencies) {
        const qint64 bin = std::clamp<qint64>((latency - bins.startUs) / bins.widthUs, 0, bins.count - 1);
        ++counts[bin];
    }
    return counts;
}

HistogramBins BenchmarkStats::commonBins(const QList<const BenchmarkStats *> &runs, int binCount) {
    qint64 low = std::numeric_limits<qint64>::max();
    qint64 high = std::numeric_limits<qint64>::min();
    for (const auto *run : runs) {
        if (run->successCount() == 0)
            continue;
        low = std::min(low, run->minUs());
        high = std::max(high, run->maxUs());
    }
    if (binCount <= 0 || low > high)
        return {};
    const qint64 span = high - low + 1;
    const qint64 width = std::max<qint64>(1, (span + binCount - 1) / binCount);
    return {low, width, binCount};
}

QByteArray benchmarkCsv(const QList<BenchmarkResult> &results) {
    auto quoted = [](const QString &text) {
        QString copy = text;
        return QLatin1Char('"') + copy.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    auto ms = [](qint64 us) { return QString::number(double(us) / 1000.0, 'f', 3); };
    QString out = QStringLiteral(
        "style,target,requests,errors,p50_ms,p90_ms,p99_ms,mean_ms,min_ms,max_ms,throughput_rps,wall_ms\n");
    for (const auto &result : results) {
        const auto &s = result.stats;
        out += QStringList{quoted(result.label),
                           quoted(result.target),
                           QString::number(s.requestCount()),
                           QString::number(s.errorCount()),
                           ms(s.percentileUs(50)),
                           ms(s.percentileUs(90)),
                           ms(s.percentileUs(99)),
                           ms(s.meanUs()),
                           ms(s.minUs()),
                           ms(s.maxUs()),
                           QString::number(s.throughputPerSecond(), 'f', 1),
                           ms(s.wallTimeUs())}
                   .join(QLatin1Char(','));
        out += QLatin1Char('\n');
    }
    out += QStringLiteral("\nstyle,sample,latency_us\n");
    for (const auto &result : results) {
        const auto &latencies = result.stats.latenciesUs();
        for (qsizetype i = 0; i < latencies.size(); ++i)
            out += QStringLiteral("%1,%2,%3\n").arg(quoted(result.label)).arg(i + 1).arg(latencies.at(i));
    }
    return out.toUtf8();
}

} // namespace triptych::session
