#include "app/client/restcaller.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/responseview.h"
#include "testserver.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

namespace {
constexpr int kWaitMs = 10'000;
}

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

    void subscribesToOrderUpdatesUntilCancelled() {
        m_pane->applyPreset(2); // the subscription preset
        m_pane->variablesEditor()->setPlainText(QStringLiteral("{\"userId\": 7}"));
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QVERIFY(m_pane->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->responseView()->statusText().startsWith(QStringLiteral("Subscribed")),
                                 kWaitMs);
        createOrderForUser7();
        QTRY_VERIFY_WITH_TIMEOUT(m_pane->responseView()->statusText().contains(QStringLiteral("1 event")), kWaitMs);
        QVERIFY(m_pane->responseView()->messageCount() >= 6); // init, ack, subscribe, ping, pong, next
        m_pane->cancel();
        QVERIFY(!m_pane->isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kWaitMs);
        const auto record = completed.first().at(0).value<client::CallRecord>();
        QVERIFY(record.kind == client::CallKind::GraphQLWebSocket);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(record.closeCode, 1000);
        QVERIFY(record.body.contains("PENDING"));
        QVERIFY(m_pane->responseView()->statusText().startsWith(QStringLiteral("Completed")));

        // The history can bring it back: the pane shows the subscription and its HTTP URL again.
        m_pane->queryEditor()->clear();
        m_pane->load(record);
        QVERIFY(m_pane->queryEditor()->toPlainText().contains(QStringLiteral("orderUpdates")));
        QVERIFY(m_pane->variablesEditor()->toPlainText().contains(QStringLiteral("7")));
    }

    void subscriptionToAnUnknownUserShowsTheError() {
        m_pane->applyPreset(2);
        m_pane->variablesEditor()->setPlainText(QStringLiteral("{\"userId\": 999999}"));
        QSignalSpy completed(m_pane.get(), &ui::ComposerPane::callCompleted);
        m_pane->send();
        QTRY_COMPARE_WITH_TIMEOUT(completed.size(), 1, kWaitMs);
        QVERIFY(!m_pane->isBusy());
        QVERIFY2(m_pane->responseView()->errorText().contains(QStringLiteral("NOT_FOUND")),
                 qPrintable(m_pane->responseView()->errorText()));
    }

private:
    void createOrderForUser7() {
        client::RestCaller rest;
        QSignalSpy done(&rest, &client::RestCaller::callFinished);
        client::RestRequest post;
        post.method = "POST";
        post.url = m_server.state().httpBaseUrl() + QStringLiteral("/v1/users/7/orders");
        post.bodyKind = client::BodyKind::Json;
        post.body = R"({"product":"Wireless Mouse","quantity":1})";
        post.auth = {client::AuthKind::Bearer, {}, {}, QStringLiteral("demo-token")};
        post.fetchServerTrace = false;
        rest.send(post);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kWaitMs);
    }

    TestServer m_server;
    std::unique_ptr<ui::GraphQLPane> m_pane;
};

QTEST_MAIN(TestGraphQLPane)
#include "test_graphqlpane.moc"
