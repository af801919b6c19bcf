#pragma once

#include <QObject>

namespace triptych::session {

class ServerHost;

// `triptych --startup-probe MS`: prints how long after exec the first window was exposed with the embedded server
// listening and the CPU time used until then, waits MS for the start to settle, prints the resident memory and
// quits. bench/app/bench_startup runs it. Watches the application's events, so it needs no widget type.
class StartupProbe : public QObject {
    Q_OBJECT
public:
    StartupProbe(ServerHost *host, int settleMs, QObject *parent = nullptr);

    // Resident set size of this process in KiB, from /proc/self/status (0 where there is none).
    static qint64 residentKiB();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    int m_settleMs;
    bool m_exposed = false;
    bool m_listening = false;
    bool m_reported = false;
};

} // namespace triptych::session
