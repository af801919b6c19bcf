#include "app/session/benchmarkrunner.h"

#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

namespace triptych::session {

namespace {
// Progress reaches the window at most this often, so thousands of calls a second never flood its event queue.
constexpr qint64 kProgressIntervalMs = 50;
// How often the worker looks at the cancel flag when no call is completing.
constexpr int kCancelPollMs = 20;
} // namespace

QString BenchmarkCall::target() const {
    if (kind == client::CallKind::Grpc)
        return grpc.method + QStringLiteral(" @ ") + grpc.target;
    return QString::fromLatin1(http.method) + QLatin1Char(' ') + http.url;
}

// Lives on the runner's thread for one run: owns the callers, keeps `concurrency` calls in flight, collects latencies.
class BenchmarkWorker : public QObject {
public:
    BenchmarkWorker(BenchmarkPlan plan, client::ResultRelayPtr relay, BenchmarkRunner *runner,
                    std::shared_ptr<std::atomic_bool> cancel)
        : m_plan(std::move(plan))
        , m_relay(std::move(relay))
        , m_runner(runner)
        , m_cancel(std::move(cancel)) {}

    void run() {
        m_rest = new client::RestCaller(this);
        m_grpc = new client::GrpcCaller(this);
        m_reflection = new client::GrpcReflection(this);
        connect(m_rest, &client::RestCaller::callFinished, this, [this](const auto &r) { onCallEnded(r); });
        connect(m_rest, &client::RestCaller::callFailed, this, [this](const auto &r) { onCallEnded(r); });
        connect(m_grpc, &client::GrpcCaller::callFinished, this, [this](const auto &r) { onCallEnded(r); });
        connect(m_grpc, &client::GrpcCaller::callFailed, this, [this](const auto &r) { onCallEnded(r); });
        connect(m_reflection, &client::GrpcReflection::schemaLoaded, this,
                [this](const client::GrpcSchemaPtr &schema) { onSchemaLoaded(schema); });
        connect(m_reflection, &client::GrpcReflection::loadFailed, this,
                [this](const client::CallError &error) { onSchemaFailed(error); });
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this] {
            if (m_cancel->load())
                finish(true);
        });
        poll->start(kCancelPollMs);
        m_sinceProgress.start();
        startStyle(0);
    }

