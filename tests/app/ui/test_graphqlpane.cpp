#include "app/ui/graphqlpane.h"
#include "app/ui/responseview.h"
#include "testserver.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

class TestGraphQLPane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void init() {
        m_pane = std::make_unique<ui::GraphQLPane>();
        m_pane->setServer(m_server.state());
    }

    void findsOperationNames() {
        QCOMPARE(ui::GraphQLPane::operationNames(QStringLiteral("query A { a } mutation B { b }")),
                 (QStringList{"A", "B"}));
        QVERIFY(ui::GraphQLPane::operationNames(QStringLiteral("{ user(id: 1) { name } }")).isEmpty());
        m_pane->applyPreset(5);
        QCOMPARE(m_pane->operationBox()->count(), 2);
    }

    void invalidVariablesBlockSend() {
        m_pane->variablesEditor()->setPlainText(QStringLiteral("{\"id\": }"));
        QVERIFY(!m_pane->sendButton()->isEnabled());
        m_pane->variablesEditor()->setPlainText(QStringLiteral("{\"id\": 1}"));
        QVERIFY(m_pane->sendButton()->isEnabled());
    }

    void sendsAUsersOrders() {
        m_pane->applyPreset(0);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        if (m_pane->responseView()->statusText() == QStringLiteral("404"))
            QSKIP("this build's server does not serve /graphql yet");
        QCOMPARE(m_pane->responseView()->statusText(), QStringLiteral("200"));
        QVERIFY(m_pane->responseView()->bodyText().contains(QStringLiteral("totalCents")));
    }

    void badQueryShowsItsError() {
        m_pane->applyPreset(4);
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE(completed.size(), 1);
        if (m_pane->responseView()->statusText() == QStringLiteral("404"))
            QSKIP("this build's server does not serve /graphql yet");
        QVERIFY(m_pane->responseView()->errorText().contains(QStringLiteral("shoeSize")));
    }

private:
    TestServer m_server;
    std::unique_ptr<ui::GraphQLPane> m_pane;
};

QTEST_MAIN(TestGraphQLPane)
#include "test_graphqlpane.moc"
