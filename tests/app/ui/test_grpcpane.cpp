#include "app/model/keyvaluemodel.h"
#include "app/model/methodtreemodel.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "testserver.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

class TestGrpcPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void init() {
        m_pane = std::make_unique<ui::GrpcPane>();
        m_pane->setServer(m_server.state());
    }

    void reflectionFillsTheTreeAndTheTemplate() {
        QSignalSpy loaded(m_pane.get(), &ui::GrpcPane::schemaFinished);
        m_pane->loadSchema();
        QTRY_COMPARE(loaded.size(), 1);
        const auto method = m_pane->methodModel()->findMethod(QStringLiteral("orders.v1.OrderService/CancelOrder"));
        QVERIFY(method.isValid());
        m_pane->methodEdit()->clear();
        m_pane->selectMethod(QStringLiteral("orders.v1.OrderService/CancelOrder"));
        QCOMPARE(m_pane->methodEdit()->text(), QStringLiteral("orders.v1.OrderService/CancelOrder"));
        QVERIFY(m_pane->requestEditor()->toPlainText().contains(QStringLiteral("order_id")) ||
                m_pane->requestEditor()->toPlainText().contains(QStringLiteral("orderId")));
    }

    void sendsAUsersOrders() {
        m_pane->applyPreset(0);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("OK"));
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("product")));
    }

    void badRequestShowsDecodedDetails() {
        m_pane->applyPreset(4);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("INVALID_ARGUMENT"));
        QVERIFY(!m_pane->responseView()->errorText().isEmpty());
        QVERIFY(m_pane->responseView()->detailsModel()->rowCount() > 0);
    }

    void serverStreamShowsItsMessages() {
        m_pane->applyPreset(2);
        m_pane->send();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->responseView()->messageCount() >= 1000, 15000);
        QVERIFY(m_pane->isBusy()); // follow keeps it open
        m_pane->cancel();
        QVERIFY(!m_pane->isBusy());
    }

private:
    TestServer m_server;
    std::unique_ptr<ui::GrpcPane> m_pane;
};

QTEST_MAIN(TestGrpcPane)
#include "test_grpcpane.moc"
