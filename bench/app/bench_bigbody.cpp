// A 50 MB JSON response in the response view: time to the first screen, to the whole body indented and coloured
// where visible, to a search over all of it, and the GUI thread's longest stall meanwhile. Prints figures only.
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
constexpr qsizetype kTargetBytes = 50LL * 1024 * 1024;

// Orders as the REST API writes them, compact, until the body reaches the target size; the last one is unique.
QByteArray makeBody() {
    QByteArray body;
    body.reserve(kTargetBytes + 1024);
    body += "{\"items\":[";
    const char *products[] = {"keyboard", "monitor", "mouse", "laptop stand", "usb-c hub \\\"pro\\\"", "ñandú plush"};
    for (int id = 1; body.size() < kTargetBytes; ++id) {
        if (id > 1)
            body += ',';
        body +=
            "{\"id\":" + QByteArray::number(id) + ",\"user_id\":" + QByteArray::number(id % 1000 + 1) +
            ",\"product\":\"" + products[id % 6] + "\",\"quantity\":" + QByteArray::number(id % 9 + 1) +
            ",\"total_cents\":" + QByteArray::number(id * 137 % 100000) +
            ",\"status\":\"SHIPPED\",\"created_at\":\"2024-06-01T12:00:00Z\",\"gift\":" + (id % 2 ? "true" : "false") +
            ",\"note\":null}";
    }
    body += "],\"total\":1,\"marker\":\"needle-at-the-end\"}";
    return body;
}

double ms(const QElapsedTimer &clock) {
    return double(clock.nsecsElapsed()) / 1e6;
}

void waitFor(const std::function<bool()> &done) {
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    const QByteArray body = makeBody();
    triptych::ui::ResponseView view(triptych::ui::SyntaxLanguage::Json);
    view.resize(900, 800);
    view.show();
    QCoreApplication::processEvents();
    const qint64 rssBefore = residentKiB();

    triptych::client::CallRecord record;
    record.kind = triptych::client::CallKind::Rest;
    record.httpStatus = 200;
    record.body = body;
    record.responseHeaders = {{"Content-Type", "application/json"}};

    Heartbeat heartbeat;
    heartbeat.start();
    QElapsedTimer clock;
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
    const qsizetype lines = view.bodyView()->lineCount();
    const int coloured = view.bodyView()->lastPaintedLineCount();

    // Scroll to the end and search for a word only the last line has.
    QElapsedTimer scroll;
    scroll.start();
    view.bodyView()->verticalScrollBar()->setValue(view.bodyView()->verticalScrollBar()->maximum());
    view.bodyView()->viewport()->repaint();
    const double scrollMs = ms(scroll);
    bool searched = false;
    QObject::connect(view.findBar(), &triptych::ui::FindBar::searchFinished, &view, [&searched] { searched = true; });
    QElapsedTimer search;
    search.start();
    view.findBar()->open();
    view.findBar()->field()->setText(QStringLiteral("NEEDLE-at-the-END"));
    waitFor([&] { return searched; });
    const double searchMs = ms(search);
    const int matches = view.findBar()->matchCount();
    QElapsedTimer common;
    common.start();
    searched = false;
    view.findBar()->field()->setText(QStringLiteral("\"status\""));
    waitFor([&] { return searched; });
    const double commonSearchMs = ms(common);
    const int commonMatches = view.findBar()->matchCount();
    const double stallMs = heartbeat.longestGapMs();
    const double busyMs = heartbeat.longestBusyMs();

    std::printf("body: %.1f MB compact JSON, %lld lines indented\n", double(body.size()) / 1048576.0,
                static_cast<long long>(lines));
    std::printf("first screen (raw start) painted after: %.1f ms (%.1f ms of GUI-thread CPU)\n", firstScreenMs,
                firstScreenCpuMs);
    std::printf("whole body indented, indexed and painted (coloured lines on screen: %d) after: %.1f ms "
                "(%.1f ms of CPU in all threads)\n",
                coloured, shownMs, shownCpuMs);
    std::printf("scroll to the last line and paint: %.1f ms\n", scrollMs);
    std::printf("search for a word on the last line: %.1f ms, %d match(es)\n", searchMs, matches);
    std::printf("search for a word on every order: %.1f ms, %d match(es)\n", commonSearchMs, commonMatches);
    std::printf("longest GUI-thread stall (1 ms heartbeat): %.1f ms wall, %.1f ms of GUI-thread CPU\n", stallMs,
                busyMs);
    std::printf("RSS: %.1f MB before, %.1f MB with the body shown\n", double(rssBefore) / 1024.0,
                double(residentKiB()) / 1024.0);
    return 0;
}
