#include "app/model/comparisonmodel.h"
#include "app/model/historymodel.h"
#include "app/model/streammessagemodel.h"
#include "app/session/comparisonsession.h"
#include "app/session/questioncatalog.h"
#include "app/session/serverhost.h"
#include "app/ui/comparisonstrip.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcpane.h"
#include "app/ui/mainwindow.h"
#include "app/ui/responseview.h"
#include "app/ui/restpane.h"
#include "app/ui/traceview.h"
#include "tests/app/ui/windowoptions.h"

#include <QAction>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace triptych;
using client::CallKind;

namespace {
constexpr int kComparisonTimeoutMs = 60'000; // 51 REST requests and 50 gRPC calls, each with its trace fetched
} // namespace

// "Ask all three": a question fills the three panes and sends them; the strip's numbers are the CallRecords'.
class TestComparisonStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QSettings().clear();
        m_host = std::make_unique<session::ServerHost>();
        m_data = std::make_unique<QTemporaryDir>();
        m_window = std::make_unique<ui::MainWindow>(m_host.get(), testing::isolatedWindow(*m_data));
        session::ServerSettings settings;
        settings.httpPort = 0;
        settings.grpcPort = 0;
        settings.users = 100;
        m_host->start(settings);
        QTRY_COMPARE(int(m_host->state().phase), int(session::ServerState::Phase::Running));
    }

    void cleanup() {
        m_window.reset();
        m_host.reset();
    }

    void questionFillsSendsAndCompares_data() {
        QTest::addColumn<int>("question");
        QTest::addColumn<int>("restCalls");
        QTest::addColumn<int>("grpcCalls");
        QTest::addColumn<int>("graphqlSql"); // -1: not checked
        QTest::addColumn<bool>("dataLoader");
        QTest::newRow("a user's orders") << 0 << 1 << 1 << -1 << true;
        QTest::newRow("name and avatar only") << 1 << 1 << 1 << -1 << true;
        QTest::newRow("50 users, DataLoader on") << 3 << 51 << 50 << 2 << true;
        QTest::newRow("50 users, DataLoader off") << 4 << 51 << 50 << 51 << false;
    }
    void questionFillsSendsAndCompares() {
        QFETCH(int, question);
        QFETCH(int, restCalls);
        QFETCH(int, grpcCalls);
        QFETCH(int, graphqlSql);
        QFETCH(bool, dataLoader);
        const auto asked = session::QuestionCatalog::builtIn().askAll().at(question);

        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        m_window->askQuestion(question);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonTimeoutMs);
        QCOMPARE(m_host->state().settings.dataLoader, dataLoader);
        QCOMPARE(m_host->state().settings.dbLatencyMs, asked.dbLatencyMs.value_or(0));

        // The panes hold the question.
        QVERIFY(m_window->restPane()->urlEdit()->text().endsWith(asked.rest->path.section(QLatin1Char('?'), 0, 0)));
        QCOMPARE(m_window->graphqlPane()->queryEditor()->toPlainText(), asked.graphql->query);
        QCOMPARE(m_window->grpcPane()->methodEdit()->text(), asked.grpc->method);
        // The notice reads the measured figures: no placeholder is left.
        const QString notice = m_window->comparisonStrip()->noticeText();
        QVERIFY2(notice.startsWith(QStringLiteral("What to notice: ")) && !notice.contains(QLatin1Char('{')),
                 qPrintable(notice));

        // The strip's figures are the sums of the calls in the history, where the comparison is one entry.
        struct Sums {
            int calls = 0;
            int spans = 0;
            int sql = 0;
            qint64 sent = 0;
            qint64 body = 0;
            qint64 timeUs = 0;
        };
        QHash<CallKind, Sums> sums;
        const auto *history = m_window->historyModel();
        QCOMPARE(history->rowCount(), 1);
        QCOMPARE(history->rowCount(history->index(0, 0)), restCalls + 1 + grpcCalls);
        for (const auto *record : history->records()) {
            QVERIFY2(record->ok(), qPrintable(record->error.text()));
            auto &sum = sums[record->kind];
            ++sum.calls;
            sum.spans += record->serverSpanCount();
            sum.sql += model::ComparisonModel::sqlStatementCount(*record);
            sum.sent += record->sizes.requestHeaderBytes + record->sizes.requestBodyBytes;
            sum.body += record->sizes.responseBodyDecodedBytes;
            sum.timeUs += record->timings.totalUs;
            if (asked.dbLatencyMs)
                QVERIFY(everySqlSpanTakesAtLeast(*record, *asked.dbLatencyMs * 1000));
        }
        const auto *comparison = m_window->comparisonModel();
        for (const auto kind : {CallKind::Rest, CallKind::GraphQL, CallKind::Grpc}) {
            const auto &figures = comparison->figures(kind);
            const auto &sum = sums.value(kind);
            QCOMPARE(figures.calls, sum.calls);
            QCOMPARE(figures.serverSpans, sum.spans);
            QCOMPARE(figures.sqlStatements, sum.sql);
            QCOMPARE(figures.requestBytes, sum.sent);
            QCOMPARE(figures.responseBodyBytes, sum.body);
            QCOMPARE(figures.phases.totalUs, sum.timeUs);
            QVERIFY(figures.wallUs >= figures.phases.totalUs / figures.calls);
            QVERIFY(figures.serverSpans > 0);
        }
        QCOMPARE(comparison->figures(CallKind::Rest).calls, restCalls);
        QCOMPARE(comparison->figures(CallKind::GraphQL).calls, 1);
        QCOMPARE(comparison->figures(CallKind::Grpc).calls, grpcCalls);
        QVERIFY(comparison->figures(CallKind::Rest).responseBodyGzipBytes.has_value());
        QVERIFY(!comparison->figures(CallKind::Grpc).responseBodyGzipBytes.has_value());
        if (graphqlSql >= 0)
            QCOMPARE(comparison->figures(CallKind::GraphQL).sqlStatements, graphqlSql);
        // The table shows them.
        QCOMPARE(comparison->index(0, model::ComparisonModel::Spans).data().toInt(),
                 comparison->figures(CallKind::Rest).serverSpans);
        // The trace dock shows a call.
        QVERIFY(m_window->traceView()->hasTrace());
    }

    // The live question makes order events itself while the streams are open, and each arrives in all three.
    void liveUpdatesStreamInAllThree() {
        int created = 0;
        connect(m_window->session(), &session::ComparisonSession::eventWriteFinished, this,
                [&created](const client::CallRecord &record) {
                    if (record.httpStatus == 201 && created == 0)
                        created = QJsonDocument::fromJson(record.body).object().value(QStringLiteral("id")).toInt();
                });
        m_window->askQuestion(2);
        const auto *comparison = m_window->comparisonModel();
        // User 42's 1,000 orders arrive first on the SSE stream and on StreamOrders; both stay open.
        QTRY_VERIFY_WITH_TIMEOUT(comparison->figures(CallKind::Rest).liveMessages >= 1000, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(comparison->figures(CallKind::Grpc).liveMessages >= 1000, 20000);
        QVERIFY(comparison->figures(CallKind::Rest).streaming);
        QVERIFY(
            comparison->index(0, model::ComparisonModel::Time).data().toString().startsWith(QStringLiteral("open")));
        QTRY_VERIFY_WITH_TIMEOUT(created > 0, 20000);
        for (auto *pane : {static_cast<ui::ComposerPane *>(m_window->restPane()),
                           static_cast<ui::ComposerPane *>(m_window->graphqlPane()),
                           static_cast<ui::ComposerPane *>(m_window->grpcPane())}) {
            QVERIFY(pane->isBusy());
            QTRY_VERIFY2_WITH_TIMEOUT(hasMessageAbout(pane, created), qPrintable(pane->title()->text()), 20000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(comparison->figures(CallKind::GraphQL).liveMessages >= 1, 5000);
        // The writes are in the comparison's history entry.
        QVERIFY(m_window->historyModel()->rowCount(m_window->historyModel()->index(0, 0)) >= 1);
    }

    // Esc while a comparison runs stops all of it; each row ends as it really did, with what the stream had.
    void escStopsTheWholeComparison() {
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->askQuestion(2);
        const auto *comparison = m_window->comparisonModel();
        QTRY_VERIFY_WITH_TIMEOUT(comparison->figures(CallKind::Grpc).liveMessages >= 1000, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(comparison->figures(CallKind::Rest).liveMessages >= 1000, 20000);
        QList<client::CallRecord> ended;
        connect(m_window->session(), &session::ComparisonSession::callFinished, this,
                [&ended](const client::CallRecord &record) { ended.append(record); });
        m_window->restPane()->urlEdit()->setFocus(); // Esc in one pane stops all three
        QTest::keyClick(m_window->restPane()->urlEdit(), Qt::Key_Escape);
        QVERIFY(!m_window->session()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 3, 10000);
        for (auto *pane : m_window->findChildren<ui::ComposerPane *>())
            QVERIFY(!pane->isBusy());
        for (const auto kind : {CallKind::Rest, CallKind::GraphQL, CallKind::Grpc}) {
            const auto &figures = comparison->figures(kind);
            QCOMPARE(figures.calls, 1);
            QVERIFY(figures.phases.totalUs > 0);
            const QString time = comparison
                                     ->index(int(kind == CallKind::Rest      ? 0
                                                 : kind == CallKind::GraphQL ? 1
                                                                             : 2),
                                             model::ComparisonModel::Time)
                                     .data()
                                     .toString();
            QVERIFY2(!time.startsWith(QStringLiteral("open")), qPrintable(time));
        }
        QVERIFY(comparison->figures(CallKind::Rest).streamMessages >= 1000);
        QVERIFY(comparison->figures(CallKind::Grpc).streamMessages >= 1000);
        QVERIFY(
            comparison->index(0, model::ComparisonModel::Time).data().toString().endsWith(QStringLiteral("cancelled")));
        // The history's entry holds the three cancelled streams with their records.
        int cancelled = 0;
        for (const auto *record : m_window->historyModel()->records())
            cancelled += record->error.kind == client::ErrorKind::Cancelled && record->timings.totalUs > 0 ? 1 : 0;
        QVERIFY(cancelled >= 2); // SSE and StreamOrders; the subscription completes normally
    }

    // The subscription completes as the next question replaces it; its record goes to the history, not to the
    // new comparison, which waits for its own GraphQL answer.
    void aStreamReplacedIsNotTheNextAnswer() {
        m_window->askQuestion(2);
        const auto *comparison = m_window->comparisonModel();
        QTRY_VERIFY_WITH_TIMEOUT(comparison->figures(CallKind::Grpc).liveMessages >= 1000, 20000);
        QList<CallKind> answers;
        connect(m_window->session(), &session::ComparisonSession::callFinished, this,
                [&answers](const client::CallRecord &record) { answers.append(record.kind); });
        QSignalSpy finished(m_window->session(), &session::ComparisonSession::comparisonFinished);
        m_window->askQuestion(0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kComparisonTimeoutMs);
        QCOMPARE(answers.size(), 3);
        QVERIFY(!answers.contains(CallKind::GraphQLWebSocket));
        QTRY_VERIFY(!m_window->graphqlPane()->isBusy());
        QVERIFY(!comparison->figures(CallKind::GraphQL).streaming);
    }

    void docksHideAndStayHidden() {
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("comparison"));
        QVERIFY(dock);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(dock->isVisible());
        dock->toggleViewAction()->trigger();
        QVERIFY(!dock->isVisible());
        m_window.reset();
        ui::MainWindow again(m_host.get());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(!again.findChild<QDockWidget *>(QStringLiteral("comparison"))->isVisible());
        QVERIFY(again.findChild<QDockWidget *>(QStringLiteral("trace"))->isVisible());
    }

private:
    static bool everySqlSpanTakesAtLeast(const client::CallRecord &record, qint64 us) {
        for (const auto &span : record.spans) {
            const bool sql = std::any_of(span.attributes.cbegin(), span.attributes.cend(), [](const auto &attribute) {
                return attribute.first == QLatin1String("db.statement");
            });
            if (span.fromServer && sql && span.durationUs < us)
                return false;
        }
        return true;
    }

    // Whether the pane's message list holds an event about this order (REST and gRPC: "id": N, GraphQL: "id": "N").
    static bool hasMessageAbout(ui::ComposerPane *pane, int orderId) {
        const QRegularExpression id(QStringLiteral(R"re("id":\s*"?%1"?[,}])re").arg(orderId));
        const auto *messages = pane->responseView()->messagesModel();
        for (int row = messages->messageCount() - 1; row >= 0 && row >= messages->messageCount() - 200; --row) {
            if (row < messages->rowCount() && QString::fromUtf8(messages->message(row).json()).contains(id))
                return true;
        }
        return false;
    }

    std::unique_ptr<session::ServerHost> m_host;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_data;
};

QTEST_MAIN(TestComparisonStrip)
#include "test_comparisonstrip.moc"
