// Cold start of the desktop app: from exec to the window exposed with the embedded server listening, and the
// resident memory once the start has settled. Runs `triptych --startup-probe MS` several times and, in turns with it,
// a bare Qt Widgets window (bench_barewindow) timed the same way, so a loaded machine slows both alike; prints the
// figures and the ratio of the two medians only.
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

struct Samples {
    std::vector<double> startMs;     // bench's own clock, QProcess::start to the probe's line
    std::vector<double> inProcessMs; // the program's own time since exec
    std::vector<double> cpuMs;
    std::vector<double> rssMb;
};

// Runs the program once, reading the probe's lines; false when it never reported a start.
bool runOnce(const QString &program, const QStringList &arguments, Samples &samples) {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    bool reported = false;
    while (process.state() != QProcess::NotRunning || process.canReadLine()) {
        if (!process.canReadLine()) {
            process.waitForReadyRead(100);
            continue;
        }
        const QByteArray line = process.readLine().trimmed();
        if (line.startsWith("startup_ms_since_exec=")) {
            reported = true;
            samples.startMs.push_back(double(clock.nsecsElapsed()) / 1e6);
            samples.inProcessMs.push_back(line.mid(22).toDouble());
        } else if (line.startsWith("startup_cpu_ms=")) {
            samples.cpuMs.push_back(line.mid(15).toDouble());
        } else if (line.startsWith("idle_rss_kib=")) {
            samples.rssMb.push_back(line.mid(13).toDouble() / 1024.0);
        }
    }
    process.waitForFinished();
    return reported;
}

void printRun(const char *what, int run, const Samples &samples) {
    std::printf("run %d, %s: shown after %.1f ms (it says %.0f ms after exec, %.1f ms of CPU), RSS %.1f MB\n", run,
                what, samples.startMs.back(), samples.inProcessMs.back(),
                samples.cpuMs.empty() ? 0.0 : samples.cpuMs.back(), samples.rssMb.empty() ? 0.0 : samples.rssMb.back());
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const QString program = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(TRIPTYCH_APP_PATH);
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : kDefaultRuns;
    const QString bare = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral(TRIPTYCH_BARE_WINDOW_PATH);
    const QStringList appArguments{QStringLiteral("--startup-probe"), QString::number(kSettleMs),
                                   QStringLiteral("--http-port"),     QStringLiteral("0"),
                                   QStringLiteral("--grpc-port"),     QStringLiteral("0")};
    Samples triptych;
    Samples baseline;
    for (int run = 1; run <= runs; ++run) {
        if (runOnce(bare, {}, baseline))
            printRun("bare Qt window", run, baseline);
        if (runOnce(program, appArguments, triptych))
            printRun("Triptych", run, triptych);
    }
    if (triptych.startMs.empty() || baseline.startMs.empty()) {
        std::fprintf(stderr, "a program never reported a start: is there a display (xvfb-run)?\n");
        return 1;
    }
    std::printf("cold start to window shown with the server listening: median %.1f ms, min %.1f, max %.1f (%zu runs)\n",
                median(triptych.startMs), *std::min_element(triptych.startMs.begin(), triptych.startMs.end()),
                *std::max_element(triptych.startMs.begin(), triptych.startMs.end()), triptych.startMs.size());
    std::printf("bare Qt Widgets window shown: median %.1f ms, min %.1f, max %.1f (%zu runs)\n",
                median(baseline.startMs), *std::min_element(baseline.startMs.begin(), baseline.startMs.end()),
                *std::max_element(baseline.startMs.begin(), baseline.startMs.end()), baseline.startMs.size());
    std::printf("CPU time used until then (all threads): median %.1f ms for Triptych, %.1f ms for the bare window\n",
                median(triptych.cpuMs), median(baseline.cpuMs));
    std::printf("ratio Triptych / bare window: %.2f wall, %.2f CPU\n",
                median(triptych.startMs) / median(baseline.startMs), median(triptych.cpuMs) / median(baseline.cpuMs));
    std::printf("memory at idle %d s after start: median %.1f MB RSS (the bare window at its start: %.1f MB)\n",
                kSettleMs / 1000, median(triptych.rssMb), median(baseline.rssMb));
    return 0;
}
