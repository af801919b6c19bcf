// diagnoseGraphQL(), prettifyGraphQL() and variablesSkeleton() against the shop schema.
#include "app/editor/graphqldiagnostics.h"
#include "tests/app/editor/shopschema.h"

#include <QJsonDocument>
#include <QTest>

using namespace triptych::editor;

class TestGraphQLDiagnostics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void diagnostics_data();
    void diagnostics();
    void syntaxOnlyWithoutSchema();
    void prettifyIsIdempotent_data();
    void prettifyIsIdempotent();
    void prettifyRefusesWhatDoesNotParse();
    void skeleton_data();
    void skeleton();
};

void TestGraphQLDiagnostics::diagnostics_data() {
    QTest::addColumn<QString>("document");
    QTest::addColumn<QStringList>("expected"); // "line:column: message"
    QTest::newRow("valid") << "{ customer(id: 1) { name } }" << QStringList{};
    QTest::newRow("unknown field") << "{\n  customer(id: 1) {\n    nam\n  }\n}"
                                   << QStringList{"3:5: Cannot query field \"nam\" on type \"Customer\". Did you "
                                                  "mean \"name\"?"};
    QTest::newRow("syntax error") << "{ customer(id: 1 { name } }"
                                  << QStringList{"1:18: Syntax Error: Expected Name, found \"{\"."};
    QTest::newRow("several, in the engine's order")
        << "query Q($unused: Int) {\n  customer { contact }\n}"
        << QStringList{"2:14: Field \"contact\" of type \"Contact\" must have a selection of subfields. Did you mean "
                       "\"contact { ... }\"?",
                       "2:3: Field \"customer\" argument \"id\" of type \"ID!\" is required, but it was not provided.",
                       "1:9: Variable \"$unused\" is never used in operation \"Q\"."};
    QTest::newRow("columns count UTF-16 units") << "{ search(text: \"é😀\") { nope } }"
                                                << QStringList{"1:25: Cannot query field \"nope\" on type "
                                                               "\"SearchResult\"."};
}

void TestGraphQLDiagnostics::diagnostics() {
    QFETCH(QString, document);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const GraphQLDiagnostic &d : diagnoseGraphQL(triptych::testing::shopSchema(), document))
        got.append(QStringLiteral("%1:%2: %3").arg(d.line).arg(d.column).arg(d.message));
    QCOMPARE(got, expected);
}

void TestGraphQLDiagnostics::syntaxOnlyWithoutSchema() {
    QVERIFY(diagnoseGraphQL(EditorSchema(), QStringLiteral("{ anything { at all } }")).isEmpty());
    QCOMPARE(diagnoseGraphQL(EditorSchema(), QStringLiteral("{ a(")).size(), 1);
}

void TestGraphQLDiagnostics::prettifyIsIdempotent_data() {
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("expected");
    QTest::newRow("shorthand") << "{customer(id:1){name,orders{id}}}"
                               << "{\n  customer(id: 1) {\n    name\n    orders {\n      id\n    }\n  }\n}";
    QTest::newRow("operation and fragment")
        << "query Q($id:ID!){customer(id:$id){...F}} fragment F on Customer{name}"
        << "query Q($id: ID!) {\n  customer(id: $id) {\n    ...F\n  }\n}\n\nfragment F on Customer {\n  name\n}";
}

void TestGraphQLDiagnostics::prettifyIsIdempotent() {
    QFETCH(QString, document);
    QFETCH(QString, expected);
    const std::optional<QString> once = prettifyGraphQL(document);
    QVERIFY(once);
    QCOMPARE(*once, expected);
    QCOMPARE(prettifyGraphQL(*once).value_or(QString()), *once);
}

void TestGraphQLDiagnostics::prettifyRefusesWhatDoesNotParse() {
    QVERIFY(!prettifyGraphQL(QStringLiteral("{ a(")));
}

void TestGraphQLDiagnostics::skeleton_data() {
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("scalars, enums, defaults")
        << "query Q($id: ID!, $n: Int, $on: Boolean!, $s: OrderStatus, $f: Float = 2.5, $c: [Category!]) { a }"
        << "" << QByteArray(R"({"c":["BOOKS"],"f":2.5,"id":"","n":0,"on":false,"s":"PENDING"})");
    QTest::newRow("input objects: required fields")
        << "mutation M($input: OrderInput!) { a }"
        << "" << QByteArray(R"({"input":{"customerId":"","items":[{"productId":""}]}})");
    QTest::newRow("the named operation") << "query A($a: Int) { a } query B($b: String) { b }"
                                         << "B" << QByteArray(R"({"b":""})");
    QTest::newRow("no variables") << "{ a }"
                                  << "" << QByteArray("{}");
}

void TestGraphQLDiagnostics::skeleton() {
    QFETCH(QString, document);
    QFETCH(QString, operation);
    QFETCH(QByteArray, json);
    const QByteArray skeleton = variablesSkeleton(triptych::testing::shopSchema(), document, operation);
    QCOMPARE(QJsonDocument::fromJson(skeleton).toJson(QJsonDocument::Compact), json);
}

QTEST_GUILESS_MAIN(TestGraphQLDiagnostics)
#include "test_graphqldiagnostics.moc"
