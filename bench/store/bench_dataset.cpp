// Generating the contract's data set into a fresh database (target: the default 1,000 users under 300 ms).
#include "server/store/database.h"

#include <benchmark/benchmark.h>

namespace {

void generateDataset(benchmark::State &state) {
    const int users = static_cast<int>(state.range(0));
    for (auto _ : state) {
        auto database = triptych::store::Database::open({{}, users});
        if (!database) {
            state.SkipWithError(database.error().message.c_str());
            return;
        }
        benchmark::DoNotOptimize(database->get());
    }
    state.counters["users"] = users;
}

} // namespace

BENCHMARK(generateDataset)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK_MAIN();
