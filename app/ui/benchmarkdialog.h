#pragma once

#include "app/session/benchmarkcalls.h"

#include <QDialog>

#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace triptych::model {
class BenchmarkResultModel;
}

namespace triptych::ui {

// Benchmarks a preset (its three styles, one after another) or the focused pane's last call: N iterations with
// C in flight, off the GUI thread, with progress and cancel; then percentiles, throughput and errors per style, a
// latency histogram per style on one axis, and export as CSV or PNG.
class BenchmarkDialog : public QDialog {
    Q_OBJECT
public:
    // focusedCall: the focused pane's last call, when it can be repeated; label says which pane it came from.
    BenchmarkDialog(const session::Endpoints &endpoints, const std::optional<session::BenchmarkCall> &focusedCall,
                    QWidget *parent = nullptr);

    void start();
    void cancel();
    bool isRunning() const;
    bool exportCsv(const QString &path, QString *error) const;
    bool exportPng(const QString &path) const;
    // The selected calls as a Locust project in `folder` (docs/checks.md): locustExportFinished says how it went.
    void exportLocust(const QString &folder);
    QPushButton *locustButton() const { return m_locustButton; }

    QComboBox *sourceBox() const { return m_source; }
    QSpinBox *iterationsBox() const { return m_iterations; }
    QSpinBox *concurrencyBox() const { return m_concurrency; }
    QPushButton *startButton() const { return m_startButton; }
    QProgressBar *progressBar() const { return m_progress; }
    model::BenchmarkResultModel *resultModel() const { return m_resultModel; }
    QChart *chart() const;
    QString statusText() const;

Q_SIGNALS:
    void runFinished();
    void locustExportFinished(bool ok, const QString &text);

private:
    void onProgress(int done, int total, const QString &label);
    void onRunFinished(const QList<session::BenchmarkResult> &results, bool cancelled);
    void onExportCsv();
    void onExportPng();
    void onExportLocust();
    void showHistograms(const QList<session::BenchmarkResult> &results);
    QList<session::BenchmarkCall> selectedCalls() const;
    void setRunning(bool running);

    QList<session::BenchmarkPreset> m_presets;
    std::optional<session::BenchmarkCall> m_focusedCall;
    session::BenchmarkRunner *m_runner;
    model::BenchmarkResultModel *m_resultModel;
    QComboBox *m_source;
    QSpinBox *m_iterations;
    QSpinBox *m_concurrency;
    QPushButton *m_startButton;
    QPushButton *m_csvButton;
    QPushButton *m_pngButton;
    QPushButton *m_locustButton;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableView *m_table;
    QChartView *m_chartView;
};

} // namespace triptych::ui
