// Triptych's own benchmark beside the Locust export of the same calls (docs/checks.md, "Figures"): the order server
// in-process, a preset's three calls benchmarked with C in flight per style, one style after another, then each
// call exported alone (session::BenchmarkLocust, as the Benchmark dialog exports) and run by a headless Locust
// master with two workers on loopback, C users sending back to back, for S seconds. Prints both request rates.
// Usage: bench_locust [CONCURRENCY=4] [SECONDS=8] [ITERATIONS=2000] [PRESET=2, from 1: the benchmark dialog's list]
#include "app/session/benchmarkcalls.h"
#include "app/session/benchmarklocust.h"
#include "server/host/orderserver.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

using namespace triptych;

namespace {

int argument(int argc, char **argv, int index, int fallback) {
    return argc > index ? std::max(1, QByteArray(argv[index]).toInt()) : fallback;
}

QList<session::BenchmarkResult> benchmark(const QList<session::BenchmarkCall> &calls, int iterations, int concurrency) {
    session::BenchmarkRunner runner;
    QList<session::BenchmarkResult> results;
    QEventLoop loop;
    QObject::connect(&runner, &session::BenchmarkRunner::runFinished, &loop,
                     [&](const QList<session::BenchmarkResult> &finished, bool) {
                         results = finished;
                         loop.quit();
                     });
    runner.start({calls, iterations, concurrency});
    loop.exec();
    return results;
}

bool exportCall(const session::BenchmarkCall &call, const QString &folder) {
    session::BenchmarkLocust exporter;
    bool ok = false;
    bool done = false;
    QEventLoop loop;
    QObject::connect(&exporter, &session::BenchmarkLocust::exportFinished, &loop, [&] {
        ok = done = true;
        loop.quit();
    });
    QObject::connect(&exporter, &session::BenchmarkLocust::exportFailed, &loop, [&](const QString &error) {
        std::fprintf(stderr, "export failed: %s\n", qPrintable(error));
        done = true;
        loop.quit();
    });
    exporter.start({call}, folder);
    if (!done) // REST and GraphQL finish at once, gRPC after reflection
        loop.exec();
    return ok;
}

struct LocustRate {
    double perSecond = 0;
    int requests = 0;
    int failures = 0;
};

// Locust's aggregated row of stats_stats.csv.
std::optional<LocustRate> runLocust(const QString &folder, int users, int seconds) {
    QProcess locust;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TRIPTYCH_LOCUST_WAIT"), QStringLiteral("0"));
    locust.setProcessEnvironment(environment);
    locust.setProcessChannelMode(QProcess::MergedChannels);
    locust.start(folder + QStringLiteral("/run-distributed"),
                 {QStringLiteral("-w"), QStringLiteral("2"), QStringLiteral("--headless"), QStringLiteral("-u"),
                  QString::number(users), QStringLiteral("-r"), QString::number(users), QStringLiteral("-t"),
                  QStringLiteral("%1s").arg(seconds), QStringLiteral("--csv"), folder + QStringLiteral("/stats"),
                  QStringLiteral("--only-summary")});
    if (!locust.waitForFinished((seconds + 90) * 1000) || locust.exitCode() != 0) {
        std::fprintf(stderr, "locust failed:\n%s\n", locust.readAll().constData());
        return std::nullopt;
    }
    QFile csv(folder + QStringLiteral("/stats_stats.csv"));
    if (!csv.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> header = csv.readLine().trimmed().split(',');
    const auto column = [&header](const char *name) { return header.indexOf(QByteArray(name)); };
    while (!csv.atEnd()) {
        const QList<QByteArray> row = csv.readLine().trimmed().split(',');
        if (row.value(column("Name")) != "Aggregated")
            continue;
        return LocustRate{row.value(column("Requests/s")).toDouble(), row.value(column("Request Count")).toInt(),
                          row.value(column("Failure Count")).toInt()};
    }
    return std::nullopt;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const int concurrency = argument(argc, argv, 1, 4);
    const int seconds = argument(argc, argv, 2, 8);
    const int iterations = argument(argc, argv, 3, 2'000);
    const int presetIndex = argument(argc, argv, 4, 2) - 1;
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    OrderServer server(options);
    if (!server.start().ok())
        return 1;
    const session::Endpoints endpoints{QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort()),
                                       QStringLiteral("127.0.0.1:%1").arg(server.grpcPort()),
                                       QString::fromStdString(options.credentials.token),
                                       QString::fromStdString(options.credentials.apiKey)};
    const auto presets = session::benchmarkPresets(endpoints);
    if (presetIndex >= presets.size())
        return 2;
    const session::BenchmarkPreset &preset = presets.at(presetIndex);
    std::printf("%s, %d in flight per style; Locust: 2 workers, %d users, %d s per style\n", qPrintable(preset.name),
                concurrency, concurrency, seconds);
    std::printf("%-8s %18s %18s\n", "style", "Triptych req/s", "Locust req/s");
    std::fflush(stdout);
    const QList<session::BenchmarkResult> own = benchmark(preset.calls, iterations, concurrency);
    QTemporaryDir work;
    for (const session::BenchmarkCall &call : preset.calls) {
        const QString folder = work.filePath(call.label);
        std::optional<LocustRate> locust;
        std::fprintf(stderr, "Locust: %s…\n", qPrintable(call.label));
        if (exportCall(call, folder))
            locust = runLocust(folder, concurrency, seconds);
        double ownRate = 0;
        for (const auto &result : own) {
            if (result.label == call.label)
                ownRate = result.stats.throughputPerSecond();
        }
        std::printf("%-8s %18.0f %18s\n", qPrintable(call.label), ownRate,
                    locust ? qPrintable(QStringLiteral("%1 (%2 calls, %3 failed)")
                                            .arg(locust->perSecond, 0, 'f', 0)
                                            .arg(locust->requests)
                                            .arg(locust->failures))
                           : "failed");
        std::fflush(stdout);
    }
    return 0;
}
