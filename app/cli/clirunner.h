#pragma once

#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"
#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"

#include <QObject>

#include <functional>

namespace triptych::cli {

// triptych-cli's exit statuses (docs/client.md).
constexpr int kExitSuccess = 0;
constexpr int kExitCallFailed = 1; // transport, HTTP ≥ 400, gRPC status other than OK, WebSocket close
constexpr int kExitUsage = 2;      // bad arguments, unknown method, unreadable .proto

// Runs one triptych-cli command line on the event loop, prints through `printer` and reports the exit status.
// One run per runner: the parsed options stay in it.
class CliRunner : public QObject {
    Q_OBJECT
public:
    explicit CliRunner(CliPrinter &printer, QObject *parent = nullptr);
    ~CliRunner() override;
    // The arguments after the program name. runFinished may be emitted before this returns (usage, --help).
    void run(const QStringList &arguments);

Q_SIGNALS:
    void runFinished(int exitCode);

private:
    void start();
    void runRest();
    void runGraphQL();
    void runLint();
    void runSubscription();
    void runGrpc();
    void runCompare();
    void runLesson();
    void runWorkspace();
    void runChecks();       // run: clirun.h
    void runLocustExport(); // locust: clirunlocust.h
    void withSchema(const QString &target, std::function<void(client::GrpcSchemaPtr)> next);
    void grpcList(const client::GrpcSchemaPtr &schema);
    void grpcCall(const client::GrpcSchemaPtr &schema, const QString &method);
    void onStreamMessage(const client::StreamMessage &message);
    void report(const client::CallRecord &record);
    void fail(const QString &text, int exitCode = kExitCallFailed);

    CliPrinter &m_printer;
    CliOptions m_options;
    bool m_streamed = false; // a message was printed as it arrived
};

} // namespace triptych::cli
