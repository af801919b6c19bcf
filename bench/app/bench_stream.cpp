// A gRPC server stream of 1,000,000 messages at full speed into the gRPC pane's message list: every message counted,
// the GUI thread's longest stall, memory before and after, and what the list still holds of the bodies. The server is a
// bench-only OrderService whose StreamOrders writes N orders back to back (the embedded data set has at most 1,000 per
// user). Prints figures only.
#include "app/model/streammessagemodel.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "bench/app/benchclock.h"
#include "orders/v1/orders.grpc.pb.h"

#include <QApplication>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>

#include <cstdio>
#include <functional>
#include <memory>

namespace {
constexpr int kDefaultMessages = 1'000'000;

// Writes `count` orders as fast as the transport takes them, then ends with OK. All but every 64th write carry gRPC's
// buffer hint, so the messages leave in a few large HTTP/2 writes instead of one syscall each: the figure measures the
// app's side of the stream, not the bench server's writes.
class StreamWriter : public grpc::ServerWriteReactor<orders::v1::Order> {
public:
    explicit StreamWriter(int count)
        : m_count(count) {
        m_order.set_user_id(42);
        m_order.set_product("keyboard");
        m_order.set_quantity(2);
        m_order.set_total_cents(5998);
        m_order.set_status(orders::v1::SHIPPED);
        m_order.mutable_created_at()->set_seconds(1717243200);
        next();
    }
    void OnWriteDone(bool ok) override {
        if (!ok) {
            Finish(grpc::Status(grpc::StatusCode::CANCELLED, "client went away"));
            return;
        }
        next();
    }
    void OnDone() override { delete this; }

private:
    void next() {
        if (m_sent == m_count) {
            Finish(grpc::Status::OK);
            return;
        }
        m_order.set_id(++m_sent);
        const bool flush = m_sent % kFlushEvery == 0 || m_sent == m_count;
        StartWrite(&m_order, flush ? grpc::WriteOptions() : grpc::WriteOptions().set_buffer_hint());
    }
    static constexpr int kFlushEvery = 64;
    orders::v1::Order m_order;
    int m_count;
    int m_sent = 0;
};

class BenchOrderService : public orders::v1::OrderService::CallbackService {
public:
    explicit BenchOrderService(int count)
        : m_count(count) {}
    grpc::ServerWriteReactor<orders::v1::Order> *StreamOrders(grpc::CallbackServerContext *,
                                                              const orders::v1::StreamOrdersRequest *) override {
        return new StreamWriter(m_count);
    }

private:
    int m_count;
};

void waitFor(const std::function<bool()> &done) {
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : kDefaultMessages;

    BenchOrderService service(count);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service);
    const auto server = builder.BuildAndStart();
    if (!server) {
        std::fprintf(stderr, "the bench server did not start\n");
        return 1;
    }

    triptych::ui::GrpcPane pane;
    pane.resize(700, 900);
    pane.show();
    pane.targetEdit()->setText(QStringLiteral("127.0.0.1:%1").arg(port));
    bool loaded = false;
    QObject::connect(&pane, &triptych::ui::GrpcPane::schemaFinished, &pane, [&loaded] { loaded = true; });
    pane.loadSchema();
    waitFor([&] { return loaded; });
    pane.selectMethod(QStringLiteral("orders.v1.OrderService/StreamOrders"));
    pane.requestEditor()->setPlainText(QStringLiteral("{\"user_id\": 42}"));
    // The longest deadline the pane takes: on a loaded machine a million messages outlast the default 30 s.
    for (auto *spin : pane.findChildren<QSpinBox *>()) {
        if (spin->accessibleName() == QLatin1String("Deadline"))
            spin->setValue(spin->maximum());
    }
    QCoreApplication::processEvents();
    const qint64 rssBefore = residentKiB();

    Heartbeat heartbeat;
    heartbeat.start();
    QElapsedTimer clock;
    clock.start();
    const qint64 guiCpuStart = threadCpuNs();
    const double cpuStart = processCpuMs();
    pane.send();
    waitFor([&] { return !pane.isBusy(); });
    const double streamMs = double(clock.nsecsElapsed()) / 1e6;
    auto *view = pane.responseView();
    waitFor([&] { return view->messagesModel()->rowCount() == view->messageCount(); });
    const double shownMs = double(clock.nsecsElapsed()) / 1e6;
    const double guiCpuMs = double(threadCpuNs() - guiCpuStart) / 1e6;
    const double cpuMs = processCpuMs() - cpuStart;
    const double stallMs = heartbeat.longestGapMs();
    const double busyMs = heartbeat.longestBusyMs();

    std::printf("messages sent by the server: %d\n", count);
    std::printf("messages counted by the pane: %d (rows in the list: %d)\n", view->messageCount(),
                view->messagesModel()->rowCount());
    std::printf("status: %s\n", qPrintable(view->statusText()));
    std::printf("stream ended after: %.1f ms (%.0f messages/s); every row shown after %.1f ms\n", streamMs,
                count * 1000.0 / streamMs, shownMs);
    std::printf(
        "CPU: %.1f ms in all threads (server included: %.1f us per message), %.1f ms on the GUI thread (%.1f us "
        "per message)\n",
        cpuMs, cpuMs * 1000.0 / count, guiCpuMs, guiCpuMs * 1000.0 / count);
    std::printf("longest GUI-thread stall (1 ms heartbeat): %.1f ms wall, %.1f ms of GUI-thread CPU\n", stallMs,
                busyMs);
    const qint64 rssAfter = residentKiB();
    std::printf("RSS: %.1f MB before, %.1f MB after: %.1f MB more (%.0f bytes per message)\n",
                double(rssBefore) / 1024.0, double(rssAfter) / 1024.0, double(rssAfter - rssBefore) / 1024.0,
                double(rssAfter - rssBefore) * 1024.0 / count);
    auto *messages = view->messagesModel();
    const int rows = messages->rowCount();
    int truncated = 0;
    for (int row = 0; row < rows; ++row)
        truncated += messages->isTruncated(row) ? 1 : 0;
    std::printf("bodies kept whole in the list: %d of %d (%.1f MB), %d of them as wire bytes made JSON when shown; the "
                "others keep their first %lld bytes\n",
                rows - truncated, rows, double(messages->storedBodyBytes()) / 1048576.0, messages->wireRowCount(),
                static_cast<long long>(triptych::model::streamlimits::kTruncatedBodyBytes));
    if (rows > 0)
        std::printf("the last message, as the list shows it when selected: %s\n",
                    messages->message(rows - 1).json().constData());
    std::printf("targets (issue #24): >= 200000 messages/s, <= 150 MB more memory, no GUI stall over 16 ms\n");
    return 0;
}
