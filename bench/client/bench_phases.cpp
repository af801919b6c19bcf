// Are the REST phases exact? 100 calls of GET /v1/users/42/orders to the in-process server, each way: RestCaller
// (send and wait split where the request's last byte left) and the curl program (`-w` with its pre-transfer and
// first-byte points), both beside the server's own Server-Timing total. The wait must cover the server's time and
// the send stay small; the program prints the distributions and how many calls break either rule.
#include "app/client/restcaller.h"
#include "server/host/orderserver.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace triptych;
using namespace triptych::client;

namespace {

constexpr int kCalls = 100;
constexpr qint64 kSmallSendUs = 200; // a few hundred bytes to a loopback socket take microseconds, not this

struct Sample {
    qint64 sendUs = -1;
    qint64 waitUs = -1;
    qint64 serverUs = -1;
};

// "total;dur=1.21, db;dur=0.40;…" → 1210 µs.
qint64 serverTotalUs(const QByteArray &header) {
    static const QRegularExpression total(QStringLiteral("total;dur=([0-9.]+)"));
    const auto match = total.match(QString::fromLatin1(header));
    return match.hasMatch() ? qint64(match.captured(1).toDouble() * 1000.0 + 0.5) : -1;
}

std::vector<Sample> engineSamples(const QString &url) {
    RestRequest request;
    request.url = url;
    request.fetchServerTrace = false;
    std::vector<Sample> samples;
    RestCaller caller;
    QObject::connect(&caller, &RestCaller::callFinished, &caller, [&](const CallRecord &record) {
        samples.push_back({record.timings.sentUs.value_or(-1), record.timings.firstByteUs.value_or(-1),
                           serverTotalUs(record.header("Server-Timing"))});
        if (int(samples.size()) == kCalls)
            QCoreApplication::exit(0);
        else
            caller.send(request);
    });
    QObject::connect(&caller, &RestCaller::callFailed, &caller, [](const CallRecord &record) {
        std::fprintf(stderr, "call failed: %s\n", qPrintable(record.error.text()));
        QCoreApplication::exit(1);
    });
    caller.send(request);
    if (QCoreApplication::exec() != 0)
        return {};
    return samples;
}

// One process per call, as a person would run it: a new connection each time.
std::vector<Sample> curlSamples(const QString &url) {
    std::vector<Sample> samples;
    const QString format = QStringLiteral("%{time_connect} %{time_pretransfer} %{time_starttransfer} "
                                          "%header{server-timing}");
    for (int i = 0; i < kCalls; ++i) {
        QProcess curl;
        curl.start(QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                            QStringLiteral("-w"), format, url});
        if (!curl.waitForFinished() || curl.exitCode() != 0)
            return {};
        const QList<QByteArray> parts = curl.readAllStandardOutput().split(' ');
        if (parts.size() < 4)
            return {};
        const auto us = [](const QByteArray &seconds) { return qint64(seconds.toDouble() * 1e6 + 0.5); };
        samples.push_back(
            {us(parts[1]) - us(parts[0]), us(parts[2]) - us(parts[1]), serverTotalUs(parts.mid(3).join(' '))});
    }
    return samples;
}

qint64 percentile(std::vector<qint64> values, int percent) {
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, values.size() * size_t(percent) / 100)];
}

void printRow(const char *name, const std::vector<qint64> &values) {
    std::printf("  %-22s min %6lld  p50 %6lld  p90 %6lld  p99 %6lld  max %6lld\n", name,
                static_cast<long long>(percentile(values, 0)), static_cast<long long>(percentile(values, 50)),
                static_cast<long long>(percentile(values, 90)), static_cast<long long>(percentile(values, 99)),
                static_cast<long long>(percentile(values, 100)));
}

void report(const char *title, const std::vector<Sample> &samples) {
    std::vector<qint64> send, wait, server, margin;
    int waitShort = 0, sendLarge = 0;
    for (const auto &sample : samples) {
        send.push_back(sample.sendUs);
        wait.push_back(sample.waitUs);
        server.push_back(sample.serverUs);
        margin.push_back(sample.waitUs - sample.serverUs);
        waitShort += sample.waitUs < sample.serverUs ? 1 : 0;
        sendLarge += sample.sendUs > kSmallSendUs ? 1 : 0;
    }
    std::printf("%s, %zu calls, microseconds\n", title, samples.size());
    printRow("send", send);
    printRow("wait", wait);
    printRow("server total", server);
    printRow("wait - server total", margin);
    std::printf("  wait shorter than the server's total: %d of %zu; send over %lld us: %d of %zu\n", waitShort,
                samples.size(), static_cast<long long>(kSmallSendUs), sendLarge, samples.size());
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    OrderServer server(options);
    if (!server.start().ok())
        return 1;
    const QString url = QStringLiteral("http://127.0.0.1:%1/v1/users/42/orders").arg(server.httpPort());
    const auto engine = engineSamples(url);
    const auto curl = curlSamples(url);
    server.stop();
    if (engine.empty() || curl.empty()) {
        std::fprintf(stderr, "a run failed (is the curl program installed?)\n");
        return 1;
    }
    report("Triptych RestCaller (one reused connection)", engine);
    report("curl -w (a new process and connection per call)", curl);
    return 0;
}
