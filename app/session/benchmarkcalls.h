#pragma once

#include "app/session/benchmarkrunner.h"
#include "app/session/question.h"
#include "app/session/serverstate.h"

#include <optional>

namespace triptych::session {

// A question the benchmark asks in all three styles (the catalog's benchmark questions).
struct BenchmarkPreset {
    QString name;
    QList<BenchmarkCall> calls; // REST, GraphQL, gRPC
};

// The question's three calls as the benchmark repeats them, against `endpoints`.
BenchmarkPreset benchmarkPreset(const Question &question, const Endpoints &endpoints);
// Every benchmark question of the built-in catalog.
QList<BenchmarkPreset> benchmarkPresets(const Endpoints &endpoints);

// The same call again, from a pane's finished record; empty for a call that cannot be repeated as it was (a stream).
std::optional<BenchmarkCall> benchmarkCallFromRecord(const client::CallRecord &record);

} // namespace triptych::session
