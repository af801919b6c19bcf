#include "app/model/keyvaluemodel.h"
#include "app/model/methodtreemodel.h"
#include "app/ui/grpcpane.h"
#include "app/ui/responseview.h"
#include "testserver.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <algorithm>

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

    // Esc keeps what StreamOrders had: its time, bytes, messages, target and the server's spans.
    void cancelledStreamKeepsItsRecord() {
        m_pane->applyPreset(2);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->responseView()->messageCount() >= 1000, 15000);
        m_pane->cancel();
        QVERIFY(!m_pane->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        const auto record = completed.first().first().value<client::CallRecord>();
        QCOMPARE(client::toString(record.error.kind), client::toString(client::ErrorKind::Cancelled));
        QCOMPARE(record.method, QStringLiteral("/orders.v1.OrderService/StreamOrders"));
        QCOMPARE(record.url, m_server.state().grpcTarget());
        QVERIFY(record.timings.totalUs > 0);
        QVERIFY(record.sizes.responseBodyWireBytes > 0);
        const auto received = std::count_if(record.messages.cbegin(), record.messages.cend(),
                                            [](const client::StreamMessage &message) { return !message.outgoing; });
        QVERIFY(received >= 1000);
        QCOMPARE(int(record.traceSource), int(client::TraceSource::DebugTraces));
        QVERIFY(record.serverSpanCount() > 0);
        const QString status = m_pane->responseView()->statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Cancelled · ")), qPrintable(status));
        QVERIFY(m_pane->responseView()->timingText().contains(QStringLiteral("total")));
    }

    // The tree never shows a method the field does not hold.
    void treeFollowsTheMethodField() {
        QSignalSpy loaded(m_pane.get(), &ui::GrpcPane::schemaFinished);
        m_pane->loadSchema();
        QTRY_COMPARE(loaded.size(), 1);
        const QString getUser = QStringLiteral("orders.v1.OrderService/GetUser");
        m_pane->selectMethod(QStringLiteral("orders.v1.OrderService/StreamOrders"));
        m_pane->methodEdit()->setText(getUser);
        QCOMPARE(m_pane->methodTree()->currentIndex(), m_pane->methodModel()->findMethod(getUser));
        m_pane->methodEdit()->setText(QStringLiteral("orders.v1.OrderService/NoSuchMethod"));
        QVERIFY(!m_pane->methodTree()->selectionModel()->hasSelection());
    }

    // A picked method's template is an example the data set answers, not user_id 0.
    void pickedMethodSendsAsItIs_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("example");
        QTest::newRow("GetUser") << "orders.v1.OrderService/GetUser"
                                 << "\"user_id\": 42";
        QTest::newRow("GetUserOrders") << "orders.v1.OrderService/GetUserOrders"
                                       << "\"user_id\": 42";
    }
    void pickedMethodSendsAsItIs() {
        QFETCH(QString, method);
        QFETCH(QString, example);
        QSignalSpy loaded(m_pane.get(), &ui::GrpcPane::schemaFinished);
        m_pane->loadSchema();
        QTRY_COMPARE(loaded.size(), 1);
        m_pane->methodEdit()->clear();
        m_pane->selectMethod(method);
        QVERIFY2(m_pane->requestEditor()->toPlainText().contains(example),
                 qPrintable(m_pane->requestEditor()->toPlainText()));
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("OK"));
    }

private:
    TestServer m_server;
    std::unique_ptr<ui::GrpcPane> m_pane;
};

QTEST_MAIN(TestGrpcPane)
#include "test_grpcpane.moc"
