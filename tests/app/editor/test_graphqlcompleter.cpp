// completeGraphQL(): the entries offered at a cursor position (`|` in the rows), against the shop schema.
#include "app/editor/graphqlcompleter.h"
#include "tests/app/editor/shopschema.h"

#include <QTest>

using namespace triptych::editor;

class TestGraphQLCompleter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void entries_data();
    void entries();
    void detailsAndReplacement();
    void noSchemaNoEntries();
    void variableNamesOfTheDocument();
    void variableNamesInTheVariablesJson();
};

void TestGraphQLCompleter::entries_data() {
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("labels");
    QTest::newRow("top level") << "|"
                               << "query mutation subscription fragment";
    QTest::newRow("after a definition") << "{ node(id: 1) { id } }\nf|"
                                        << "fragment";
    QTest::newRow("root fields") << "{ |"
                                 << "customer products search node __typename __schema __type";
    QTest::newRow("root fields, prefix") << "query { cu|"
                                         << "customer";
    QTest::newRow("mutation root") << "mutation { |"
                                   << "placeOrder cancelOrder __typename";
    QTest::newRow("nested fields") << "{ customer(id: 1) { | } }"
                                   << "id name email contact orders __typename";
    QTest::newRow("after an alias") << "{ c: customer(id: 1) { o|"
                                    << "orders";
    QTest::newRow("arguments") << "{ customer(|) }"
                               << "id";
    QTest::newRow("arguments not yet given") << "{ products(first: 1, |) }"
                                             << "category filter";
    QTest::newRow("argument after a value") << "{ products(first: 1 f|"
                                            << "filter";
    QTest::newRow("enum values") << "{ products(category: |) }"
                                 << "BOOKS GAMES TOOLS null";
    QTest::newRow("enum value prefix") << "{ customer(id: 1) { orders(status: P|"
                                       << "PENDING";
    QTest::newRow("input object fields") << "{ products(filter: {|}) }"
                                         << "minPrice maxPrice categories";
    QTest::newRow("input fields not yet given") << "{ products(filter: {minPrice: 1, |"
                                                << "maxPrice categories";
    QTest::newRow("list of non-null enums") << "{ products(filter: {categories: [BOOKS, |]}) }"
                                            << "BOOKS GAMES TOOLS";
    QTest::newRow("objects in a list") << "mutation { placeOrder(input: {items: [{|}]}) { id } }"
                                       << "productId quantity";
    QTest::newRow("variables") << "query Q($c: Category, $n: Int) { products(category: $|) }"
                               << "c n";
    QTest::newRow("variables, prefix") << "query Q($c: Category, $n: Int) { products(first: $n|"
                                       << "n";
    QTest::newRow("type condition in a union") << "{ search(text: \"x\") { ... on |} }"
                                               << "Customer Node Order Product SearchResult";
    QTest::newRow("spread: fragments that apply and on")
        << "{ customer(id: 1) { ...| } } fragment CF on Customer { id } fragment PF on Product { id }"
        << "on CF";
    QTest::newRow("fragment type condition")
        << "fragment F on |"
        << "Contact Customer Mutation Node Order OrderItem Product Query SearchResult Subscription";
    QTest::newRow("inside an inline fragment") << "{ node(id: 1) { ... on Product { pr|"
                                               << "price";
    QTest::newRow("field arguments in an inline fragment") << "{ node(id: 1) { ... on Product { price(currency: |"
                                                           << "EUR USD null";
    QTest::newRow("field directives") << "{ customer(id: 1) @|"
                                      << "include skip";
    QTest::newRow("directive arguments") << "{ customer(id: 1) @include(|"
                                         << "if";
    QTest::newRow("boolean values") << "{ customer(id: 1) @skip(if: |"
                                    << "true false";
    QTest::newRow("variable types")
        << "query ($a: |"
        << "Boolean Category Currency Float ID Int OrderInput OrderItemInput OrderStatus ProductFilter String";
    QTest::newRow("list variable type") << "query ($a: [Or|"
                                        << "OrderInput OrderItemInput OrderStatus";
    QTest::newRow("in a string") << "{ customer(id: \"ab|"
                                 << "";
    QTest::newRow("in a comment") << "# { cust|"
                                  << "";
    QTest::newRow("after a closed string") << "{ search(text: \"a # b\") { ... on Cu|"
                                           << "Customer";
    QTest::newRow("below an unknown field: nothing") << "{ nope { |"
                                                     << "";
}

