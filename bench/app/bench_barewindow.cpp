// The baseline of bench_startup: a bare Qt Widgets window (a QMainWindow holding one label) timed the way
// `triptych --startup-probe` is: once its native window gets its first Expose it prints the time since exec and the
// process's CPU time in the same lines, then the resident memory, and quits.
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {
// Milliseconds since the kernel started this process, as the app's probe reads it (/proc/self/stat, field 22).
double msSinceExec() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(22 - 3).toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

double processCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

qint64 residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// Reports the first Expose of a visible native window, then quits.
class ExposeProbe : public QObject {
protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (!m_reported && event->type() == QEvent::Expose && watched->isWindowType() &&
            watched->property("visible").toBool()) {
            m_reported = true;
            std::printf("startup_ms_since_exec=%.1f\nstartup_cpu_ms=%.1f\nidle_rss_kib=%lld\n", msSinceExec(),
                        processCpuMs(), static_cast<long long>(residentKiB()));
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_reported = false;
};
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    ExposeProbe probe;
    app.installEventFilter(&probe);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("A bare Qt Widgets window")));
    window.resize(1600, 1000);
    window.show();
    return QApplication::exec();
}
