#pragma once

#include "app/startup/startupclock.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <ctime>

// CPU time this thread has used, in ns: unlike the wall clock it does not grow while a loaded machine runs others.
inline qint64 threadCpuNs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// The GUI-stall meter of the bench programs: a 1 ms heartbeat on the GUI thread; the longest gap between two ticks is
// the longest time the thread did not get back to its event loop. On a machine shared with builds that gap also holds
// time the thread waited for a core, so the meter also keeps the most GUI-thread CPU time spent between two ticks.
class Heartbeat : public QObject {
public:
    explicit Heartbeat(QObject *parent = nullptr)
        : QObject(parent) {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_longestNs = std::max(m_longestNs, now - m_lastNs);
            m_lastNs = now;
            const qint64 cpu = threadCpuNs();
            m_longestCpuNs = std::max(m_longestCpuNs, cpu - m_lastCpuNs);
            m_lastCpuNs = cpu;
        });
    }
    void start() {
        m_clock.start();
        m_lastNs = 0;
        m_longestNs = 0;
        m_lastCpuNs = threadCpuNs();
        m_longestCpuNs = 0;
        m_timer.start();
    }
    // Counts the time since the last tick too, so a stall still under way is not missed.
    double longestGapMs() const { return double(std::max(m_longestNs, m_clock.nsecsElapsed() - m_lastNs)) / 1e6; }

    // The most CPU time the GUI thread spent between two ticks: its longest stall on an idle machine.
    double longestBusyMs() const { return double(std::max(m_longestCpuNs, threadCpuNs() - m_lastCpuNs)) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_longestCpuNs = 0;
};

// The start's clocks (app/startup/startupclock.h): all threads' CPU time in ms, resident memory in KiB.
inline double processCpuMs() {
    return triptych::startup::StartupClock::processCpuMs();
}

inline qint64 residentKiB() {
    return triptych::startup::StartupClock::residentKiB();
}
