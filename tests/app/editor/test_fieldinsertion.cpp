// placeField(): the text edit a click on a field in the schema explorer makes, against the shop schema. `|` marks
// the cursor before and after; a result starting with "why:" is the start of the reason it cannot go anywhere.
#include "app/editor/fieldinsertion.h"
#include "tests/app/editor/shopschema.h"

#include <QTest>

using namespace triptych::editor;

class TestFieldInsertion : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void edits_data();
    void edits();
    void undoneByTheSameRange();
};

void TestFieldInsertion::edits_data() {
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("result");
    // At the cursor, when the cursor stands in a selection of the field's type.
    QTest::newRow("leaf at the cursor") << "{\n  customer(id: 1) {\n    |\n  }\n}"
                                        << "Customer"
                                        << "name"
                                        << "{\n  customer(id: 1) {\n    name|\n  }\n}";
    QTest::newRow("required argument") << "{\n  |\n}"
                                       << "Query"
                                       << "customer"
                                       << "{\n  customer(id: |) {\n    \n  }\n}";
    QTest::newRow("object field on a blank line") << "{\n  customer(id: 1) {\n    |\n  }\n}"
                                                  << "Customer"
                                                  << "contact"
                                                  << "{\n  customer(id: 1) {\n    contact {\n      |\n    }\n  }\n}";
    QTest::newRow("inline after a field") << "{ customer(id: 1) { id| } }"
                                          << "Customer"
                                          << "contact"
                                          << "{ customer(id: 1) { id contact { | } } }";
    QTest::newRow("half-typed name replaced") << "{ customer(id: 1) { na| } }"
                                              << "Customer"
                                              << "name"
                                              << "{ customer(id: 1) { name| } }";
    QTest::newRow("interface field into an object") << "{ customer(id: 1) { | } }"
                                                    << "Node"
                                                    << "id"
                                                    << "{ customer(id: 1) { id| } }";
    QTest::newRow("optional arguments left out") << "{ customer(id: 1) { | } }"
                                                 << "Customer"
                                                 << "orders"
                                                 << "{ customer(id: 1) { orders { | } } }";
    // Elsewhere: the selection of that type nearest the cursor.
    QTest::newRow("into the matching selection")
        << "{\n  customer(id: 1) {\n    name\n    orders {\n      id\n    }\n  }\n}|"
        << "Order"
        << "status"
        << "{\n  customer(id: 1) {\n    name\n    orders {\n      id\n      status|\n    }\n  }\n}";
    QTest::newRow("the innermost selection around the cursor")
        << "{\n  customer(id: 1) {\n    orders {\n      customer {\n        id\n      }\n      id|\n    }\n  }\n}"
        << "Customer"
        << "name"
        << "{\n  customer(id: 1) {\n    orders {\n      customer {\n        id\n      }\n      id\n    }\n    "
           "name|\n  }\n}";
    QTest::newRow("an inline selection") << "{ customer(id: 1) { name } }|"
                                         << "Customer"
                                         << "id"
                                         << "{ customer(id: 1) { name id| } }";
    QTest::newRow("inline fragment") << "{ search(text: \"a\") { ... on Product { id } } }|"
                                     << "Product"
                                     << "title"
                                     << "{ search(text: \"a\") { ... on Product { id title| } } }";
    QTest::newRow("fragment definition") << "{ node(id: 1) { ...P } }\nfragment P on Product {\n  id\n}\n|"
                                         << "Product"
                                         << "price"
                                         << "{ node(id: 1) { ...P } }\nfragment P on Product {\n  id\n  price|\n}\n";
    QTest::newRow("variables with an object default")
        << "query Q($f: ProductFilter = {minPrice: 1}) {\n  products(filter: $f) {\n    id\n  }\n}|"
        << "Query"
        << "node"
        << "query Q($f: ProductFilter = {minPrice: 1}) {\n  products(filter: $f) {\n    id\n  }\n  node(id: |) {\n    "
           "\n  }\n}";
    QTest::newRow("braces in a string are not selections")
        << "{ search(text: \"} {\") { __typename } customer(id: 1) { id } }|"
        << "Customer"
        << "name"
        << "{ search(text: \"} {\") { __typename } customer(id: 1) { id name| } }";
    // A root type's field when there is no such operation.
    QTest::newRow("empty document") << "|"
                                    << "Query"
                                    << "products"
                                    << "{\n  products {\n    |\n  }\n}\n";
    QTest::newRow("a new mutation")
        << "{ customer(id: 1) { id } }|"
        << "Mutation"
        << "cancelOrder"
        << "{ customer(id: 1) { id } }\n\nmutation {\n  cancelOrder(id: |) {\n    \n  }\n}\n";
    // Nowhere, and why.
    QTest::newRow("no such selection")
        << "{ customer(id: 1) { id } }|"
        << "OrderItem"
        << "quantity"
        << "why:No selection of OrderItem in the query: select customer → orders → items";
    QTest::newRow("empty, not a root type") << "|"
                                            << "Order"
                                            << "id"
                                            << "why:The query is empty";
    QTest::newRow("does not parse, cursor elsewhere") << "{ customer(id: 1) { id }\n|"
                                                      << "Order"
                                                      << "id"
                                                      << "why:The query does not parse (2:1";
    QTest::newRow("unknown field") << "{ | }"
                                   << "Order"
                                   << "nope"
                                   << "why:Order has no field nope.";
}

void TestFieldInsertion::edits() {
    QFETCH(QString, document);
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(QString, result);
    const int cursor = int(document.indexOf(QLatin1Char('|')));
    document.remove(cursor, 1);
    const FieldInsertion insertion = placeField(triptych::testing::shopSchema(), document, cursor, type, field);
    if (result.startsWith(QStringLiteral("why:"))) {
        QCOMPARE(insertion.position, -1);
        QVERIFY2(insertion.why.startsWith(result.mid(4)), qPrintable(insertion.why));
        return;
    }
    QVERIFY2(insertion.position >= 0, qPrintable(insertion.why));
    int after = 0;
    QString edited = applyInsertion(document, insertion, &after);
    edited.insert(after, QLatin1Char('|'));
    QCOMPARE(edited, result);
}

void TestFieldInsertion::undoneByTheSameRange() {
    const QString document = QStringLiteral("{ customer(id: 1) { na } }");
    const FieldInsertion insertion =
        placeField(triptych::testing::shopSchema(), document, int(document.indexOf(QStringLiteral(" }"))),
                   QStringLiteral("Customer"), QStringLiteral("name"));
    QCOMPARE(insertion.position, 20);
    QCOMPARE(insertion.length, 2);
    QCOMPARE(insertion.text, QStringLiteral("name"));
    QCOMPARE(applyInsertion(document, {}), document); // nowhere: unchanged
}

QTEST_MAIN(TestFieldInsertion)
#include "test_fieldinsertion.moc"
