#include "app/session/startupprobe.h"

#include "app/session/serverhost.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QVariant>

#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {
// Milliseconds since the kernel started this process (exec), from /proc/self/stat, to 1/CLK_TCK precision.
double msSinceExec() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Field 22 is the start time in clock ticks since boot; fields after the ")" of the command name start at 3.
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
} // namespace

namespace triptych::session {

StartupProbe::StartupProbe(ServerHost *host, int settleMs, QObject *parent)
    : QObject(parent)
    , m_settleMs(settleMs) {
    QCoreApplication::instance()->installEventFilter(this);
    connect(host, &ServerHost::stateChanged, this, [this](const ServerState &state) {
        if (state.phase == ServerState::Phase::Running) {
            if (!m_listening)
                std::printf("listening_ms_since_exec=%.1f\n", msSinceExec());
            m_listening = true;
            check();
        } else if (state.phase == ServerState::Phase::Failed) {
            std::fprintf(stderr, "startup-probe: the server failed: %s\n", qPrintable(state.error));
            QCoreApplication::exit(1);
        }
    });
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event) {
    // A native window (QWindow) that turns visible gets its first Expose when it is on screen; widgets' top-level
    // windows are QWindows too, so no widget type is needed to see it.
    if (!m_exposed && event->type() == QEvent::Expose && watched->isWindowType() &&
        watched->property("visible").toBool()) {
        std::printf("exposed_ms_since_exec=%.1f\n", msSinceExec());
        m_exposed = true;
        QCoreApplication::instance()->removeEventFilter(this);
        check();
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::check() {
    if (m_reported || !m_exposed || !m_listening)
        return;
    m_reported = true;
    std::printf("startup_ms_since_exec=%.1f\nstartup_cpu_ms=%.1f\n", msSinceExec(), processCpuMs());
    std::fflush(stdout);
    QTimer::singleShot(m_settleMs, this, [] {
        std::printf("idle_rss_kib=%lld\n", static_cast<long long>(residentKiB()));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

qint64 StartupProbe::residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

} // namespace triptych::session
