// Executor behaviour graphql-js cannot show: breadth-first batching through DataLoader, the resolver hook,
// subscriptions split as spec §6.2.2 splits them, and result serialization details.
#include "server/graphql/execution/dataloader.h"
#include "server/graphql/execution/executor.h"
#include "server/graphql/execution/subscription.h"
#include "server/graphql/json.h"
#include "server/graphql/syntax/parser.h"

#include <QTest>

using namespace triptych::graphql;

namespace {

const char *const kSdl = R"(
type Query { users(first: Int = 3): [User!]! user(id: ID!): User }
type User { id: ID! name: String! orders: [Order!]! friends: [User!]! }
type Order { id: ID! total: Int! }
type Mutation { rename(id: ID!, name: String!): User }
type Subscription { userChanged(id: ID!): User! }
)";

struct Context {
    DataLoader<int, std::vector<int>> orders{[this](const std::vector<int> &ids) {
        std::vector<std::vector<int>> out;
        for (int id : ids)
            out.push_back({id * 10, id * 10 + 1});
        ++orderQueries;
        return out;
    }};
    int orderQueries = 0;
};

ObjectRef user(int id) {
    return ObjectRef{nullptr, nullptr, id, "User"};
}

std::shared_ptr<Schema> makeSchema() {
    auto schema = Schema::fromSdl(kSdl).schema;
    schema->bind("Query", "users", [](const ResolveInfo &info) {
        std::vector<Resolved> users;
        for (int i = 1; i <= info.arg("first")->asInt(); ++i)
            users.emplace_back(user(i));
        return Resolved(std::move(users));
    });
    schema->bind("Query", "user", [](const ResolveInfo &info) {
        const int id = std::stoi(info.arg("id")->asString());
        return id > 0 ? Resolved(user(id)) : Resolved::error("bad id", *parseJson(R"({"code":"BAD_USER_INPUT"})"));
    });
    schema->bind("User", "id", [](const ResolveInfo &info) { return Resolved(info.parent.id); });
    schema->bind("User", "name",
                 [](const ResolveInfo &info) { return Resolved("user" + std::to_string(info.parent.id)); });
    schema->bind("User", "friends", [](const ResolveInfo &info) {
        return Resolved(std::vector<Resolved>{Resolved(user(int(info.parent.id) + 100))});
    });
    schema->bind("User", "orders", [](const ResolveInfo &info) {
        auto *ctx = static_cast<Context *>(info.context);
        return ctx->orders.load(int(info.parent.id), [](const std::vector<int> &ids) {
            std::vector<Resolved> out;
            for (int id : ids)
                out.emplace_back(ObjectRef{nullptr, nullptr, id, "Order"});
            return Resolved(std::move(out));
        });
    });
    schema->bind("Order", "id", [](const ResolveInfo &info) { return Resolved(info.parent.id); });
    schema->bind("Order", "total", [](const ResolveInfo &info) { return Resolved(info.parent.id * 2); });
    schema->bindSubscribe("userChanged", [](const ResolveInfo &info) {
        return Resolved(ObjectRef{nullptr, nullptr, std::stoi(info.arg("id")->asString()), "Stream"});
    });
    schema->bind("Subscription", "userChanged",
                 [](const ResolveInfo &info) { return Resolved(user(int(info.parent.id))); });
    return schema;
}

// Counts the resolver calls it is told about; observes only the fields named "Type.field" in `only`, or all.
class CountingObserver : public ResolverObserver {
public:
    explicit CountingObserver(QStringList only = {})
        : m_only(std::move(only)) {}
    bool observes(const NamedType &parentType, const Field &field) const override {
        ++asked;
        return m_only.isEmpty() || m_only.contains(QString::fromStdString(parentType.name + "." + field.name));
    }
    void resolverStarted(const ResolveInfo &) override { ++started; }
    void resolverFinished(const ResolveInfo &info, const Resolved &result) override {
        ++finished;
        if (result.kind() == Resolved::Kind::Error)
            failedPaths.push_back(info.pathString());
    }
    mutable int asked = 0;
    int started = 0;
    int finished = 0;
    std::vector<std::string> failedPaths;

private:
    QStringList m_only;
};

} // namespace

class TestExecutor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_schema = makeSchema(); }
    void dataLoaderBatchesOneLevel_data();
    void dataLoaderBatchesOneLevel();
    void resolverHookSeesTheResolversItObserves_data();
    void resolverHookSeesTheResolversItObserves();
    void errorExtensionsFromResolvers();
    void subscriptionMapsEvents();
    void subscriptionArgumentError();
    void parseErrorIsARequestError();

private:
    std::shared_ptr<Schema> m_schema;
};