private:
    const BenchmarkCall &call() const { return m_plan.calls.at(m_style); }
    int total() const { return int(m_plan.calls.size()) * m_plan.iterations; }

    void startStyle(int index) {
        m_style = index;
        if (m_style >= m_plan.calls.size()) {
            finish(false);
            return;
        }
        m_launched = 0;
        m_completed = 0;
        m_results.append({call().label, call().target(), {}, {}});
        if (call().kind == client::CallKind::Grpc && !m_schema) {
            m_reflection->load({call().grpc.target});
            return;
        }
        beginCalls();
    }

    void beginCalls() {
        m_wall.start();
        for (int i = 0; i < m_plan.concurrency && m_launched < m_plan.iterations; ++i)
            launch();
    }

    void launch() {
        ++m_launched;
        const quint64 id =
            call().kind == client::CallKind::Grpc ? m_grpc->call(m_schema, call().grpc) : m_rest->send(call().http);
        m_inFlight.insert(id);
    }

    void onSchemaLoaded(const client::GrpcSchemaPtr &schema) {
        if (m_finished)
            return;
        m_schema = schema;
        beginCalls();
    }

    void onSchemaFailed(const client::CallError &error) {
        if (m_finished)
            return;
        auto &result = m_results.last();
        result.firstError = error.text();
        for (int i = 0; i < m_plan.iterations; ++i)
            result.stats.add(0, false);
        nextStyle();
    }

    void onCallEnded(const client::CallRecord &record) {
        if (m_finished || !m_inFlight.remove(record.id))
            return;
        auto &result = m_results.last();
        result.stats.add(record.timings.totalUs, record.ok());
        if (!record.ok() && result.firstError.isEmpty())
            result.firstError = record.error.text();
        ++m_completed;
        if (m_cancel->load()) {
            finish(true);
            return;
        }
        if (m_completed == m_plan.iterations) {
            nextStyle();
            return;
        }
        if (m_launched < m_plan.iterations)
            launch();
        if (m_sinceProgress.elapsed() >= kProgressIntervalMs)
            reportProgress();
    }

    void nextStyle() {
        m_results.last().stats.setWallTimeUs(m_wall.isValid() ? m_wall.nsecsElapsed() / 1000 : 0);
        m_done += m_plan.iterations;
        m_completed = 0;
        reportProgress();
        startStyle(m_style + 1);
    }

    void reportProgress() {
        m_sinceProgress.restart();
        const int done = m_done + m_completed;
        const int all = total();
        const QString label = m_style < m_plan.calls.size() ? call().label : QString();
        auto *runner = m_runner;
        m_relay->post([runner, done, all, label] { Q_EMIT runner->progressChanged(done, all, label); });
    }

    void finish(bool cancelled) {
        if (m_finished)
            return;
        m_finished = true;
        const bool grpc = m_style < m_plan.calls.size() && call().kind == client::CallKind::Grpc;
        for (const quint64 id : std::as_const(m_inFlight)) {
            if (grpc)
                m_grpc->cancel(id);
            else
                m_rest->cancel(id);
        }
        m_inFlight.clear();
        if (cancelled && !m_results.isEmpty() && m_wall.isValid())
            m_results.last().stats.setWallTimeUs(m_wall.nsecsElapsed() / 1000);
        auto *runner = m_runner;
        const auto results = m_results;
        m_relay->post([runner, results, cancelled] { runner->onWorkerFinished(results, cancelled); });
        deleteLater();
    }

    BenchmarkPlan m_plan;
    client::ResultRelayPtr m_relay;
    BenchmarkRunner *m_runner;
    std::shared_ptr<std::atomic_bool> m_cancel;
    client::RestCaller *m_rest = nullptr;
    client::GrpcCaller *m_grpc = nullptr;
    client::GrpcReflection *m_reflection = nullptr;
    client::GrpcSchemaPtr m_schema;
    QList<BenchmarkResult> m_results;
    QSet<quint64> m_inFlight;
    QElapsedTimer m_wall;
    QElapsedTimer m_sinceProgress;
    int m_style = 0;
    int m_launched = 0;
    int m_completed = 0;
    int m_done = 0;
    bool m_finished = false;
};

BenchmarkRunner::BenchmarkRunner(QObject *parent)
    : QObject(parent)
    , m_relay(std::make_shared<client::ResultRelay>(this)) {
    qRegisterMetaType<QList<BenchmarkResult>>();
    m_thread.setObjectName(QStringLiteral("benchmark"));
}

BenchmarkRunner::~BenchmarkRunner() {
    m_relay->detach();
    if (m_cancel)
        m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();
}

void BenchmarkRunner::start(const BenchmarkPlan &plan) {
    if (m_running)
        return;
    m_running = true;
    if (m_cancel)
        m_cancel->store(true); // a worker still winding down from an earlier run stops for good
    m_cancel = std::make_shared<std::atomic_bool>(false);
    if (!m_thread.isRunning())
        m_thread.start();
    auto *worker = new BenchmarkWorker(plan, m_relay, this, m_cancel);
    worker->moveToThread(&m_thread);
    // A worker still running when the runner goes away is deleted as the thread ends.
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    QMetaObject::invokeMethod(
        worker, [worker] { worker->run(); }, Qt::QueuedConnection);
}

void BenchmarkRunner::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

void BenchmarkRunner::onWorkerFinished(const QList<BenchmarkResult> &results, bool cancelled) {
    m_running = false;
    Q_EMIT runFinished(results, cancelled);
}

} // namespace triptych::session
