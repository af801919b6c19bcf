#include "app/model/keyvaluemodel.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "testserver.h"

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
