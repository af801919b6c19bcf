#pragma once

#include <QtGlobal>

namespace triptych::startup {

// The clocks a start is measured with, read the same way by `triptych --startup-probe` and by its baseline
// (bench/app/bench_barewindow), so the two figures bench_startup divides are alike.
class StartupClock {
public:
    // Milliseconds since the kernel started this process (exec), from /proc/self/stat, to 1/CLK_TCK precision.
    static double msSinceExec();
    // CPU time all threads of this process have used, in ms.
    static double processCpuMs();
    // Resident set size of this process in KiB, from /proc/self/status (0 where there is none).
    static qint64 residentKiB();
};

} // namespace triptych::startup
