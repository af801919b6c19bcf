// printDocument(): graphql-js's print() of executable documents, and printing twice changes nothing.
#include "server/graphql/syntax/parser.h"
#include "server/graphql/syntax/printer.h"

#include <QTest>

using namespace triptych::graphql;

class TestPrinter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void printsAsGraphqlJs_data();
    void printsAsGraphqlJs();
    void refusesTypeSystemDefinitions();
};

void TestPrinter::printsAsGraphqlJs_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("shorthand query") << "{a b{c}}"
                                     << "{\n  a\n  b {\n    c\n  }\n}";
    QTest::newRow("named with variables")
        << "query Q($id:ID!,$n:Int=3 @d){ user(id:$id){ ...F @include(if:true) }}"
        << "query Q($id: ID!, $n: Int = 3 @d) {\n  user(id: $id) {\n    ...F @include(if: true)\n  }\n}";
    QTest::newRow("mutation with alias and objects")
        << "mutation{x:place(input:{items:[{sku:\"A\",n:1}],note:null}){id}}"
        << "mutation {\n  x: place(input: {items: [{sku: \"A\", n: 1}], note: null}) {\n    id\n  }\n}";
    QTest::newRow("inline fragments") << "{node{... on User{id} ...@skip(if:false){x}}}"
                                      << "{\n  node {\n    ... on User {\n      id\n    }\n    ... @skip(if: false) "
                                         "{\n      x\n    }\n  }\n}";
    QTest::newRow("fragment and comments dropped") << "# a comment\nfragment F on User @d { id } query { ...F }"
                                                   << "fragment F on User @d {\n  id\n}\n\n{\n  ...F\n}";
    QTest::newRow("long arguments wrap")
        << "{ search(text: \"a rather long search text\", first: 100, after: \"cursor-abcdef\", order: NEWEST) "
           "{ id } }"
        << "{\n  search(\n    text: \"a rather long search text\"\n    first: 100\n    after: \"cursor-abcdef\"\n"
           "    order: NEWEST\n  ) {\n    id\n  }\n}";
    QTest::newRow("subscription") << "subscription S{ev}"
                                  << "subscription S {\n  ev\n}";
}

void TestPrinter::printsAsGraphqlJs() {
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const ParseResult parsed = parse(source.toStdString());
    QVERIFY(parsed.ok());
    const std::optional<std::string> printed = printDocument(*parsed.document);
    QVERIFY(printed);
    QCOMPARE(QString::fromStdString(*printed), expected);
    const ParseResult again = parse(*printed);
    QVERIFY(again.ok());
    QCOMPARE(QString::fromStdString(printDocument(*again.document).value_or("")), expected); // idempotent
}

void TestPrinter::refusesTypeSystemDefinitions() {
    const ParseResult parsed = parse("type Query { a: Int }");
    QVERIFY(parsed.ok());
    QVERIFY(!printDocument(*parsed.document));
}

QTEST_GUILESS_MAIN(TestPrinter)
#include "tst_printer.moc"
