#pragma once

#include "app/session/benchmarkrunner.h"
#include "app/session/locustproject.h"

#include <QObject>

namespace triptych::session {

class RunSender;

// A benchmark's calls as a Locust project (the Benchmark dialog's "Export to Locust…", docs/checks.md): the project
// `triptych-cli locust` writes, with REST and GraphQL as HttpUser tasks and gRPC through python3-grpcio, its .proto
// files from the server's reflection. One export per object.
class BenchmarkLocust : public QObject {
    Q_OBJECT
public:
    explicit BenchmarkLocust(QObject *parent = nullptr);
    ~BenchmarkLocust() override;

    void start(const QList<BenchmarkCall> &calls, const QString &folder);

Q_SIGNALS:
    // "3 request(s) exported to DIR (0 left out)" and how to run it.
    void exportFinished(const QString &summary);
    void exportFailed(const QString &error);

private:
    void next();
    void finish();

    LocustProject m_project;
    QList<BenchmarkCall> m_calls;
    QString m_folder;
    RunSender *m_schemas = nullptr;
    int m_index = 0;
};

} // namespace triptych::session
