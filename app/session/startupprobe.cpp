#include "app/session/startupprobe.h"

#include "app/session/serverhost.h"
#include "app/startup/exposewatcher.h"
#include "app/startup/startupclock.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace triptych::session {

using startup::StartupClock;

StartupProbe::StartupProbe(ServerHost *host, int settleMs, QObject *parent)
    : QObject(parent)
    , m_settleMs(settleMs) {
    new startup::ExposeWatcher(
        [this] {
            std::printf("exposed_ms_since_exec=%.1f\n", StartupClock::msSinceExec());
            m_exposed = true;
            check();
        },
        this);
    connect(host, &ServerHost::stateChanged, this, [this](const ServerState &state) {
        if (state.phase == ServerState::Phase::Running) {
            if (!m_listening)
                std::printf("listening_ms_since_exec=%.1f\n", StartupClock::msSinceExec());
            m_listening = true;
            check();
        } else if (state.phase == ServerState::Phase::Failed) {
            std::fprintf(stderr, "startup-probe: the server failed: %s\n", qPrintable(state.error));
            QCoreApplication::exit(1);
        }
    });
}

void StartupProbe::check() {
    if (m_reported || !m_exposed || !m_listening)
        return;
    m_reported = true;
    std::printf("startup_ms_since_exec=%.1f\nstartup_cpu_ms=%.1f\n", StartupClock::msSinceExec(),
                StartupClock::processCpuMs());
    std::fflush(stdout);
    QTimer::singleShot(m_settleMs, this, [] {
        std::printf("idle_rss_kib=%lld\n", static_cast<long long>(StartupClock::residentKiB()));
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

} // namespace triptych::session
