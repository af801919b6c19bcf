// buildClientSchema(): a schema rebuilt from its own introspection prints the same SDL as the schema built from SDL
// (graphql-js's buildClientSchema ∘ introspectionFromSchema is the identity on printSchema).
#include "server/graphql/execution/executor.h"
#include "server/graphql/schema/clientschema.h"
#include "server/graphql/schema/schemaprinter.h"
#include "server/graphqlapi/contractsdl.h"
#include "tests/support/largeschema.h"

#include <QTest>

using namespace triptych::graphql;

class TestClientSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSdlBothWays_data();
    void sameSdlBothWays();
    void refusesWhatIsNotASchema_data();
    void refusesWhatIsNotASchema();
    void acceptsTheBareSchemaObject();
};

void TestClientSchema::sameSdlBothWays_data() {
    QTest::addColumn<QByteArray>("sdl");
    QTest::addColumn<int>("minTypes");
    QTest::newRow("the contract") << QByteArray(triptych::graphqlapi::kContractSdl.data(),
                                                static_cast<qsizetype>(triptych::graphqlapi::kContractSdl.size()))
                                  << 10;
    QTest::newRow("5,000 generated types") << QByteArray::fromStdString(triptych::tests::largeSchemaSdl(5000)) << 5000;
}

void TestClientSchema::sameSdlBothWays() {
    QFETCH(QByteArray, sdl);
    QFETCH(int, minTypes);
    const SchemaResult fromSdl = Schema::fromSdl(sdl.toStdString());
    QVERIFY2(fromSdl.ok(), fromSdl.errors.empty() ? "" : fromSdl.errors.front().c_str());
    QVERIFY(static_cast<int>(fromSdl.schema->types().size()) >= minTypes);

    const std::string introspection = executeQuery(*fromSdl.schema, kFullIntrospectionQuery, {}).toJson();
    QVERIFY2(introspection.find("\"errors\"") == std::string::npos, introspection.substr(0, 400).c_str());
    const SchemaResult fromIntrospection = buildClientSchema(introspection);
    QVERIFY2(fromIntrospection.ok(), fromIntrospection.errors.empty() ? "" : fromIntrospection.errors.front().c_str());

    const std::string expected = printSchema(*fromSdl.schema);
    QCOMPARE(printSchema(*fromIntrospection.schema), expected);
    QCOMPARE(fromIntrospection.schema->types().size(), fromSdl.schema->types().size());
    // And the printed SDL builds the same schema again.
    const SchemaResult reprinted = Schema::fromSdl(expected);
    QVERIFY(reprinted.ok());
    QCOMPARE(printSchema(*reprinted.schema), expected);
}

void TestClientSchema::refusesWhatIsNotASchema_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("not JSON") << QByteArray("<html>") << QByteArray("not JSON");
    QTest::newRow("introspection disabled")
        << QByteArray(R"({"errors":[{"message":"GraphQL introspection is not allowed"}]})")
        << QByteArray("the server answered with an error: GraphQL introspection is not allowed");
    QTest::newRow("no __schema") << QByteArray(R"({"data":{}})") << QByteArray("has no __schema");
    QTest::newRow("no query type") << QByteArray(R"({"data":{"__schema":{"types":[]}}})")
                                   << QByteArray("names no query type");
    QTest::newRow("bad kind") << QByteArray(
                                     R"({"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"THING","name":"Q"}]}})")
                              << QByteArray("type Q has an invalid kind \"THING\"");
    QTest::newRow("list without ofType")
        << QByteArray(R"({"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT","name":"Q","fields":[)"
                      R"({"name":"a","args":[],"type":{"kind":"LIST","name":null}}]}]}})")
        << QByteArray("a LIST type reference has no ofType");
    QTest::newRow("unknown type") << QByteArray(R"({"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT",)"
                                                R"("name":"Q","fields":[{"name":"a","args":[],"type":{"kind":)"
                                                R"("OBJECT","name":"Missing"}}]}]}})")
                                  << QByteArray("Missing");
}

void TestClientSchema::refusesWhatIsNotASchema() {
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, error);
    const SchemaResult result = buildClientSchema(json.toStdString());
    QVERIFY(!result.ok());
    QVERIFY(!result.errors.empty());
    QVERIFY2(result.errors.front().find(error.toStdString()) != std::string::npos, result.errors.front().c_str());
}

void TestClientSchema::acceptsTheBareSchemaObject() {
    const SchemaResult result = buildClientSchema(
        R"({"__schema":{"queryType":{"name":"Q"},"types":[{"kind":"OBJECT","name":"Q","description":"Root",)"
        R"("fields":[{"name":"hello","description":null,"args":[{"name":"to","type":{"kind":"SCALAR","name":)"
        R"("String"},"defaultValue":"\"you\""}],"type":{"kind":"NON_NULL","ofType":{"kind":"SCALAR","name":)"
        R"("String"}},"isDeprecated":true,"deprecationReason":"Say hi"}]}],"directives":[]}})");
    QVERIFY(result.ok());
    QCOMPARE(
        printSchema(*result.schema),
        std::string("schema {\n  query: Q\n}\n\n\"\"\"Root\"\"\"\ntype Q {\n  hello(to: String = \"you\"): String! "
                    "@deprecated(reason: \"Say hi\")\n}"));
}

QTEST_GUILESS_MAIN(TestClientSchema)
#include "tst_clientschema.moc"
