#include "app/model/historydaymodel.h"
#include "app/ui/historylimitsdialog.h"
#include "app/ui/historysearchview.h"
#include "app/workspace/historystore.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace triptych;
using workspace::HistoryEntry;
using workspace::RequestStyle;

Q_DECLARE_METATYPE(workspace::HistoryQuery)

namespace {
// Noon of a day, so that day boundaries and daylight saving never move a call to another day.
qint64 noon(int daysAgo) {
    return QDateTime(QDate::currentDate().addDays(-daysAgo), QTime(12, 0)).toMSecsSinceEpoch();
}

HistoryEntry call(RequestStyle style, const QString &method, const QString &url, int status, int daysAgo) {
    HistoryEntry entry;
    entry.startedAtMs = noon(daysAgo);
    entry.style = style;
    entry.method = method;
    entry.url = url;
    entry.status = status;
    entry.statusText = QString::number(status);
    entry.responseBody = "{\"id\":42,\"name\":\"Ada Lovelace\"}";
    entry.responseBodyBytes = entry.responseBody.size();
    return entry;
}

// Five calls on three days; a word only in a request body, one only in a response body.
QList<HistoryEntry> calls() {
    HistoryEntry created = call(RequestStyle::Rest, "POST", "http://127.0.0.1:8080/v1/users/42/orders", 201, 0);
    created.requestBody = "{\"product\":\"Mechanical Keyboard\",\"quantity\":1}";
    HistoryEntry missing = call(RequestStyle::Grpc, "/orders.v1.OrderService/GetUser", "127.0.0.1:50051", 5, 0);
    missing.responseBody = "{\"message\":\"no user Grace Hopper\"}";
    return {call(RequestStyle::Rest, "GET", "http://127.0.0.1:8080/v1/users/42/orders", 200, 9),
            call(RequestStyle::GraphQL, "POST", "http://127.0.0.1:8080/graphql", 200, 1),
            call(RequestStyle::Rest, "GET", "http://127.0.0.1:8080/v1/users/7", 404, 1), created, missing};
}
} // namespace

