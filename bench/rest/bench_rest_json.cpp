// How long the REST answer for user 42's 1,000 orders takes to build: JSON (v1 and v2), ETag, gzip.
// It prints figures and asserts nothing; the orders come from a real generated data set.
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/http/gzip.h"
#include "server/http/representation.h"
#include "server/rest/jsonwriter.h"
#include "server/store/database.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>

namespace {

using namespace triptych;

struct Fixture {
    std::unique_ptr<store::Database> database;
    EventBus events;
    std::vector<Order> orders;
    User user;
};

Fixture &fixture() {
    static Fixture *instance = [] {
        auto *f = new Fixture;
        auto database = store::Database::open({"", 1000});
        if (!database) {
            std::fprintf(stderr, "cannot open the data set: %s\n", database.error().message.c_str());
            std::exit(1);
        }
        f->database = std::move(*database);
        OrderService service(*f->database, f->events);
        f->orders = std::move(*service.userOrders(42));
        f->user = std::move(*service.user(42));
        return f;
    }();
    return *instance;
}

void BM_OrdersOfUser42ToJson(benchmark::State &state) {
    const auto &orders = fixture().orders;
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto body = rest::json::orders(orders);
        bytes = body.size();
        benchmark::DoNotOptimize(body);
    }
    state.counters["orders"] = double(orders.size());
    state.counters["json_bytes"] = double(bytes);
}
BENCHMARK(BM_OrdersOfUser42ToJson)->Unit(benchmark::kMicrosecond);

void BM_OrdersOfUser42ToJsonV2(benchmark::State &state) {
    const auto &orders = fixture().orders;
    for (auto _ : state) {
        auto body = rest::json::ordersV2(orders, std::string("b3JkZXJzOnYyOjY2Mw"));
        benchmark::DoNotOptimize(body);
    }
}
BENCHMARK(BM_OrdersOfUser42ToJsonV2)->Unit(benchmark::kMicrosecond);

void BM_User42ToJson(benchmark::State &state) {
    const auto &user = fixture().user;
    for (auto _ : state) {
        auto body = rest::json::user(user);
        benchmark::DoNotOptimize(body);
    }
}
BENCHMARK(BM_User42ToJson)->Unit(benchmark::kMicrosecond);

void BM_EtagOf1000Orders(benchmark::State &state) {
    const auto body = rest::json::orders(fixture().orders);
    for (auto _ : state) {
        auto tag = http::strongEtag(body);
        benchmark::DoNotOptimize(tag);
    }
}
BENCHMARK(BM_EtagOf1000Orders)->Unit(benchmark::kMicrosecond);

void BM_GzipOf1000Orders(benchmark::State &state) {
    const auto body = rest::json::orders(fixture().orders);
    std::size_t packed = 0;
    for (auto _ : state) {
        auto out = http::gzipCompress(body, int(state.range(0)));
        packed = out ? out->size() : 0;
        benchmark::DoNotOptimize(out);
    }
    state.counters["gzip_bytes"] = double(packed);
}
BENCHMARK(BM_GzipOf1000Orders)->Arg(1)->Arg(6)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
