// The gRPC pane's request editor against the embedded server: after reflection, the method's input descriptor
// completes field names and checks the JSON as you type, errors at line and column.
#include "app/editor/completionmodel.h"
#include "app/ui/editorassist.h"
#include "app/ui/grpcpane.h"
#include "testserver.h"

#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

class TestGrpcPaneMessage : public QObject {
    Q_OBJECT
    TestServer m_server;
    std::unique_ptr<ui::GrpcPane> m_pane;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void init() {
        m_pane = std::make_unique<ui::GrpcPane>();
        m_pane->setServer(m_server.state());
        m_pane->resize(900, 700);
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
        QSignalSpy loaded(m_pane.get(), &ui::GrpcPane::schemaFinished);
        m_pane->loadSchema();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 20'000);
        m_pane->methodEdit()->clear();
        m_pane->selectMethod(QStringLiteral("orders.v1.OrderService/CreateOrder"));
    }
    void cleanup() { m_pane.reset(); }

    void completesFieldNames() {
        QPlainTextEdit *request = m_pane->requestEditor();
        request->clear();
        request->setFocus();
        QTest::keyClicks(request, QStringLiteral("{\"qu"));
        QVERIFY(m_pane->assist()->isCompleting());
        QCOMPARE(m_pane->assist()->completionModel()->items().first().label, QStringLiteral("quantity"));
        QTest::keyClick(request, Qt::Key_Return);
        QCOMPARE(request->toPlainText(), QStringLiteral("{\"quantity\": 0"));
        QTest::keyClicks(request, QStringLiteral(", \""));
        QStringList labels;
        for (const auto &item : m_pane->assist()->completionModel()->items())
            labels.append(item.label);
        QCOMPARE(labels, (QStringList{"user_id", "product"})); // quantity is given
    }

    void showsErrorsAtTheirPlace() {
        m_pane->requestEditor()->setPlainText(QStringLiteral("{\n  \"user_id\": \"seven\",\n  \"colour\": 1\n}"));
        QTRY_COMPARE(m_pane->assist()->diagnostics().size(), 2);
        const auto diagnostics = m_pane->assist()->diagnostics();
        QCOMPARE(diagnostics.at(0).line, 2);
        QCOMPARE(diagnostics.at(0).column, 14);
        QCOMPARE(diagnostics.at(0).message, QStringLiteral("\"user_id\" is a int32: seven is not an integer"));
        QCOMPARE(diagnostics.at(1).message, QStringLiteral("orders.v1.CreateOrderRequest has no field \"colour\""));
        QVERIFY(m_pane->assist()->diagnosticsView()->isVisible());
        m_pane->requestEditor()->setPlainText(
            QStringLiteral("{\"user_id\": 7, \"product\": \"Desk\", \"quantity\": 1}"));
        QTRY_VERIFY(m_pane->assist()->diagnostics().isEmpty());
    }
};

QTEST_MAIN(TestGrpcPaneMessage)
#include "test_grpcpanemessage.moc"