class TestHistorySearchView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<workspace::HistoryStore>(
            workspace::HistoryStore::Options{m_dir->filePath(QStringLiteral("history.sqlite")), {}});
        for (const HistoryEntry &entry : calls())
            m_store->append(entry);
        m_store->waitForIdle();
        m_view = std::make_unique<ui::HistorySearchView>(m_store.get());
        QTRY_COMPARE(m_view->dayModel()->callCount(), 5);
    }

    void cleanup() {
        m_view.reset();
        m_store.reset();
    }

    void groupsTheSavedCallsByDay() {
        const auto *days = m_view->dayModel();
        QCOMPARE(days->rowCount(), 3);
        QCOMPARE(days->index(0, 0).data().toString(), QStringLiteral("Today"));
        QCOMPARE(days->index(1, 0).data().toString(), QStringLiteral("Yesterday"));
        QCOMPARE(days->index(2, 0).data().toString(),
                 model::HistoryDayModel::dayTitle(QDate::currentDate().addDays(-9), QDate::currentDate()));
        QCOMPARE(days->rowCount(days->index(0, 0)), 2);
        QVERIFY(m_view->treeView()->isExpanded(m_view->treeView()->model()->index(1, 0)));
    }

    void parsesFilters_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("words");
        QTest::addColumn<int>("statusFrom");
        QTest::addColumn<int>("statusTo");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("style"); // -1: any
        QTest::newRow("words") << "Ada Lovelace"
                               << "Ada Lovelace" << -1 << -1 << ""
                               << "" << -1;
        QTest::newRow("status") << "status:404"
                                << "" << 404 << 404 << ""
                                << "" << -1;
        QTest::newRow("status class") << "status:5xx timeout"
                                      << "timeout" << 500 << 599 << ""
                                      << "" << -1;
        QTest::newRow("style") << "style:GRPC"
                               << "" << -1 << -1 << ""
                               << "" << int(RequestStyle::Grpc);
        QTest::newRow("method and url") << "method:post url:/orders"
                                        << "" << -1 << -1 << "post"
                                        << "/orders" << -1;
        QTest::newRow("not a filter") << "status:soon style:soap x:1"
                                      << "status:soon style:soap x:1" << -1 << -1 << ""
                                      << "" << -1;
    }
    void parsesFilters() {
        QFETCH(QString, text);
        const workspace::HistoryQuery query = ui::HistorySearchView::parseQuery(text);
        QTEST(query.text, "words");
        QTEST(query.statusFrom, "statusFrom");
        QTEST(query.statusTo, "statusTo");
        QTEST(query.method, "method");
        QTEST(query.url, "url");
        QTEST(query.style ? int(*query.style) : -1, "style");
        QCOMPARE(query.limit, 500);
    }

    void searchesBodiesAndFilters_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("calls");
        QTest::addColumn<int>("days");
        QTest::newRow("a word of a request body") << "Keyboard" << 1 << 1;
        QTest::newRow("a word of a response body") << "Grace" << 1 << 1;
        QTest::newRow("a word of every response") << "Lovelace" << 4 << 3;
        QTest::newRow("a prefix") << "Mechan" << 1 << 1;
        QTest::newRow("status class") << "status:2xx" << 3 << 3;
        QTest::newRow("style and word") << "style:rest users" << 3 << 3;
        QTest::newRow("url piece") << "url:/v1/users/7" << 1 << 1;
        QTest::newRow("nothing") << "Babbage" << 0 << 0;
    }
    void searchesBodiesAndFilters() {
        QFETCH(QString, text);
        QFETCH(int, calls);
        QFETCH(int, days);
        QSignalSpy answered(m_view.get(), &ui::HistorySearchView::searchFinished);
        m_view->searchEdit()->setText(text); // the search waits for a pause in typing
        QTRY_COMPARE(answered.size(), 1);
        QCOMPARE(answered.first().at(0).toInt(), calls);
        QCOMPARE(answered.first().at(1).toInt(), days);
        QCOMPARE(m_view->dayModel()->callCount(), calls);
    }

    void selectingACallBringsItWhole() {
        QSignalSpy selected(m_view.get(), &ui::HistorySearchView::callSelected);
        auto *tree = m_view->treeView();
        tree->setCurrentIndex(tree->model()->index(1, 0, tree->model()->index(0, 0))); // today's older: the POST
        QTRY_COMPARE(selected.size(), 1);
        const auto entry = selected.first().at(0).value<HistoryEntry>();
        QCOMPARE(entry.method, QStringLiteral("POST"));
        QCOMPARE(entry.requestBody, QByteArray("{\"product\":\"Mechanical Keyboard\",\"quantity\":1}"));
    }

    void newCallsAndDeletionsShow() {
        QSignalSpy answered(m_view.get(), &ui::HistorySearchView::searchFinished);
        m_store->append(call(RequestStyle::Rest, "DELETE", "http://127.0.0.1:8080/v1/orders/3", 204, 0));
        QTRY_COMPARE(m_view->dayModel()->callCount(), 6);
        const qint64 id = m_view->dayModel()->days().first().entries.first().id;
        m_store->remove(id);
        QTRY_COMPARE(m_view->dayModel()->callCount(), 5);
        QVERIFY(!m_view->dayModel()->indexOfCall(id).isValid());
    }

    void limitsAreKeptAndApplied() {
        QSignalSpy changed(m_view.get(), &ui::HistorySearchView::limitsChanged);
        m_view->editLimits();
        auto *dialog = m_view->findChild<ui::HistoryLimitsDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->entriesCheck()->isChecked()); // the defaults: 10,000 calls, 90 days, 512 MiB
        QCOMPARE(dialog->daysBox()->value(), 90);
        dialog->entriesBox()->setValue(3);
        dialog->daysCheck()->setChecked(false);
        QVERIFY(!dialog->daysBox()->isEnabled());
        dialog->accept();
        QCOMPARE(changed.size(), 1);
        QTRY_COMPARE(m_view->dayModel()->callCount(), 3); // the oldest two went
        QCOMPARE(m_store->limits().maxEntries, 3);
        QCOMPARE(m_store->limits().maxAgeDays, 0);
        const workspace::HistoryLimits saved = ui::HistoryLimitsDialog::savedLimits();
        QCOMPARE(saved.maxEntries, 3);
        QCOMPARE(saved.maxAgeDays, 0);
        QCOMPARE(saved.maxBytes, 512LL * 1024 * 1024);
        // The next start's dialog shows what was chosen.
        ui::HistoryLimitsDialog again(saved);
        QCOMPARE(again.entriesBox()->value(), 3);
        QVERIFY(!again.daysCheck()->isChecked());
        QCOMPARE(again.limits(), saved);
    }

    void anUnreadableHistorySaysSo() {
        // A folder where the database file should be: SQLite cannot open it.
        QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("folder.sqlite")));
        workspace::HistoryStore broken({m_dir->filePath(QStringLiteral("folder.sqlite")), {}});
        ui::HistorySearchView view(&broken);
        QSignalSpy failed(&view, &ui::HistorySearchView::searchFailed);
        view.refresh();
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(view.dayModel()->rowCount(), 0);
        QVERIFY(view.findChild<QLabel *>()->text().startsWith(QStringLiteral("The saved history cannot be read")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<workspace::HistoryStore> m_store;
    std::unique_ptr<ui::HistorySearchView> m_view;
};

QTEST_MAIN(TestHistorySearchView)
#include "test_historysearchview.moc"
