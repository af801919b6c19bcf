// Parse+validate of the standard introspection query (target < 50 µs) and parse+validate+execute+serialize
// of a user's 1,000 orders over in-memory resolvers (target < 0.5 ms).
#include "server/graphql/execution/executor.h"
#include "server/graphql/schema/schema.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/validator.h"
#include "server/host/malloctuning.h"

#include <benchmark/benchmark.h>

using namespace triptych::graphql;

namespace {

const char *const kSdl = R"(
type Query {
  user(id: ID!): User
  users(first: Int = 20, after: String): UserConnection!
  order(id: ID!): Order
}
type Mutation { createOrder(input: CreateOrderInput!): Order!  cancelOrder(id: ID!): Order! }
type Subscription { orderUpdates(userId: ID!): OrderEvent! }
type User {
  id: ID! name: String! email: String! avatarUrl: String bio: String phone: String locale: String timezone: String
  company: String jobTitle: String website: String street: String city: String postalCode: String country: String
  dateOfBirth: String createdAt: String! updatedAt: String! lastLoginAt: String isActive: Boolean! isVerified: Boolean!
  twoFactorEnabled: Boolean! loyaltyTier: String loyaltyPoints: Int! marketingOptIn: Boolean! preferredCurrency: String
  preferredLanguage: String ordersCount: Int! lifetimeValueCents: Int! notes: String
  orders(status: OrderStatus, first: Int): [Order!]!
  friends(first: Int): [User!]!
}
type Order { id: ID! userId: ID! product: String! quantity: Int! totalCents: Int! status: OrderStatus! createdAt: String! user: User! }
type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! totalCount: Int! }
type UserEdge { cursor: String! node: User! }
type PageInfo { hasNextPage: Boolean! endCursor: String }
type OrderEvent { order: Order! previousStatus: OrderStatus at: String! }
enum OrderStatus { PENDING PAID SHIPPED DELIVERED CANCELLED }
input CreateOrderInput { userId: ID! product: String! quantity: Int! }
)";

const char *const kIntrospection = R"(
    query IntrospectionQuery {
      __schema {
        queryType { name }
        mutationType { name }
        subscriptionType { name }
        types { ...FullType }
        directives { name description locations args { ...InputValue } }
      }
    }
    fragment FullType on __Type {
      kind name description
      fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
      inputFields { ...InputValue }
      interfaces { ...TypeRef }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
      possibleTypes { ...TypeRef }
    }
    fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
    fragment TypeRef on __Type {
      kind name
      ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
        ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
    }
)";

struct OrderRow {
    int id;
    int userId;
    std::string product;
    int quantity;
    int totalCents;
};

std::vector<OrderRow> makeOrders() {
    std::vector<OrderRow> orders;
    for (int i = 0; i < 1000; ++i)
        orders.push_back({i + 1, 42, "product-" + std::to_string(i % 37), 1 + i % 9, 199 * (1 + i % 9)});
    return orders;
}

std::shared_ptr<Schema> makeSchema(const std::vector<OrderRow> &orders) {
    auto schema = Schema::fromSdl(kSdl).schema;
    schema->bind("Query", "user", [](const ResolveInfo &info) {
        return Resolved(ObjectRef{nullptr, nullptr, std::stoll(info.arg("id")->asString()), "User"});
    });
    schema->bind("User", "orders", [&orders](const ResolveInfo &) {
        std::vector<Resolved> items;
        items.reserve(orders.size());
        for (const OrderRow &row : orders)
            items.emplace_back(ObjectRef{nullptr, &row, row.id, "Order"});
        return Resolved(std::move(items));
    });
    const auto row = [](const ResolveInfo &info) { return info.parent.as<OrderRow>(); };
    schema->bind("Order", "id", [row](const ResolveInfo &info) { return Resolved(std::int64_t(row(info)->id)); });
    schema->bind("Order", "product", [row](const ResolveInfo &info) { return Resolved::view(row(info)->product); });
    schema->bind("Order", "quantity", [row](const ResolveInfo &info) { return Resolved(row(info)->quantity); });
    schema->bind("Order", "totalCents", [row](const ResolveInfo &info) { return Resolved(row(info)->totalCents); });
    return schema;
}

void BM_ParseValidateIntrospection(benchmark::State &state) {
    const auto schema = Schema::fromSdl(kSdl).schema;
    for (auto _ : state) {
        ParseResult parsed = parse(kIntrospection);
        auto errors = validate(*schema, *parsed.document);
        benchmark::DoNotOptimize(errors);
    }
}
BENCHMARK(BM_ParseValidateIntrospection)->Unit(benchmark::kMicrosecond);

void BM_ExecuteIntrospection(benchmark::State &state) {
    const auto schema = Schema::fromSdl(kSdl).schema;
    for (auto _ : state) {
        std::string json = executeQuery(*schema, kIntrospection, {}).toJson();
        benchmark::DoNotOptimize(json);
    }
}
BENCHMARK(BM_ExecuteIntrospection)->Unit(benchmark::kMicrosecond);

void BM_UserWith1000Orders(benchmark::State &state) {
    const auto orders = makeOrders();
    const auto schema = makeSchema(orders);
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string json =
            executeQuery(*schema, "{ user(id: 42) { orders { id product quantity totalCents } } }", {}).toJson();
        bytes = json.size();
        benchmark::DoNotOptimize(json);
    }
    state.counters["response_bytes"] = double(bytes);
}
BENCHMARK(BM_UserWith1000Orders)->Unit(benchmark::kMicrosecond);

} // namespace

// As triptych-server runs (server/host/malloctuning.h): without it, page faults dominate on a virtual machine.
int main(int argc, char **argv) {
    triptych::keepFreedMemoryForReuse();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
