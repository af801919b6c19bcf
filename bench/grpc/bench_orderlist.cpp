// User 42's 1,000 orders as orders.v1.OrderList: building the message from domain values, serializing it, both
// together (what GetUserOrders does after its SQL), and parsing it back as a client does.
#include "server/core/eventbus.h"
#include "server/core/orderservice.h"
#include "server/grpc/protoconvert.h"
#include "server/store/database.h"

#include <benchmark/benchmark.h>
#include <google/protobuf/arena.h>

#include <cstdio>

namespace {

// Read once from a fresh data set: the facts every style serves.
const std::vector<triptych::Order> &ordersOf42() {
    static const std::vector<triptych::Order> orders = [] {
        auto database = triptych::store::Database::open({{}, 1000});
        if (!database) {
            std::fprintf(stderr, "cannot open the data set: %s\n", database.error().message.c_str());
            return std::vector<triptych::Order>{};
        }
        triptych::EventBus events;
        triptych::OrderService service(**database, events);
        auto found = service.userOrders(42);
        return found ? std::move(*found) : std::vector<triptych::Order>{};
    }();
    return orders;
}

orders::v1::OrderList orderList() {
    orders::v1::OrderList list;
    triptych::rpc::toProto(ordersOf42(), list);
    return list;
}

void buildOrderList(benchmark::State &state) {
    const auto &orders = ordersOf42();
    for (auto _ : state) {
        orders::v1::OrderList list;
        triptych::rpc::toProto(orders, list);
        benchmark::DoNotOptimize(list);
    }
    state.counters["orders"] = double(orders.size());
}

void serializeOrderList(benchmark::State &state) {
    const auto list = orderList();
    std::string bytes;
    for (auto _ : state) {
        bytes.clear();
        list.SerializeToString(&bytes);
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = double(bytes.size());
}

void buildAndSerializeOrderList(benchmark::State &state) {
    const auto &orders = ordersOf42();
    std::string bytes;
    for (auto _ : state) {
        orders::v1::OrderList list;
        triptych::rpc::toProto(orders, list);
        bytes.clear();
        list.SerializeToString(&bytes);
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = double(bytes.size());
}

// What GetUserOrders does: the response lives on an Arena (OrderRpcService::unary).
void buildAndSerializeOrderListOnArena(benchmark::State &state) {
    const auto &orders = ordersOf42();
    std::string bytes;
    for (auto _ : state) {
        google::protobuf::Arena arena;
        auto *list = google::protobuf::Arena::CreateMessage<orders::v1::OrderList>(&arena);
        triptych::rpc::toProto(orders, *list);
        bytes.clear();
        list->SerializeToString(&bytes);
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = double(bytes.size());
}

void parseOrderList(benchmark::State &state) {
    const std::string bytes = orderList().SerializeAsString();
    for (auto _ : state) {
        orders::v1::OrderList list;
        list.ParseFromString(bytes);
        benchmark::DoNotOptimize(list);
    }
    state.counters["bytes"] = double(bytes.size());
}

} // namespace

BENCHMARK(buildOrderList)->Unit(benchmark::kMicrosecond);
BENCHMARK(serializeOrderList)->Unit(benchmark::kMicrosecond);
BENCHMARK(buildAndSerializeOrderList)->Unit(benchmark::kMicrosecond);
BENCHMARK(buildAndSerializeOrderListOnArena)->Unit(benchmark::kMicrosecond);
BENCHMARK(parseOrderList)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
