// Query depth and cost (the server's protection limits) and SDL printing of a schema.
#include "server/graphql/schema/schemaprinter.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/analysis.h"

#include <QFile>
#include <QTest>

using namespace triptych::graphql;

namespace {

const char *const kSdl = R"(
type Query { user(id: ID!): User users(first: Int = 20, after: String): UserConnection! }
type UserConnection { edges: [UserEdge!]! totalCount: Int! }
type UserEdge { cursor: String! node: User! }
type User { id: ID! name: String orders(first: Int): [Order!]! friends(first: Int): [User!]! }
type Order { id: ID! product: String! }
)";

} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_schema = Schema::fromSdl(kSdl).schema; }
    void depthAndCost_data();
    void depthAndCost();
    void limitsGiveCodes();
    void printSchemaMatchesGraphqlJs();
    void printSchemaWithCustomRoots();

private:
    std::shared_ptr<Schema> m_schema;
};

void TestAnalysis::depthAndCost_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("depth");
    QTest::addColumn<int>("cost");
    QTest::newRow("one field") << "{ user(id: 1) { name } }" << 2 << 2;
    QTest::newRow("orders default size 100") << "{ user(id: 42) { orders { id product } } }" << 3 << 202;
    QTest::newRow("first overrides the default") << "{ user(id: 42) { orders(first: 3) { id } } }" << 3 << 5;
    QTest::newRow("users connection 20 then orders 100")
        << "{ users { edges { node { orders { id } } } } }" << 5 << (1 + 20 + 20 + 20 + 2000);
    QTest::newRow("users(first: 50) with friends 5")
        << "{ users(first: 50) { edges { node { friends { name } } } } }" << 5 << (1 + 50 + 50 + 50 + 250);
    QTest::newRow("fragments expanded") << "{ user(id: 1) { ...F } } fragment F on User { friends { ...G } } "
                                           "fragment G on User { name }"
                                        << 3 << (1 + 1 + 5);
    QTest::newRow("introspection not counted")
        << "{ __schema { types { fields { type { name } } } } user(id: 1) { id } }" << 2 << 2;
    QTest::newRow("variables give first") << "query ($n: Int) { user(id: 1) { orders(first: $n) { id } } }" << 3 << 9;
}

void TestAnalysis::depthAndCost() {
    QFETCH(QString, query);
    QFETCH(int, depth);
    QFETCH(int, cost);
    const auto doc = parse(query.toStdString()).document;
    QVERIFY(doc);
    CostOptions options;
    options.listSizes = {{"users", 20}, {"orders", 100}, {"friends", 5}};
    Value variables;
    variables.set("n", Value::fromInt(7));
    const QueryAnalysis analysis = analyzeOperation(*m_schema, *doc, {}, variables, options);
    QCOMPARE(int(analysis.depth), depth);
    QCOMPARE(int(analysis.cost), cost);
}

void TestAnalysis::limitsGiveCodes() {
    const auto deep = checkQueryLimits({11, 5}, 10, 50000);
    QVERIFY(deep);
    QCOMPARE(QString::fromStdString(deep->extensions.find("code")->asString()), QStringLiteral("QUERY_TOO_DEEP"));
    const auto costly = checkQueryLimits({3, 50001}, 10, 50000);
    QVERIFY(costly);
    QCOMPARE(QString::fromStdString(costly->extensions.find("code")->asString()), QStringLiteral("QUERY_TOO_COMPLEX"));
    QVERIFY(!checkQueryLimits({10, 50000}, 10, 50000));
}

void TestAnalysis::printSchemaMatchesGraphqlJs() {
    QFile sdl(QStringLiteral(TRIPTYCH_ORACLE_DIR "/schema.graphql"));
    QFile printed(QStringLiteral(TRIPTYCH_ORACLE_DIR "/printed-schema.graphql"));
    QVERIFY(sdl.open(QIODevice::ReadOnly) && printed.open(QIODevice::ReadOnly));
    const auto schema = Schema::fromSdl(sdl.readAll().toStdString()).schema;
    QVERIFY(schema);
    QCOMPARE(QString::fromStdString(printSchema(*schema)), QString::fromUtf8(printed.readAll()));
}

void TestAnalysis::printSchemaWithCustomRoots() {
    const auto schema = Schema::fromSdl("schema { query: Root } type Root { a(x: Int = 1, y: [String] = \"s\"): Int }");
    QVERIFY(schema.ok());
    QCOMPARE(
        QString::fromStdString(printSchema(*schema.schema)),
        QStringLiteral("schema {\n  query: Root\n}\n\ntype Root {\n  a(x: Int = 1, y: [String] = [\"s\"]): Int\n}"));
}

QTEST_APPLESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
