#include "app/model/collectiontreemodel.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using model::CollectionTreeModel;

class TestCollectionTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        QVERIFY(m_folder.isValid());
        const auto write = [this](const QString &path, const QByteArray &bytes) {
            QVERIFY(workspace::writeFileAtomically(m_folder.filePath(path), bytes));
        };
        write(QStringLiteral("workspace.yaml"), "version: 1\n");
        write(QStringLiteral("Orders/list.rest.yaml"), "version: 1\nurl: http://a\n");
        write(QStringLiteral("Orders/list.grpc.yaml"), "version: 1\ntarget: a:1\n");
        write(QStringLiteral("Orders/Deep/one.graphql.yaml"), "version: 1\nurl: http://a/graphql\n");
        write(QStringLiteral("top.rest.yaml"), "version: 1\nurl: http://a\n");
        QVERIFY(m_workspace.open(m_folder.path()));
    }

    void showsTheTreeInDisplayOrder() {
        CollectionTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setNodes(m_workspace.nodes());
        QCOMPARE(tree.rowCount(), 2); // the folder first, then the request
        const QModelIndex orders = tree.index(0, 0);
        QCOMPARE(orders.data().toString(), QStringLiteral("Orders"));
        QVERIFY(orders.data(CollectionTreeModel::IsFolderRole).toBool());
        QCOMPARE(tree.rowCount(orders), 3);
        QCOMPARE(tree.index(0, 0, orders).data().toString(), QStringLiteral("Deep"));
        const QModelIndex grpc = tree.index(1, 0, orders);
        QCOMPARE(grpc.data().toString(), QStringLiteral("list"));
        QCOMPARE(grpc.data(CollectionTreeModel::PathRole).toString(), QStringLiteral("Orders/list.grpc.yaml"));
        QCOMPARE(grpc.data(CollectionTreeModel::StyleRole).toInt(), int(workspace::RequestStyle::Grpc));
        QVERIFY(!grpc.data(Qt::DecorationRole).isNull()); // the style's badge
        QCOMPARE(tree.indexOfPath(QStringLiteral("Orders/Deep/one.graphql.yaml")).parent().parent(), orders);
        QCOMPARE(tree.folderAt(grpc), QStringLiteral("Orders"));
        QCOMPARE(tree.folderAt(orders), QStringLiteral("Orders"));
        QCOMPARE(tree.folderAt({}), QString());
    }

    void aMalformedFileIsRedWithItsMessage() {
        CollectionTreeModel tree;
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tree.setNodes(m_workspace.nodes());
        const QString path = QStringLiteral("Orders/list.rest.yaml");
        tree.setDiagnostics({{workspace::Diagnostic::Severity::Error, path, 3, 1, QStringLiteral("url must be text")}});
        const QModelIndex at = tree.indexOfPath(path);
        QCOMPARE(at.data(CollectionTreeModel::ProblemRole).toString(),
                 QStringLiteral("Orders/list.rest.yaml:3: url must be text"));
        QVERIFY(at.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Orders/list.rest.yaml:3: url must be")));
        QVERIFY(at.data(Qt::ForegroundRole).isValid());
        tree.setDiagnostics({});
        QVERIFY(!at.data(Qt::ForegroundRole).isValid());
    }

    void droppingAsksForAMove() {
        CollectionTreeModel tree;
        tree.setNodes(m_workspace.nodes());
        QSignalSpy moves(&tree, &CollectionTreeModel::moveRequested);
        const QModelIndex top = tree.indexOfPath(QStringLiteral("top.rest.yaml"));
        const QModelIndex orders = tree.indexOfPath(QStringLiteral("Orders"));
        std::unique_ptr<QMimeData> data(tree.mimeData({top}));
        QVERIFY(tree.canDropMimeData(data.get(), Qt::MoveAction, 1, 0, orders));
        QVERIFY(tree.dropMimeData(data.get(), Qt::MoveAction, 1, 0, orders));
        QCOMPARE(moves.size(), 1);
        QCOMPARE(moves.first().at(0).toStringList(), QStringList{QStringLiteral("top.rest.yaml")});
        QCOMPARE(moves.first().at(1).toString(), QStringLiteral("Orders"));
        QCOMPARE(moves.first().at(2).toInt(), 1);
        // A folder cannot go into itself or below.
        std::unique_ptr<QMimeData> folder(tree.mimeData({orders}));
        QVERIFY(!tree.canDropMimeData(folder.get(), Qt::MoveAction, -1, 0, orders));
        QVERIFY(!tree.canDropMimeData(folder.get(), Qt::MoveAction, -1, 0,
                                      tree.indexOfPath(QStringLiteral("Orders/Deep"))));
        QVERIFY(!tree.canDropMimeData(data.get(), Qt::CopyAction, -1, 0, orders));
    }

    void orderAfterDrop_data() {
        QTest::addColumn<QStringList>("current");
        QTest::addColumn<QStringList>("moved");
        QTest::addColumn<int>("row");
        QTest::addColumn<QStringList>("order");
        const QStringList abcd{"a", "b", "c", "d"};
        QTest::newRow("down") << abcd << QStringList{"a"} << 3 << QStringList{"b", "c", "a", "d"};
        QTest::newRow("up") << abcd << QStringList{"d"} << 1 << QStringList{"a", "d", "b", "c"};
        QTest::newRow("to the end") << abcd << QStringList{"b"} << -1 << QStringList{"a", "c", "d", "b"};
        QTest::newRow("to the top") << abcd << QStringList{"c"} << 0 << QStringList{"c", "a", "b", "d"};
        QTest::newRow("two together") << abcd << QStringList{"a", "c"} << 4 << QStringList{"b", "d", "a", "c"};
        QTest::newRow("from elsewhere") << abcd << QStringList{"x"} << 2 << QStringList{"a", "b", "x", "c", "d"};
        QTest::newRow("row past the end") << abcd << QStringList{"x"} << 9 << QStringList{"a", "b", "c", "d", "x"};
    }
    void orderAfterDrop() {
        QFETCH(QStringList, current);
        QFETCH(QStringList, moved);
        QFETCH(int, row);
        QFETCH(QStringList, order);
        QCOMPARE(CollectionTreeModel::orderAfterDrop(current, moved, row), order);
    }

private:
    QTemporaryDir m_folder;
    workspace::Workspace m_workspace;
};

QTEST_MAIN(TestCollectionTreeModel)
#include "test_collectiontreemodel.moc"
