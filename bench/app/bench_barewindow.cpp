// The baseline of bench_startup: a bare Qt Widgets window (a QMainWindow holding one label) timed the way
// `triptych --startup-probe` is, with the same clocks (app/startup/): once its native window gets its first Expose it
// prints the time since exec and the process's CPU time in the same lines, then the resident memory, and quits.
#include "app/startup/exposewatcher.h"
#include "app/startup/startupclock.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[]) {
    using triptych::startup::StartupClock;
    QApplication app(argc, argv);
    triptych::startup::ExposeWatcher probe([] {
        std::printf("startup_ms_since_exec=%.1f\nstartup_cpu_ms=%.1f\nidle_rss_kib=%lld\n", StartupClock::msSinceExec(),
                    StartupClock::processCpuMs(), static_cast<long long>(StartupClock::residentKiB()));
        std::fflush(stdout);
        QTimer::singleShot(0, qApp, &QCoreApplication::quit);
    });
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("A bare Qt Widgets window")));
    window.resize(1600, 1000);
    window.show();
    return QApplication::exec();
}
