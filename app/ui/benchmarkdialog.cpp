#include "app/ui/benchmarkdialog.h"

#include "app/model/benchmarkresultmodel.h"
#include "app/session/benchmarklocust.h"
#include "app/ui/composerpane.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace triptych::ui {

namespace {
constexpr int kDefaultIterations = 200;
constexpr int kMaxIterations = 1'000'000;
constexpr int kDefaultConcurrency = 4;
constexpr int kMaxConcurrency = 64;
constexpr int kHistogramBins = 20;
} // namespace

BenchmarkDialog::BenchmarkDialog(const session::Endpoints &endpoints,
                                 const std::optional<session::BenchmarkCall> &focusedCall, QWidget *parent)
    : QDialog(parent)
    , m_presets(session::benchmarkPresets(endpoints))
    , m_focusedCall(focusedCall)
    , m_runner(new session::BenchmarkRunner(this))
    , m_resultModel(new model::BenchmarkResultModel(this))
    , m_source(new QComboBox(this))
    , m_iterations(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_startButton(new QPushButton(tr("Start"), this))
    , m_csvButton(new QPushButton(tr("Export CSV…"), this))
    , m_pngButton(new QPushButton(tr("Export PNG…"), this))
    , m_locustButton(new QPushButton(tr("Export to Locust…"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_chartView(new QChartView(new QChart, this)) {
    setWindowTitle(tr("Benchmark"));
    for (const auto &preset : std::as_const(m_presets))
        m_source->addItem(tr("%1 — REST, GraphQL and gRPC").arg(preset.name));
    if (m_focusedCall)
        m_source->addItem(tr("Focused pane's call: %1").arg(m_focusedCall->target()));
    else
        m_source->addItem(tr("Focused pane's call (send a unary call in a pane first)"));
    m_source->setCurrentIndex(m_focusedCall ? int(m_presets.size()) : 0);
    m_iterations->setRange(1, kMaxIterations);
    m_iterations->setValue(kDefaultIterations);
    m_iterations->setToolTip(tr("Calls per style"));
    m_concurrency->setRange(1, kMaxConcurrency);
    m_concurrency->setValue(kDefaultConcurrency);
    m_concurrency->setToolTip(tr("Calls of one style in flight at once"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_csvButton->setEnabled(false);
    m_pngButton->setEnabled(false);

    m_table->setModel(m_resultModel);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Room for the header and the three styles, no more: the histogram gets the rest.
    const int row = m_table->fontMetrics().height() + 8;
    m_table->verticalHeader()->setDefaultSectionSize(row);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + 3 * row + 2 * m_table->frameWidth() + 2);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(280);
    m_chartView->chart()->setTitle(tr("Latency histogram"));
    m_chartView->chart()->legend()->setAlignment(Qt::AlignBottom);

    auto *form = new QFormLayout;
    form->addRow(tr("Benchmark"), m_source);
    auto *counts = new QHBoxLayout;
    counts->addWidget(m_iterations);
    counts->addWidget(new QLabel(tr("calls per style, with"), this));
    counts->addWidget(m_concurrency);
    counts->addWidget(new QLabel(tr("in flight"), this));
    counts->addStretch();
    form->addRow(tr("Iterations"), counts);
    auto *run = new QHBoxLayout;
    run->addWidget(m_progress, 1);
    run->addWidget(m_startButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_csvButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_pngButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_locustButton, QDialogButtonBox::ActionRole);
    m_locustButton->setToolTip(tr("Write these calls as a Locust project: load from many machines"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(run);
    layout->addWidget(m_status);
    layout->addWidget(m_table);
    layout->addWidget(m_chartView, 1);
    layout->addWidget(buttons);
    resize(820, 640);

    connect(m_startButton, &QPushButton::clicked, this, [this] { isRunning() ? cancel() : start(); });
    connect(m_csvButton, &QPushButton::clicked, this, &BenchmarkDialog::onExportCsv);
    connect(m_pngButton, &QPushButton::clicked, this, &BenchmarkDialog::onExportPng);
    connect(m_locustButton, &QPushButton::clicked, this, &BenchmarkDialog::onExportLocust);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_runner, &session::BenchmarkRunner::progressChanged, this, &BenchmarkDialog::onProgress);
    connect(m_runner, &session::BenchmarkRunner::runFinished, this, &BenchmarkDialog::onRunFinished);
    connect(this, &QDialog::rejected, m_runner, &session::BenchmarkRunner::cancel);
}

QList<session::BenchmarkCall> BenchmarkDialog::selectedCalls() const {
    const int index = m_source->currentIndex();
    if (index >= 0 && index < m_presets.size())
        return m_presets.at(index).calls;
    if (m_focusedCall)
        return {*m_focusedCall};
    return {};
}

void BenchmarkDialog::start() {
    if (isRunning())
        return;
    const auto calls = selectedCalls();
    if (calls.isEmpty()) {
        m_status->setText(tr("There is no call to repeat: send a unary call in a pane, then open the benchmark."));
        return;
    }
    m_resultModel->setResults({});
    m_chartView->chart()->removeAllSeries();
    m_progress->setRange(0, int(calls.size()) * m_iterations->value());
    m_progress->setValue(0);
    m_status->setText(tr("Running %1…").arg(calls.first().label));
    setRunning(true);
    m_runner->start({calls, m_iterations->value(), m_concurrency->value()});
}

void BenchmarkDialog::cancel() {
    m_runner->cancel();
    m_status->setText(tr("Cancelling…"));
}

bool BenchmarkDialog::isRunning() const {
    return m_runner->isRunning();
}

void BenchmarkDialog::setRunning(bool running) {
    m_startButton->setText(running ? tr("Cancel") : tr("Start"));
    m_source->setEnabled(!running);
    m_iterations->setEnabled(!running);
    m_concurrency->setEnabled(!running);
    const bool haveResults = !running && m_resultModel->rowCount() > 0;
    m_csvButton->setEnabled(haveResults);
    m_pngButton->setEnabled(haveResults);
}

void BenchmarkDialog::onProgress(int done, int total, const QString &label) {
    m_progress->setRange(0, total);
    m_progress->setValue(done);
    if (!label.isEmpty() && done < total)
        m_status->setText(tr("Running %1… %2 of %3 calls").arg(label).arg(done).arg(total));
}

void BenchmarkDialog::onRunFinished(const QList<session::BenchmarkResult> &results, bool cancelled) {
    m_resultModel->setResults(results);
    setRunning(false);
    showHistograms(results);
    int errors = 0;
    QString firstError;
    for (const auto &result : results) {
        errors += result.stats.errorCount();
        if (firstError.isEmpty())
            firstError = result.firstError;
    }
    QString text = cancelled ? tr("Cancelled; the results so far:") : tr("Done.");
    if (errors > 0)
        text += QLatin1Char(' ') + tr("%n call(s) failed, first: %1", nullptr, errors).arg(firstError);
    m_status->setText(text);
    if (!cancelled)
        m_progress->setValue(m_progress->maximum());
    Q_EMIT runFinished();
}

void BenchmarkDialog::showHistograms(const QList<session::BenchmarkResult> &results) {
    auto *chart = m_chartView->chart();
    chart->removeAllSeries();
    for (auto *axis : chart->axes())
        chart->removeAxis(axis);
    QList<const session::BenchmarkStats *> stats;
    for (const auto &result : results)
        stats.append(&result.stats);
    const auto bins = session::BenchmarkStats::commonBins(stats, kHistogramBins);
    if (bins.count == 0)
        return;
    auto *series = new QBarSeries;
    int highest = 0;
    for (const auto &result : results) {
        auto *set = new QBarSet(result.label);
        const auto kind = result.label == QStringLiteral("gRPC")      ? client::CallKind::Grpc
                          : result.label == QStringLiteral("GraphQL") ? client::CallKind::GraphQL
                                                                      : client::CallKind::Rest;
        set->setColor(ComposerPane::accentFor(kind));
        set->setBorderColor(ComposerPane::accentFor(kind));
        for (const int count : result.stats.histogram(bins)) {
            set->append(count);
            highest = std::max(highest, count);
        }
        series->append(set);
    }
    series->setBarWidth(0.9);
    chart->addSeries(series);
    QStringList categories;
    // Bare numbers: with units every label would be elided at 20 bins.
    const bool micro = bins.binStartUs(bins.count - 1) < 1000;
    for (int bin = 0; bin < bins.count; ++bin) {
        const qint64 us = bins.binStartUs(bin);
        categories << (micro ? QString::number(us) : QString::number(double(us) / 1000.0, 'f', us < 10'000 ? 1 : 0));
    }
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(micro ? tr("latency, µs (start of each bin)") : tr("latency, ms (start of each bin)"));
    x->setLabelsAngle(-90);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1, highest));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("calls"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

QChart *BenchmarkDialog::chart() const {
    return m_chartView->chart();
}

QString BenchmarkDialog::statusText() const {
    return m_status->text();
}

bool BenchmarkDialog::exportCsv(const QString &path, QString *error) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(session::benchmarkCsv(m_resultModel->results())) < 0) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool BenchmarkDialog::exportPng(const QString &path) const {
    return m_chartView->grab().save(path, "PNG");
}

void BenchmarkDialog::onExportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export benchmark as CSV"),
                                                      QStringLiteral("benchmark.csv"), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
}

void BenchmarkDialog::onExportPng() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export histogram as PNG"),
                                                      QStringLiteral("benchmark.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty() && !exportPng(path))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1").arg(path));
}

void BenchmarkDialog::onExportLocust() {
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Export to Locust into folder"));
    if (!folder.isEmpty())
        exportLocust(folder);
}

void BenchmarkDialog::exportLocust(const QString &folder) {
    // The same project as `triptych-cli locust`; gRPC schemas come from the server's reflection, so it is async.
    auto *exporter = new session::BenchmarkLocust(this);
    m_locustButton->setEnabled(false);
    m_status->setText(tr("Exporting to Locust…"));
    const auto done = [this, exporter](bool ok, const QString &text) {
        exporter->deleteLater();
        m_locustButton->setEnabled(true);
        m_status->setText(ok ? text : tr("Export to Locust failed: %1").arg(text));
        Q_EMIT locustExportFinished(ok, text);
    };
    connect(exporter, &session::BenchmarkLocust::exportFinished, this,
            [done](const QString &summary) { done(true, summary); });
    connect(exporter, &session::BenchmarkLocust::exportFailed, this,
            [done](const QString &error) { done(false, error); });
    exporter->start(selectedCalls(), folder);
}

} // namespace triptych::ui