void TestExecutor::dataLoaderBatchesOneLevel_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("queries");
    QTest::addColumn<QString>("expected");
    QTest::newRow("§6.4 one user") << "{ user(id: 4) { orders { id } } }" << 1
                                   << R"({"data":{"user":{"orders":[{"id":"40"},{"id":"41"}]}}})";
    QTest::newRow("§6.4 list of users batches their orders")
        << "{ users(first: 3) { id orders { total } } }" << 1
        << R"({"data":{"users":[{"id":"1","orders":[{"total":20},{"total":22}]},{"id":"2","orders":[{"total":40},{"total":42}]},{"id":"3","orders":[{"total":60},{"total":62}]}]}})";
    QTest::newRow("§6.4 two levels batch per level")
        << "{ users(first: 2) { orders { id } friends { orders { id } } } }" << 2
        << R"({"data":{"users":[{"orders":[{"id":"10"},{"id":"11"}],"friends":[{"orders":[{"id":"1010"},{"id":"1011"}]}]},{"orders":[{"id":"20"},{"id":"21"}],"friends":[{"orders":[{"id":"1020"},{"id":"1021"}]}]}]}})";
}

void TestExecutor::dataLoaderBatchesOneLevel() {
    QFETCH(QString, query);
    QFETCH(int, queries);
    QFETCH(QString, expected);
    Context context;
    ExecutionRequest request;
    request.context = &context;
    const std::string json = executeQuery(*m_schema, query.toStdString(), request).toJson();
    QCOMPARE(QString::fromStdString(json), expected);
    QCOMPARE(context.orderQueries, queries);
}

void TestExecutor::resolverHookSeesTheResolversItObserves_data() {
    QTest::addColumn<QStringList>("observed");
    QTest::addColumn<int>("calls");
    QTest::addColumn<QStringList>("failedPaths");
    QTest::newRow("every field") << QStringList() << 6 << QStringList{"bad"};
    QTest::newRow("root fields only") << QStringList{"Query.users", "Query.user"} << 2 << QStringList{"bad"};
    QTest::newRow("one field of a list's items") << QStringList{"User.name"} << 2 << QStringList();
}

// Users 1 and 2 with id and name, and user 0, whose resolver fails: 6 resolver calls in all.
void TestExecutor::resolverHookSeesTheResolversItObserves() {
    QFETCH(QStringList, observed);
    QFETCH(int, calls);
    QFETCH(QStringList, failedPaths);
    Context context;
    CountingObserver observer(observed);
    ExecutionRequest request;
    request.context = &context;
    request.observer = &observer;
    executeQuery(*m_schema, "{ users(first: 2) { id name } bad: user(id: 0) { id } }", request);
    QCOMPARE(observer.started, calls);
    QCOMPARE(observer.finished, calls);
    QStringList failed;
    for (const auto &path : observer.failedPaths)
        failed << QString::fromStdString(path);
    QCOMPARE(failed, failedPaths);
    QCOMPARE(observer.asked, 4); // once per field and object type: users, bad, User.id, User.name — not per user
}

void TestExecutor::errorExtensionsFromResolvers() {
    const std::string json = executeQuery(*m_schema, "{ user(id: -1) { id } }", {}).toJson();
    QCOMPARE(QString::fromStdString(json),
             QStringLiteral(R"({"errors":[{"message":"bad id","locations":[{"line":1,"column":3}],"path":["user"],)"
                            R"("extensions":{"code":"BAD_USER_INPUT"}}],"data":{"user":null}})"));
}

void TestExecutor::subscriptionMapsEvents() {
    ExecutionRequest request;
    request.document = parse("subscription ($id: ID!) { userChanged(id: $id) { id name } }").document;
    request.variables = *parseJson(R"({"id": "7"})");
    const Subscription sub = Subscription::create(*m_schema, request);
    QVERIFY(sub.ok());
    QCOMPARE(sub.sourceStream().asObject().id, 7);
    const std::string first = sub.mapSourceToResponseEvent(ObjectRef{nullptr, nullptr, 7, {}}).toJson();
    QCOMPARE(QString::fromStdString(first), QStringLiteral(R"({"data":{"userChanged":{"id":"7","name":"user7"}}})"));
    const std::string second = sub.mapSourceToResponseEvent(ObjectRef{nullptr, nullptr, 8, {}}).toJson();
    QCOMPARE(QString::fromStdString(second), QStringLiteral(R"({"data":{"userChanged":{"id":"8","name":"user8"}}})"));
}

void TestExecutor::subscriptionArgumentError() {
    ExecutionRequest request;
    request.document = parse("subscription ($id: ID!) { userChanged(id: $id) { id } }").document;
    const Subscription sub = Subscription::create(*m_schema, request);
    QVERIFY(!sub.ok());
    QCOMPARE(QString::fromStdString(sub.errors().front().message),
             QStringLiteral(R"(Variable "$id" of required type "ID!" was not provided.)"));
}

void TestExecutor::parseErrorIsARequestError() {
    const ExecutionResult result = executeQuery(*m_schema, "{ user(id: 1) { id }", {});
    QVERIFY(!result.hasData());
    QCOMPARE(
        QString::fromStdString(result.toJson()),
        QStringLiteral(
            R"({"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,"column":21}]}]})"));
}

QTEST_GUILESS_MAIN(TestExecutor)
#include "tst_executor.moc"
