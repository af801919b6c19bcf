// Cold start of the desktop app: from exec to the window exposed with the embedded server listening, and the
// resident memory once the start has settled. Runs `triptych --startup-probe MS` several times; prints figures only.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {
constexpr int kDefaultRuns = 7;
constexpr int kSettleMs = 3000;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QString program = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(TRIPTYCH_APP_PATH);
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : kDefaultRuns;
    std::vector<double> startMs;
    std::vector<double> inProcessMs;
    std::vector<double> cpuMs;
    std::vector<double> rssMb;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QElapsedTimer clock;
        clock.start();
        process.start(program,
                      {QStringLiteral("--startup-probe"), QString::number(kSettleMs), QStringLiteral("--http-port"),
                       QStringLiteral("0"), QStringLiteral("--grpc-port"), QStringLiteral("0")});
        double readyMs = -1;
        while (process.state() != QProcess::NotRunning || process.canReadLine()) {
            if (!process.canReadLine()) {
                process.waitForReadyRead(100);
                continue;
            }
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("startup_ms_since_exec=")) {
                readyMs = double(clock.nsecsElapsed()) / 1e6;
                startMs.push_back(readyMs);
                inProcessMs.push_back(line.mid(22).toDouble());
            } else if (line.startsWith("startup_cpu_ms=")) {
                cpuMs.push_back(line.mid(15).toDouble());
            } else if (line.startsWith("idle_rss_kib=")) {
                rssMb.push_back(line.mid(13).toDouble() / 1024.0);
            }
        }
        process.waitForFinished();
        std::printf("run %d: window shown with the server listening after %.1f ms (the app says %.0f ms after exec, "
                    "%.1f ms of CPU), idle RSS %.1f MB\n",
                    run + 1, readyMs, inProcessMs.empty() ? 0.0 : inProcessMs.back(),
                    cpuMs.empty() ? 0.0 : cpuMs.back(), rssMb.empty() ? 0.0 : rssMb.back());
    }
    if (startMs.empty()) {
        std::fprintf(stderr, "the app never reported a start: is there a display (xvfb-run)?\n");
        return 1;
    }
    std::printf("cold start to window shown with the server listening: median %.1f ms, min %.1f, max %.1f (%zu runs)\n",
                median(startMs), *std::min_element(startMs.begin(), startMs.end()),
                *std::max_element(startMs.begin(), startMs.end()), startMs.size());
    std::printf("CPU time used until then (all threads): median %.1f ms\n", median(cpuMs));
    std::printf("memory at idle %d s after start: median %.1f MB RSS\n", kSettleMs / 1000, median(rssMb));
    return 0;
}
