#include "app/client/callrecord.h"
#include "app/model/keyvaluemodel.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "testserver.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace triptych;

class TestRestPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void init() {
        m_pane = std::make_unique<ui::RestPane>();
        m_pane->setServer(m_server.state());
    }

    void sendsAUsersOrders() {
        m_pane->applyPreset(0);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QVERIFY(m_pane->isBusy());
        QTRY_COMPARE(completed.size(), 1);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("200"));
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("\"product\"")));
        QVERIFY(m_pane->responseView()->headersModel()->rowCount() > 0);
        QVERIFY(!m_pane->isBusy());
    }

    void createsAnOrderWithTheDemoToken() {
        m_pane->applyPreset(3);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("201"));
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("Wireless Mouse")));
    }

    void badRequestShowsItsError() {
        m_pane->applyPreset(4);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("422"));
        QVERIFY(!m_pane->responseView()->errorText().isEmpty());
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("limit")));
    }

    void streamShowsItsMessages() {
        m_pane->applyPreset(2);
        m_pane->send();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->responseView()->messageCount() >= 1000, 15000);
        m_pane->cancel();
        QVERIFY(!m_pane->isBusy());
    }

    // Esc keeps what the stream had: its time, its bytes, its messages, where it went and the server's trace.
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
        QCOMPARE(record.method, QStringLiteral("GET"));
        QVERIFY2(record.url.endsWith(QStringLiteral("/v1/users/42/orders/stream")), qPrintable(record.url));
        QVERIFY(record.timings.totalUs > 0);
        QVERIFY(record.sizes.requestHeaderBytes > 0);
        QVERIFY(record.sizes.responseBodyDecodedBytes > 0);
        QVERIFY(record.messages.size() >= 1000);
        QCOMPARE(int(record.traceSource), int(client::TraceSource::DebugTraces));
        QVERIFY(record.serverSpanCount() > 0);
        const QString status = m_pane->responseView()->statusText();
        QVERIFY2(status.startsWith(QStringLiteral("Cancelled · ")), qPrintable(status));
        QVERIFY(m_pane->responseView()->timingText().contains(QStringLiteral("total")));
        QVERIFY(!m_pane->responseView()->sizesText().isEmpty());
    }

    // A pasted curl command is refused before anything is sent: nothing of the previous answer stays under it.
    void refusedSendClearsTheOldAnswer() {
        m_pane->applyPreset(0);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        QVERIFY(!m_pane->responseView()->bodyText().isEmpty());
        m_pane->urlEdit()->setText(QStringLiteral("curl ") + m_server.state().httpBaseUrl() +
                                   QStringLiteral("/v1/users/42"));
        m_pane->send();
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("Not sent"));
        QVERIFY(m_pane->responseView()->errorText().contains(QStringLiteral("is not a full URL")));
        QVERIFY(m_pane->responseView()->bodyText().isEmpty());
        QVERIFY(m_pane->responseView()->timingText().isEmpty());
        QVERIFY(m_pane->responseView()->sizesText().isEmpty());
        QCOMPARE(m_pane->responseView()->headersModel()->rowCount(), 0);
        QCOMPARE(completed.size(), 1);
    }

    void notFoundAdviceNamesAnIdOnlyWhenThereIsOne_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("id");
        QTest::newRow("a user that does not exist") << "/v1/users/999999" << true;
        QTest::newRow("a path that does not exist") << "/v1/userz" << false;
    }
    void notFoundAdviceNamesAnIdOnlyWhenThereIsOne() {
        QFETCH(QString, path);
        QFETCH(bool, id);
        m_pane->urlEdit()->setText(m_server.state().httpBaseUrl() + path);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("404"));
        const QString error = m_pane->responseView()->errorText();
        QVERIFY2(error.contains(QStringLiteral("check the path")), qPrintable(error));
        QCOMPARE(error.contains(QStringLiteral("the id")), id);
    }

    // Tab walks out of the Params table (arrows move between its cells) instead of cycling through them.
    void tabLeavesTheParamsTable() {
        m_pane->show();
        QVERIFY(QTest::qWaitForWindowActive(m_pane.get()));
        m_pane->urlEdit()->setFocus();
        QTRY_VERIFY(m_pane->urlEdit()->hasFocus());
        QWidget *params = nullptr;
        for (int press = 0; press < 6 && !params; ++press) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            if (QApplication::focusWidget()->accessibleName() == QStringLiteral("Query parameters"))
                params = QApplication::focusWidget();
        }
        QVERIFY2(params, "Tab from the URL never reached the Params table");
        QTest::keyClick(params, Qt::Key_Tab);
        QVERIFY(QApplication::focusWidget() != params);
        QVERIFY(!params->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QCOMPARE(QApplication::focusWidget(), params);
    }

    void invalidJsonBlocksSendAndSaysWhy() {
        m_pane->applyPreset(3);
        m_pane->bodyEditor()->setPlainText(QStringLiteral("{\n  \"product\": \n}"));
        QVERIFY(!m_pane->sendButton()->isEnabled());
        QVERIFY(m_pane->sendButton()->toolTip().contains(QStringLiteral("line 3")));
        m_pane->bodyEditor()->setPlainText(QStringLiteral("{}"));
        QVERIFY(m_pane->sendButton()->isEnabled());
    }

    void refusedConnectionSaysWhatToDo() {
        m_pane->applyPreset(0);
        m_pane->urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/v1/users/42"));
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("Failed"));
        QVERIFY(m_pane->responseView()->errorText().contains(QStringLiteral("refused"), Qt::CaseInsensitive));
    }

    void aSilentServerTimesOutAndSaysWhatToDo() {
        QTcpServer silent; // accepts the connection and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        m_pane->urlEdit()->setText(QStringLiteral("http://127.0.0.1:%1/slow").arg(silent.serverPort()));
        m_pane->timeoutBox()->setValue(300);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, 10000);
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("Failed"));
        const QString error = m_pane->responseView()->errorText();
        QVERIFY2(error.contains(QStringLiteral("within 300 ms")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Raise the timeout")), qPrintable(error));
    }

    void queryInTheUrlMovesToTheTable() {
        m_pane->urlEdit()->setText(m_server.state().httpBaseUrl() + QStringLiteral("/v1/users?limit=2&offset=1"));
        Q_EMIT m_pane->urlEdit()->editingFinished();
        QCOMPARE(m_pane->urlEdit()->text(), m_server.state().httpBaseUrl() + QStringLiteral("/v1/users"));
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("\"limit\": 2")));
    }

private:
    TestServer m_server;
    std::unique_ptr<ui::RestPane> m_pane;
};

QTEST_MAIN(TestRestPane)
#include "test_restpane.moc"
