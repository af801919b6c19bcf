#pragma once

#include "app/session/benchmarkstats.h"

#include <QAbstractTableModel>

namespace triptych::model {

using session::BenchmarkResult;

// One row per style of a benchmark run: requests, errors, latency percentiles, mean and throughput.
class BenchmarkResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Style, Requests, Errors, P50, P90, P99, Mean, Throughput, ColumnCount };

    explicit BenchmarkResultModel(QObject *parent = nullptr);

    void setResults(const QList<BenchmarkResult> &results);
    const QList<BenchmarkResult> &results() const { return m_results; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<BenchmarkResult> m_results;
};

} // namespace triptych::model
