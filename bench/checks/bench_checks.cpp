// The figures of docs/checks.md, "Figures": the time to judge one answer with its checks, the overhead of
// `triptych-cli run` per request over the same calls made bare with RestCaller, and the memory of a 10,000-request
// run. The order server runs in-process on free ports. Prints figures, asserts nothing.
// Usage: bench_checks [REQUESTS]   (default 10,000 for the run; the overhead a tenth of it on each side, split in
// kOverheadRounds rounds)
#include "app/checks/checkevaluator.h"
#include "app/cli/clirunner.h"
#include "app/client/restcaller.h"
#include "app/workspace/atomicfile.h"
#include "server/host/orderserver.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace triptych;

namespace {

constexpr int kRequestsPerFolder = 10;
constexpr int kJudgeRounds = 20'000;
constexpr int kOverheadRounds = 10;

qint64 statusKiB(const char *field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// CPU time of the whole process (the client, and the in-process server alike in both measurements), in µs.
double processCpuUs() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e6 + double(now.tv_nsec) / 1e3;
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

struct PerRequest {
    double wallUs = -1; // the block's time over its requests
    double cpuUs = -1;
    double medianWallUs = -1; // the median time from one request's end to the next one's: what other processes
    double medianCpuUs = -1;  // preempting the benchmark add to some requests, not to the median
};

// The time between consecutive ends of requests, wall and CPU; the first end starts the clock.
class Cycles {
public:
    void mark() {
        const qint64 wall = m_clock.isValid() ? m_clock.nsecsElapsed() : 0;
        const double cpu = processCpuUs();
        if (m_clock.isValid()) {
            m_wallUs.append(double(wall - m_lastWall) / 1000.0);
            m_cpuUs.append(cpu - m_lastCpu);
        } else {
            m_clock.start();
        }
        m_lastWall = wall;
        m_lastCpu = cpu;
    }
    void fill(PerRequest &figures) const {
        figures.medianWallUs = median(m_wallUs);
        figures.medianCpuUs = median(m_cpuUs);
    }

private:
    QElapsedTimer m_clock;
    qint64 m_lastWall = 0;
    double m_lastCpu = 0;
    QList<double> m_wallUs;
    QList<double> m_cpuUs;
};

// `run`'s stdout: marks the end of a request at each request's line (✓ or ✗), not at iteration headers.
class MarkingBuffer : public QBuffer {
public:
    explicit MarkingBuffer(Cycles &cycles)
        : m_cycles(cycles) {}

protected:
    qint64 writeData(const char *data, qint64 length) override {
        const QByteArray start = QByteArray::fromRawData(data, int(std::min<qint64>(length, 3)));
        if (start == "\xE2\x9C\x93" || start == "\xE2\x9C\x97") // ✓ ✗
            m_cycles.mark();
        return QBuffer::writeData(data, length);
    }

private:
    Cycles &m_cycles;
};

const char *const kChecks = "checks:\n  - status: 200\n  - header: ETag\n  - equals: 42\n    jsonPath: $.id\n"
                            "  - jsonPath: $.name\n    type: string\n  - timeMs: 1000\n";

// A workspace whose folder holds ten GETs of one user, each with five checks.
QString makeWorkspace(const QString &root, const QString &baseUrl) {
    workspace::writeFileAtomically(root + QStringLiteral("/workspace.yaml"),
                                   QStringLiteral("version: 1\nvariables:\n  baseUrl: %1\n").arg(baseUrl).toUtf8());
    for (int i = 0; i < kRequestsPerFolder; ++i)
        workspace::writeFileAtomically(root + QStringLiteral("/Users/user %1.rest.yaml").arg(i),
                                       QByteArray("version: 1\nurl: '{{baseUrl}}/v1/users/42'\n") + kChecks);
    return root + QStringLiteral("/Users");
}

void judgeCost() {
    client::CallRecord record;
    record.httpStatus = 200;
    record.responseHeaders = {{"ETag", "\"abc\""}, {"Content-Type", "application/json"}};
    record.body = R"({"id": 42, "name": "Ada", "email": "ada@example.com", "orders": [1, 2, 3]})";
    record.timings.totalUs = 900;
    const checks::CheckList list = checks::parseChecks(
        QJsonDocument::fromJson(R"([{"status": 200}, {"header": "ETag"}, {"jsonPath": "$.id", "equals": 42},
            {"jsonPath": "$.name", "type": "string"}, {"timeMs": 1000}, {"capture": "id", "jsonPath": "$.id"}])")
            .toVariant()
            .toList());
    QElapsedTimer clock;
    clock.start();
    int passed = 0;
    for (int round = 0; round < kJudgeRounds; ++round) {
        checks::CheckEvaluator evaluator(record);
        for (const auto &check : list.checks)
            passed += evaluator.evaluate(check).passed ? 1 : 0;
        passed += evaluator.capture(list.captures.first()).ok ? 1 : 0;
    }
    std::printf("judge one answer (5 checks, 1 capture, JSON body parsed once): %.1f µs (%d of %d passed)\n",
                double(clock.nsecsElapsed()) / 1000.0 / kJudgeRounds, passed, kJudgeRounds * 6);
}

// The same GET sent `count` times back to back, each sent when the last one's record arrives, as `run` does.
PerRequest bareCalls(const QString &url, int count) {
    client::RestCaller caller;
    client::RestRequest request;
    request.url = url;
    request.fetchServerTrace = false;
    int done = 0;
    Cycles cycles;
    QEventLoop loop;
    QObject::connect(&caller, &client::RestCaller::callFinished, &loop, [&] {
        cycles.mark();
        if (++done == count)
            loop.quit();
        else
            caller.send(request);
    });
    QElapsedTimer clock;
    clock.start();
    const double cpu = processCpuUs();
    caller.send(request);
    loop.exec();
    PerRequest figures{double(clock.nsecsElapsed()) / 1000.0 / count, (processCpuUs() - cpu) / count};
    cycles.fill(figures);
    return figures;
}

// `triptych-cli run FOLDER --iterations N` in-process, its output in a buffer.
PerRequest runFolder(const QString &folder, int iterations, int *exitCode, QByteArray *output) {
    Cycles cycles;
    MarkingBuffer out(cycles);
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    cli::CliPrinter printer(out, err);
    cli::CliRunner runner(printer);
    QSignalSpy finished(&runner, &cli::CliRunner::runFinished);
    QElapsedTimer clock;
    clock.start();
    const double cpu = processCpuUs();
    runner.run({QStringLiteral("run"), folder, QStringLiteral("--iterations"), QString::number(iterations)});
    if (!finished.wait(600'000))
        return {};
    *exitCode = finished.first().first().toInt();
    *output = out.data().right(120);
    const int requests = iterations * kRequestsPerFolder;
    PerRequest figures{double(clock.nsecsElapsed()) / 1000.0 / requests, (processCpuUs() - cpu) / requests};
    cycles.fill(figures);
    return figures;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int requests = argc > 1 ? std::max(kRequestsPerFolder, QByteArray(argv[1]).toInt()) : 10'000;
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    OrderServer server(options);
    if (!server.start().ok())
        return 1;
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort());
    QTemporaryDir root;
    const QString folder = makeWorkspace(root.path(), base);

    judgeCost();
    const int perRound =
        std::max(kRequestsPerFolder, requests / 10 / kOverheadRounds / kRequestsPerFolder * kRequestsPerFolder);
    const QString url = base + QStringLiteral("/v1/users/42");
    bareCalls(url, 50); // warm up the connection and the server
    // Rounds of a bare block and a run block, their order alternating so that a machine that speeds up or slows down
    // (other processes) favours neither. Per request, the median of the times between consecutive answers: on a
    // shared machine the block's mean carries every preemption, the median few of them.
    QList<double> wallOverheads;
    QList<double> cpuOverheads;
    int exitCode = -1;
    QByteArray tail;
    for (int round = 0; round < kOverheadRounds; ++round) {
        PerRequest bare;
        PerRequest run;
        if (round % 2 == 0) {
            bare = bareCalls(url, perRound);
            run = runFolder(folder, perRound / kRequestsPerFolder, &exitCode, &tail);
        } else {
            run = runFolder(folder, perRound / kRequestsPerFolder, &exitCode, &tail);
            bare = bareCalls(url, perRound);
        }
        wallOverheads.append(run.medianWallUs - bare.medianWallUs);
        cpuOverheads.append(run.medianCpuUs - bare.medianCpuUs);
        std::printf("round %d, %d requests each: bare RestCaller call median %.1f µs (CPU %.1f µs), mean %.1f µs "
                    "(CPU %.1f µs); `run` (resolve, send, 5 checks, print) median %.1f µs (CPU %.1f µs), mean %.1f µs "
                    "(CPU %.1f µs, with reading the files); overhead %.1f µs (CPU %.1f µs), exit %d\n",
                    round + 1, perRound, bare.medianWallUs, bare.medianCpuUs, bare.wallUs, bare.cpuUs, run.medianWallUs,
                    run.medianCpuUs, run.wallUs, run.cpuUs, wallOverheads.last(), cpuOverheads.last(), exitCode);
    }
    std::printf("`run` overhead per request over a bare call, median of %d rounds: %.1f µs wall, %.1f µs CPU\n",
                kOverheadRounds, median(wallOverheads), median(cpuOverheads));

    const qint64 before = statusKiB("VmRSS:");
    const PerRequest large = runFolder(folder, requests / kRequestsPerFolder, &exitCode, &tail);
    std::printf("%d-request run: %.1f µs per request (CPU %.1f µs), exit %d; resident %lld KiB before, peak %lld "
                "KiB\n…%s",
                requests, large.wallUs, large.cpuUs, exitCode, before, statusKiB("VmHWM:"), tail.constData());
    return 0;
}