void TestGraphQLCompleter::entries() {
    QFETCH(QString, document);
    QFETCH(QString, labels);
    const int position = int(document.indexOf(QLatin1Char('|')));
    document.remove(position, 1);
    const Completion completion = completeGraphQL(triptych::testing::shopSchema(), document, position);
    QStringList got;
    for (const CompletionItem &item : completion.items)
        got.append(item.label);
    QCOMPARE(got.join(QLatin1Char(' ')), labels);
}

void TestGraphQLCompleter::detailsAndReplacement() {
    const QString document = QStringLiteral("{ cust }");
    const Completion completion = completeGraphQL(triptych::testing::shopSchema(), document, 6);
    QCOMPARE(completion.replaceStart, 2);
    QCOMPARE(completion.prefix, QStringLiteral("cust"));
    QCOMPARE(completion.items.size(), 1);
    const CompletionItem &item = completion.items.first();
    QVERIFY(item.kind == CompletionKind::Field);
    QCOMPARE(item.detail, QStringLiteral("Customer"));
    QCOMPARE(item.documentation, QStringLiteral("A customer by id"));
    QCOMPARE(item.insertText, QStringLiteral("customer"));

    const Completion args = completeGraphQL(triptych::testing::shopSchema(), QStringLiteral("{ products(f"), 12);
    QCOMPARE(args.items.size(), 2);
    QCOMPARE(args.items.first().detail, QStringLiteral("Int"));
    QCOMPARE(args.items.first().insertText, QStringLiteral("first: "));

    const Completion deprecated =
        completeGraphQL(triptych::testing::shopSchema(), QStringLiteral("{ customer(id: 1) { em"), 22);
    QCOMPARE(deprecated.items.size(), 1);
    QVERIFY(deprecated.items.first().deprecated);
}

void TestGraphQLCompleter::noSchemaNoEntries() {
    QVERIFY(completeGraphQL(EditorSchema(), QStringLiteral("{ "), 2).items.isEmpty());
}

void TestGraphQLCompleter::variableNamesOfTheDocument() {
    QCOMPARE(variableNames(QStringLiteral("query A($id: ID!, $n: Int = 1) { a(x: $id) } query B($id: ID) { b }")),
             (QStringList{"id", "n"}));
}

void TestGraphQLCompleter::variableNamesInTheVariablesJson() {
    const QString query = QStringLiteral("query Q($id: ID!, $first: Int, $filter: ProductFilter) { a }");
    const auto labels = [&](const QString &json) {
        QStringList out;
        for (const CompletionItem &item : completeVariableNames(query, json, int(json.size())).items)
            out.append(item.label);
        return out;
    };
    QCOMPARE(labels(QStringLiteral("{ ")), (QStringList{"id", "first", "filter"}));
    QCOMPARE(labels(QStringLiteral("{\"id\": \"1\", \"f")), (QStringList{"first", "filter"}));
    QCOMPARE(labels(QStringLiteral("{\"filter\": {")), QStringList{}); // inside a value
    const Completion completion = completeVariableNames(query, QStringLiteral("{\"fi"), 4);
    QCOMPARE(completion.replaceStart, 1);
    QCOMPARE(completion.items.first().insertText, QStringLiteral("\"first\": "));
}

QTEST_GUILESS_MAIN(TestGraphQLCompleter)
#include "test_graphqlcompleter.moc"
