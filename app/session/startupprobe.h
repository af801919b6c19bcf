#pragma once

#include <QObject>

namespace triptych::session {

class ServerHost;

// `triptych --startup-probe MS`: prints how long after exec the first window was exposed with the embedded server
// listening and the CPU time used until then, waits MS for the start to settle, prints the resident memory and
// quits. bench/app/bench_startup runs it; its clocks (app/startup/) are the ones bench_barewindow reads.
class StartupProbe : public QObject {
    Q_OBJECT
public:
    StartupProbe(ServerHost *host, int settleMs, QObject *parent = nullptr);

private:
    void check();

    int m_settleMs;
    bool m_exposed = false;
    bool m_listening = false;
    bool m_reported = false;
};

} // namespace triptych::session
