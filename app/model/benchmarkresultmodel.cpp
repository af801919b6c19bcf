#include "app/model/benchmarkresultmodel.h"

#include "app/model/formatting.h"

namespace triptych::model {

BenchmarkResultModel::BenchmarkResultModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void BenchmarkResultModel::setResults(const QList<BenchmarkResult> &results) {
    beginResetModel();
    m_results = results;
    endResetModel();
}

int BenchmarkResultModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_results.size());
}

int BenchmarkResultModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BenchmarkResultModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_results.size())
        return {};
    const auto &result = m_results.at(index.row());
    const auto &stats = result.stats;
    if (role == Qt::ToolTipRole)
        return result.firstError.isEmpty() ? result.target : result.target + QLatin1Char('\n') + result.firstError;
    if (role == Qt::TextAlignmentRole && index.column() != Style)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const bool none = stats.successCount() == 0;
    switch (index.column()) {
    case Style:
        return result.label;
    case Requests:
        return stats.requestCount();
    case Errors:
        return stats.errorCount();
    case P50:
        return none ? QStringLiteral("—") : formatDuration(stats.percentileUs(50));
    case P90:
        return none ? QStringLiteral("—") : formatDuration(stats.percentileUs(90));
    case P99:
        return none ? QStringLiteral("—") : formatDuration(stats.percentileUs(99));
    case Mean:
        return none ? QStringLiteral("—") : formatDuration(stats.meanUs());
    case Throughput:
        return tr("%1 req/s").arg(stats.throughputPerSecond(), 0, 'f', stats.throughputPerSecond() < 100 ? 1 : 0);
    default:
        return {};
    }
}

QVariant BenchmarkResultModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Style:
        return tr("Style");
    case Requests:
        return tr("Requests");
    case Errors:
        return tr("Errors");
    case P50:
        return tr("p50");
    case P90:
        return tr("p90");
    case P99:
        return tr("p99");
    case Mean:
        return tr("Mean");
    case Throughput:
        return tr("Throughput");
    default:
        return {};
    }
}

} // namespace triptych::model
