// SchemaExplorer on the shop schema: pages, back and forward, search, and a click on a field asking to insert it.
#include "app/editor/explorermodel.h"
#include "app/ui/schemaexplorer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace triptych;

class TestSchemaExplorer : public QObject {
    Q_OBJECT
    std::unique_ptr<ui::SchemaExplorer> m_explorer;

    QStringList column(int column) const {
        QStringList out;
        for (int row = 0; row < m_explorer->model()->rowCount(); ++row)
            out.append(m_explorer->model()->index(row, column).data().toString());
        return out;
    }
    void click(int row, int column) {
        QTreeView *view = m_explorer->view();
        const QRect rect = view->visualRect(m_explorer->model()->index(row, column));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }

private Q_SLOTS:
    void init() {
        m_explorer = std::make_unique<ui::SchemaExplorer>();
        m_explorer->resize(600, 800);
        QString error;
        m_explorer->setSchema(editor::EditorSchema::fromFile(QStringLiteral(TRIPTYCH_SHOP_SCHEMA), &error));
        m_explorer->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_explorer.get()));
    }
    void cleanup() { m_explorer.reset(); }

    void startPageListsRootsFirst() {
        QAbstractItemModelTester tester(m_explorer->model());
        const QStringList names = column(editor::ExplorerModel::NameColumn);
        QCOMPARE(names.mid(0, 5), (QStringList{"Query", "Mutation", "Subscription", "Boolean", "Category"}));
        QVERIFY(!names.contains(QStringLiteral("__Schema")));
    }

    void navigatesLikeADocsBrowser() {
        m_explorer->showType(QStringLiteral("Query"));
        QCOMPARE(column(editor::ExplorerModel::NameColumn).first(), QStringLiteral("customer(id: ID!)"));
        QCOMPARE(column(editor::ExplorerModel::TypeColumn).first(), QStringLiteral("Customer"));
        click(0, editor::ExplorerModel::TypeColumn); // the type: go there
        QCOMPARE(m_explorer->currentType(), QStringLiteral("Customer"));
        const QStringList fields = column(editor::ExplorerModel::NameColumn);
        QVERIFY(fields.contains(QStringLiteral("email (deprecated)")));
        QVERIFY(fields.contains(QStringLiteral("orders(status: OrderStatus, first: Int)")));
        m_explorer->back();
        QCOMPARE(m_explorer->currentType(), QStringLiteral("Query"));
        m_explorer->back();
        QCOMPARE(m_explorer->currentType(), QString());
        QVERIFY(!m_explorer->canGoBack());
        m_explorer->forward();
        m_explorer->forward();
        QCOMPARE(m_explorer->currentType(), QStringLiteral("Customer"));
        QVERIFY(!m_explorer->canGoForward());
    }

    void clickingAFieldInsertsIt() {
        m_explorer->showType(QStringLiteral("Query"));
        QSignalSpy insert(m_explorer.get(), &ui::SchemaExplorer::insertRequested);
        QSignalSpy field(m_explorer.get(), &ui::SchemaExplorer::fieldInsertRequested);
        click(0, editor::ExplorerModel::NameColumn);
        QCOMPARE(insert.size(), 1);
        QCOMPARE(field.first(), QVariantList({QStringLiteral("Query"), QStringLiteral("customer")}));
        QCOMPARE(insert.first().first().toString(), QStringLiteral("customer(id: ) {\n  \n}"));
        click(1, editor::ExplorerModel::NameColumn); // products: no required argument
        QCOMPARE(insert.at(1).first().toString(), QStringLiteral("products {\n  \n}"));
        m_explorer->showType(QStringLiteral("Customer"));
        click(1, editor::ExplorerModel::NameColumn); // a leaf
        QCOMPARE(insert.at(2).first().toString(), QStringLiteral("name"));
    }

    void enumsUnionsAndInputs() {
        m_explorer->showType(QStringLiteral("Category"));
        QCOMPARE(column(editor::ExplorerModel::NameColumn), (QStringList{"BOOKS", "GAMES", "TOOLS"}));
        m_explorer->showType(QStringLiteral("SearchResult"));
        QCOMPARE(column(editor::ExplorerModel::NameColumn), (QStringList{"Customer", "Product", "Order"}));
        m_explorer->showType(QStringLiteral("OrderItemInput"));
        QCOMPARE(column(editor::ExplorerModel::TypeColumn), (QStringList{"ID!", "Int!"}));
    }

    void searches() {
        m_explorer->search(QStringLiteral("order"));
        const QStringList names = column(editor::ExplorerModel::NameColumn);
        QVERIFY(names.contains(QStringLiteral("Order")));
        QVERIFY(names.contains(QStringLiteral("placeOrder(input: OrderInput!)")));
        m_explorer->search(QString());
        QCOMPARE(column(editor::ExplorerModel::NameColumn).first(), QStringLiteral("Query"));
    }

    void withoutSchema() {
        m_explorer->setSchema(editor::EditorSchema());
        QCOMPARE(m_explorer->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestSchemaExplorer)
#include "test_schemaexplorer.moc"
