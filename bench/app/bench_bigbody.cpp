// Big JSON responses in the response view, as the REST pane gets them past its spool threshold: the body written to
// a spool file as a download writes it, then shown. For each size (default 50 MB and 1 GB) it reports the time from
// the last byte to the first screen, to the whole body indented (up to 64 MB) or indexed (past it) and painted, a
// search for a word only the end has, the GUI thread's longest stall and the memory it took. Prints figures only.
#include "app/client/bodyspool.h"
#include "app/ui/findbar.h"
#include "app/ui/largetextview.h"
#include "app/ui/responseview.h"
#include "bench/app/benchclock.h"

#include <QApplication>
#include <QLineEdit>
#include <QScrollBar>

#include <cstdio>
#include <functional>

namespace {
constexpr qint64 kMiB = 1024 * 1024;

// Orders as the REST API writes them, compact, until the body reaches the target size; the last one is unique. Written
// to the spool a few MB at a time, as curl's write callback would, so the bench never holds the body whole.
triptych::client::BodySpoolPtr spoolBody(qint64 targetBytes) {
    auto spool = triptych::client::BodySpool::create();
    const char *products[] = {"keyboard", "monitor", "mouse", "laptop stand", "usb-c hub \\\"pro\\\"", "ñandú plush"};
    QByteArray chunk = "{\"items\":[";
    for (qint64 id = 1; spool->size() + chunk.size() < targetBytes; ++id) {
        if (id > 1)
            chunk += ',';
        chunk +=
            "{\"id\":" + QByteArray::number(id) + ",\"user_id\":" + QByteArray::number(id % 1000 + 1) +
            ",\"product\":\"" + products[id % 6] + "\",\"quantity\":" + QByteArray::number(id % 9 + 1) +
            ",\"total_cents\":" + QByteArray::number(id * 137 % 100000) +
            ",\"status\":\"SHIPPED\",\"created_at\":\"2024-06-01T12:00:00Z\",\"gift\":" + (id % 2 ? "true" : "false") +
            ",\"note\":null}";
        if (chunk.size() >= 4 * kMiB) {
            spool->append(chunk.constData(), chunk.size());
            chunk.clear();
        }
    }
    chunk += "],\"total\":1,\"marker\":\"needle-at-the-end\"}";
    spool->append(chunk.constData(), chunk.size());
    return spool;
}

double ms(const QElapsedTimer &clock) {
    return double(clock.nsecsElapsed()) / 1e6;
}

void waitFor(const std::function<bool()> &done) {
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

void measure(qint64 targetBytes) {
    triptych::ui::ResponseView view(triptych::ui::SyntaxLanguage::Json);
    view.resize(900, 800);
    view.show();
    QCoreApplication::processEvents();
    const qint64 rssBefore = residentKiB();

    triptych::client::CallRecord record;
    record.kind = triptych::client::CallKind::Rest;
    record.httpStatus = 200;
    record.responseHeaders = {{"Content-Type", "application/json"}};
    QElapsedTimer download;
    download.start();
    record.spooledBody = spoolBody(targetBytes);
    record.body = record.spooledBody->read(0, 64 * 1024);
    record.sizes.responseBodyDecodedBytes = record.spooledBody->size();
    const double spoolMs = ms(download);

    Heartbeat heartbeat;
    heartbeat.start();
    QElapsedTimer clock; // from the last byte
    clock.start();
    const qint64 cpuStart = threadCpuNs();
    const double processCpuStart = processCpuMs();
    view.begin(QStringLiteral("GET /big"));
    view.showRecord(record);
    view.bodyView()->viewport()->repaint();
    const double firstScreenMs = ms(clock);
    const double firstScreenCpuMs = double(threadCpuNs() - cpuStart) / 1e6;
    bool shown = false;
    QObject::connect(&view, &triptych::ui::ResponseView::bodyShown, &view, [&shown] { shown = true; });
    waitFor([&] { return shown; });
    view.bodyView()->viewport()->repaint();
    const double shownMs = ms(clock);
    const double shownCpuMs = processCpuMs() - processCpuStart;
    const qint64 rssShown = residentKiB();
    const qsizetype lines = view.bodyView()->lineCount();

    QElapsedTimer scroll;
    scroll.start();
    view.bodyView()->verticalScrollBar()->setValue(view.bodyView()->verticalScrollBar()->maximum());
    view.bodyView()->horizontalScrollBar()->setValue(view.bodyView()->horizontalScrollBar()->maximum());
    view.bodyView()->viewport()->repaint();
    const double scrollMs = ms(scroll);
    bool searched = false;
    QObject::connect(view.findBar(), &triptych::ui::FindBar::searchFinished, &view, [&searched] { searched = true; });
    QElapsedTimer search;
    search.start();
    const double searchCpuStart = processCpuMs();
    view.findBar()->open();
    view.findBar()->field()->setText(QStringLiteral("NEEDLE-at-the-END"));
    waitFor([&] { return searched; });
    const double searchMs = ms(search);
    const double searchCpuMs = processCpuMs() - searchCpuStart;
    const int matches = view.findBar()->matchCount();
    const double stallMs = heartbeat.longestGapMs();
    const double busyMs = heartbeat.longestBusyMs();
    const qint64 rssAfter = residentKiB();

    std::printf("== body: %.1f MB compact JSON, spooled to a file in %.0f ms ==\n",
                double(record.spooledBody->size()) / double(kMiB), spoolMs);
    std::printf("first screen painted %.1f ms after the last byte (%.1f ms of GUI-thread CPU)\n", firstScreenMs,
                firstScreenCpuMs);
    std::printf("whole body %s and painted after %.1f ms (%.1f ms of CPU in all threads), %lld lines\n",
                view.bodyView()->filePath().isEmpty() ? "indented, indexed" : "indexed from its file (as received)",
                shownMs, shownCpuMs, static_cast<long long>(lines));
    std::printf("scroll to the end and paint: %.1f ms\n", scrollMs);
    std::printf("search for a word at the very end: %.1f ms (%.1f ms of CPU), %d match(es)\n", searchMs, searchCpuMs,
                matches);
    std::printf("longest GUI-thread stall (1 ms heartbeat): %.1f ms wall, %.1f ms of GUI-thread CPU\n", stallMs,
                busyMs);
    std::printf("RSS: %.1f MB before, +%.1f MB with the body shown, +%.1f MB after the search\n",
                double(rssBefore) / 1024.0, double(rssShown - rssBefore) / 1024.0,
                double(rssAfter - rssBefore) / 1024.0);
}
} // namespace

// Arguments: body sizes in MB (default: 50 1024).
int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QList<qint64> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.append(QByteArray(argv[i]).toLongLong() * kMiB);
    if (sizes.isEmpty())
        sizes = {50 * kMiB, 1024 * kMiB};
    for (const qint64 size : sizes)
        measure(size);
    std::printf(
        "targets (issue #24): 1 GB first screen <= 50 ms after the last byte, searchable, RSS growth <= 300 MB; "
        "50 MB <= 120 ms\n");
    return 0;
}
