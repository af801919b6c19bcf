// Prints how fast prettyPrintJson indents a generated ~50 MB GraphQL-shaped body, next to QJsonDocument (which the
// response view used before) and the QString conversion the view needs on top. Asserts nothing.
#include "app/model/jsonpretty.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

namespace {

constexpr qsizetype kTargetBytes = 50LL * 1000 * 1000;
constexpr int kRuns = 5;

// Compact JSON like the order server's answers: nested objects, strings with escapes and UTF-8, numbers, nulls.
QByteArray generateBody() {
    QByteArray body;
    body.reserve(kTargetBytes + 4096);
    body += R"({"data":{"orders":[)";
    for (int i = 0; body.size() < kTargetBytes; ++i) {
        if (i > 0)
            body += ',';
        body += R"({"id":")" + QByteArray::number(i) + R"(","status":"SHIPPED","totalCents":)" +
                QByteArray::number(1999 + i % 9000) + R"(,"price":)" + QByteArray::number(i % 100) +
                R"(.50,"note":"say \"hi\" \\ {[,:]} \u00e9 Zoë","user":{"id":)" + QByteArray::number(i % 1000) +
                R"(,"name":"User )" + QByteArray::number(i % 1000) + R"(","friends":[]},"items":[{"sku":"A-)" +
                QByteArray::number(i % 77) + R"(","quantity":2,"unitCents":999},{"sku":"B","quantity":1,)" +
                R"("unitCents":1e2}],"cancelledAt":null,"paid":true})";
    }
    body += "]}}";
    return body;
}

// Wall time and this thread's CPU time: on a busy shared machine the CPU time is the figure to trust.
struct Seconds {
    double wall = 1e9;
    double cpu = 1e9;
    Seconds operator+(const Seconds &other) const { return {wall + other.wall, cpu + other.cpu}; }
};

double threadCpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// reset runs untimed before each run, so freeing the last run's output is not counted.
Seconds best(
    const std::function<void()> &work, const std::function<void()> &reset = [] {}) {
    Seconds best;
    for (int run = 0; run < kRuns; ++run) {
        reset();
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = threadCpuSeconds();
        work();
        best.cpu = std::min(best.cpu, threadCpuSeconds() - cpuStart);
        best.wall = std::min(best.wall, double(timer.nsecsElapsed()) / 1e9);
    }
    return best;
}

void report(const char *what, qsizetype bytes, Seconds seconds) {
    const double megabytes = double(bytes) / 1e6;
    std::printf("%-42s wall %7.1f ms %7.1f MB/s   cpu %7.1f ms %7.1f MB/s\n", what, seconds.wall * 1e3,
                megabytes / seconds.wall, seconds.cpu * 1e3, megabytes / seconds.cpu);
}

} // namespace

int main() {
    const QByteArray body = generateBody();
    std::printf("body: %.1f MB of compact JSON, best of %d runs\n", double(body.size()) / 1e6, kRuns);

    triptych::model::JsonPrettyResult result;
    const Seconds pretty = best([&] { result = triptych::model::prettyPrintJson(body); }, [&] { result = {}; });
    if (!result.ok) {
        std::printf("not valid: %s\n", qPrintable(result.errorText()));
        return 1;
    }
    report("prettyPrintJson", body.size(), pretty);
    std::printf("  indented text: %.1f MB\n", double(result.text.size()) / 1e6);

    QString text;
    const Seconds toString = best([&] { text = QString::fromUtf8(result.text); }, [&] { text = {}; });
    report("prettyPrintJson + QString::fromUtf8", body.size(), pretty + toString);

    QByteArray viaDom;
    const Seconds dom =
        best([&] { viaDom = QJsonDocument::fromJson(body).toJson(QJsonDocument::Indented); }, [&] { viaDom = {}; });
    report("QJsonDocument parse + toJson (sorts keys)", body.size(), dom);

    QByteArray broken = body;
    broken[broken.size() - 2] = ',';
    const Seconds invalid = best([&] { result = triptych::model::prettyPrintJson(broken); }, [&] { result = {}; });
    report("prettyPrintJson, error in the last byte", body.size(), invalid);
    std::printf("  %s\n", qPrintable(result.errorText()));
    return 0;
}
