#pragma once

#include "app/client/grpcrequest.h"
#include "app/client/restrequest.h"
#include "app/client/resultrelay.h"
#include "app/session/benchmarkstats.h"

#include <QList>
#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace triptych::session {

// One style's call, repeated by the benchmark: REST and GraphQL go over HTTP (the record's kind tells them apart),
// gRPC through a schema loaded by reflection from the target.
struct BenchmarkCall {
    QString label; // "REST", "GraphQL", "gRPC"
    client::CallKind kind = client::CallKind::Rest;
    client::RestRequest http;
    client::GrpcRequest grpc;

    // What is called, in one line: "GET http://…/v1/users/42" or "orders.v1.OrderService/GetUser @ 127.0.0.1:50051".
    QString target() const;
};

struct BenchmarkPlan {
    QList<BenchmarkCall> calls; // run one after another, so the styles never compete for the machine
    int iterations = 100;       // calls per style
    int concurrency = 4;        // calls of one style in flight at once
};

class BenchmarkWorker;

// Runs a BenchmarkPlan on its own thread with the client engine and reports on this object's thread: progress at
// most every few frames, then exactly one runFinished (with the results so far when cancelled).
class BenchmarkRunner : public QObject {
    Q_OBJECT
public:
    explicit BenchmarkRunner(QObject *parent = nullptr);
    ~BenchmarkRunner() override;

    void start(const BenchmarkPlan &plan);
    // Stops sending and cancels the calls in flight; runFinished follows with cancelled = true.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressChanged(int done, int total, const QString &label);
    void runFinished(const QList<triptych::session::BenchmarkResult> &results, bool cancelled);

private:
    friend class BenchmarkWorker;
    void onWorkerFinished(const QList<BenchmarkResult> &results, bool cancelled);

    QThread m_thread;
    client::ResultRelayPtr m_relay;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};

} // namespace triptych::session

Q_DECLARE_METATYPE(triptych::session::BenchmarkResult)
