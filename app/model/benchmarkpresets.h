#pragma once

#include "app/model/benchmarkrunner.h"

#include <optional>

namespace triptych::model {

// A question the benchmark can ask in all three styles (API-CONTRACT.md's comparison table, the unary rows).
struct BenchmarkPreset {
    QString name;
    QList<BenchmarkCall> calls; // REST, GraphQL, gRPC
};

// The presets against a server at httpBase ("http://127.0.0.1:8080") and grpcTarget ("127.0.0.1:50051").
QList<BenchmarkPreset> benchmarkPresets(const QString &httpBase, const QString &grpcTarget);

// The same call again, from a pane's finished record; empty for a call that cannot be repeated as it was (a stream).
std::optional<BenchmarkCall> benchmarkCallFromRecord(const client::CallRecord &record);

} // namespace triptych::model
