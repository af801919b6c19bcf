#pragma once

#include "app/cli/clioptions.h"
#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"

#include <QObject>

#include <functional>

namespace triptych::cli {

// Runs one triptych-cli command on the event loop and reports its exit status: 0 success, 1 the call failed
// (transport, HTTP ≥ 400, gRPC status), 2 bad usage.
class CliRunner : public QObject {
    Q_OBJECT
public:
    explicit CliRunner(CliOptions options, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void runFinished(int exitCode);

private:
    void runRest();
    void runGraphQL();
    void runSubscription();
    void runGrpc();
    void runCompare();
    void withSchema(const QString &target, std::function<void(client::GrpcSchemaPtr)> next);
    void grpcList(const client::GrpcSchemaPtr &schema);
    void grpcCall(const client::GrpcSchemaPtr &schema, const QString &method);
    void onStreamMessage(const client::StreamMessage &message);
    void report(const client::CallRecord &record);
    void fail(const QString &text, int exitCode = 1);

    CliOptions m_options;
    bool m_streamed = false; // a message was printed as it arrived
};

} // namespace triptych::cli
