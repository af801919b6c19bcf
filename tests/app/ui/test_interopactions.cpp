// The window's side of import and export (docs/interop.md): a curl command pasted into the REST URL field becomes the
// pane's request and what it could not take is said; Copy as curl / grpcurl puts the focused pane's request on the
// clipboard; File ▸ Import… writes a file into a new collection folder off the GUI thread and sums it up.
#include "app/interop/curlimport.h"
#include "app/ui/collectionsview.h"
#include "app/ui/grpcpane.h"
#include "app/ui/interopactions.h"
#include "app/ui/panerow.h"
#include "app/ui/restpane.h"
#include "app/ui/workspacecontroller.h"
#include "app/workspace/workspace.h"
#include "tests/app/ui/windowoptions.h"
#include "tests/support/testorderserver.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using workspace::RequestDocument;

Q_DECLARE_METATYPE(triptych::interop::ImportSummary)

namespace {

// The window's parts this feature uses, as MainWindow puts them together.
struct Window {
    explicit Window(const QTemporaryDir &folder)
        : panes(new ui::PaneRow(&main))
        , workspace(new ui::WorkspaceController(panes, testing::isolatedWindow(folder), &main))
        , interop(new ui::InteropActions(panes, workspace, &main)) {
        main.setCentralWidget(panes);
    }
    QMainWindow main;
    ui::PaneRow *panes;
    ui::WorkspaceController *workspace;
    ui::InteropActions *interop;
};

QString headerValue(const QList<workspace::KeyValue> &headers, const QString &name) {
    for (const auto &header : headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0 && header.enabled)
            return header.value;
    }
    return {};
}

} // namespace

class TestInteropActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        QVERIFY(m_folder.isValid());
        m_window = std::make_unique<Window>(m_folder);
    }
    void cleanup() { m_window.reset(); }

    void pasteCurlIntoUrl_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("finding"); // a word of the message about what was not taken; "" for none
        QTest::newRow("browser, lines continued")
            << "curl 'http://127.0.0.1:8080/v1/users/42' \\\n  -H 'Accept: application/json' \\\n  -H 'X-Trace: a b'"
            << "GET"
            << "http://127.0.0.1:8080/v1/users/42"
            << "a b"
            << ""
            << "";
        QTest::newRow("data makes a POST")
            << "curl -d '{\"productId\":\"p1\"}' -H 'Content-Type: application/json' -H 'X-Trace: t' "
               "http://127.0.0.1:8080/v1/orders"
            << "POST"
            << "http://127.0.0.1:8080/v1/orders"
            << "t"
            << "{\"productId\":\"p1\"}"
            << "";
        QTest::newRow("a proxy is named") << "curl -x http://proxy:3128 -X DELETE -H 'X-Trace: p' http://h/v1/x"
                                          << "DELETE"
                                          << "http://h/v1/x"
                                          << "p"
                                          << ""
                                          << "proxy";
    }
    void pasteCurlIntoUrl() {
        QFETCH(QString, command);
        QFETCH(QString, method);
        QFETCH(QString, url);
        QFETCH(QString, header);
        QFETCH(QString, body);
        QFETCH(QString, finding);
        QSignalSpy messages(m_window->interop, &ui::InteropActions::message);
        auto *rest = m_window->panes->restPane();
        QGuiApplication::clipboard()->setText(command);
        rest->urlEdit()->selectAll();
        rest->urlEdit()->paste(); // what Ctrl+V and the context menu do
        QTRY_COMPARE(messages.size(), 1);
        const RequestDocument document = rest->toDocument();
        QCOMPARE(document.http.method, method);
        QCOMPARE(document.http.url, url);
        QCOMPARE(headerValue(document.http.headers, QStringLiteral("X-Trace")), header);
        QCOMPARE(document.http.body.text, body);
        const QString said = messages.first().first().toString();
        QVERIFY2(said.contains(QStringLiteral("REST pane")), qPrintable(said));
        auto *box = m_window->main.findChild<QMessageBox *>(QStringLiteral("curlFindings"));
        if (finding.isEmpty()) {
            QVERIFY2(box == nullptr, qPrintable(said));
        } else {
            QVERIFY2(said.contains(finding), qPrintable(said));
            QVERIFY(box);
            QVERIFY2(box->informativeText().contains(finding), qPrintable(box->informativeText()));
        }
    }

    // Typing "curl …" letter by letter reads nothing until Enter, which then imports instead of sending.
    void typedCurlWaitsForEnter() {
        QSignalSpy messages(m_window->interop, &ui::InteropActions::message);
        auto *url = m_window->panes->restPane()->urlEdit();
        url->clear();
        QTest::keyClicks(url, QStringLiteral("curl -X PATCH http://127.0.0.1:9/v1/x"));
        QCoreApplication::processEvents();
        QCOMPARE(messages.size(), 0);
        QTest::keyClick(url, Qt::Key_Return);
        QTRY_COMPARE(messages.size(), 1);
        QVERIFY2(messages.first().first().toString().contains(QStringLiteral("REST pane")),
                 qPrintable(messages.first().first().toString()));
        QCOMPARE(m_window->panes->restPane()->methodBox()->currentText(), QStringLiteral("PATCH"));
        QCOMPARE(url->text(), QStringLiteral("http://127.0.0.1:9/v1/x"));
    }

    void unreadableCurlIsSaid() {
        QSignalSpy messages(m_window->interop, &ui::InteropActions::message);
        const RequestDocument before = m_window->panes->restPane()->toDocument();
        m_window->interop->importCurlCommand(QStringLiteral("curl 'http://h/x"));
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages.first().first().toString().contains(QStringLiteral("could not be read")),
                 qPrintable(messages.first().first().toString()));
        auto *box = m_window->main.findChild<QMessageBox *>(QStringLiteral("curlFindings"));
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QStringLiteral("quote")), qPrintable(box->informativeText()));
        QCOMPARE(m_window->panes->restPane()->toDocument(), before);
    }

    // Copy as curl: read back by the importer, the command is the pane's request; gRPC gives grpcurl.
    void copyAsCommand() {
        m_window->main.show();
        m_window->main.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&m_window->main));
        auto *rest = m_window->panes->restPane();
        RequestDocument sent;
        sent.name = QStringLiteral("Create");
        sent.http.method = QStringLiteral("PUT");
        sent.http.url = QStringLiteral("http://127.0.0.1:8080/v1/users/7");
        sent.http.headers = {{QStringLiteral("X-Trace"), QStringLiteral("it's")}};
        sent.http.body.kind = workspace::BodyKind::Json;
        sent.http.body.text = QStringLiteral("{\"name\": \"Ann\"}");
        rest->loadDocument(sent);
        rest->focusComposer();
        QTRY_COMPARE(m_window->panes->focusedPane(), rest);
        QSignalSpy messages(m_window->interop, &ui::InteropActions::message);
        QVERIFY(m_window->interop->copyFocusedAsCommand());
        const QString command = QGuiApplication::clipboard()->text();
        QVERIFY2(command.startsWith(QStringLiteral("curl ")), qPrintable(command));
        const auto back = interop::importCurl(command, QStringLiteral("clipboard"));
        QVERIFY(back.ok());
        const RequestDocument &read = back.requests.first().document;
        QCOMPARE(read.http.method, sent.http.method);
        QCOMPARE(read.http.url, sent.http.url);
        QCOMPARE(headerValue(read.http.headers, QStringLiteral("X-Trace")), QStringLiteral("it's"));
        QCOMPARE(read.http.body.text, sent.http.body.text);
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("as a curl command")));

        auto *grpc = m_window->panes->grpcPane();
        grpc->focusComposer();
        QTRY_COMPARE(m_window->panes->focusedPane(), grpc);
        QVERIFY(m_window->interop->copyFocusedAsCommand());
        QVERIFY2(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("grpcurl ")),
                 qPrintable(QGuiApplication::clipboard()->text()));
        QVERIFY(messages.last().first().toString().contains(QStringLiteral("as a grpcurl command")));
    }

    // A Postman collection into a new folder, twice: the second gets " 2"; skipped parts are listed with why.
    void importFileIntoNewFolder() {
        const QString root = m_folder.filePath(QStringLiteral("ws"));
        QVERIFY(m_window->workspace->createWorkspace(root));
        const QString file = QStringLiteral(TRIPTYCH_INTEROP_DATA "/shop.postman_collection.json");
        QSignalSpy finished(m_window->interop, &ui::InteropActions::importFinished);
        for (const QString &expected : {QStringLiteral("Shop- API"), QStringLiteral("Shop- API 2")}) {
            m_window->interop->importFile(file);
            QVERIFY(m_window->interop->isImporting());
            QVERIFY(m_window->main.findChild<QWidget *>(QStringLiteral("importBusy")));
            QTRY_COMPARE(finished.size(), expected.endsWith(QLatin1Char('2')) ? 2 : 1);
            const auto summary = finished.last().first().value<interop::ImportSummary>();
            QVERIFY2(summary.ok(), qPrintable(summary.error));
            QCOMPARE(summary.format, QStringLiteral("postman"));
            QCOMPARE(summary.collection, expected);
            QCOMPARE(summary.requests.size(), 7);
            QVERIFY(!summary.skipped.isEmpty());
            QVERIFY(m_window->workspace->workspace()->indexOf(expected) >= 0);
            QVERIFY(QFileInfo::exists(root + QLatin1Char('/') + expected + QStringLiteral("/Users")));
        }
        QTRY_VERIFY(!m_window->main.findChild<QWidget *>(QStringLiteral("importBusy")));
        auto *summary = m_window->main.findChild<QDialog *>(QStringLiteral("importSummary"));
        QVERIFY(summary);
        const QString text = summary->findChild<QPlainTextEdit *>()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Skipped or changed")) && text.contains(QStringLiteral("digest")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Get user")), qPrintable(text));
    }

    // The server's own /openapi.json by its URL (File ▸ Import from URL…), fetched on the worker thread.
    void importFromUrl() {
        testing::TestOrderServer server;
        QVERIFY(server.start());
        const QString root = m_folder.filePath(QStringLiteral("from-url"));
        QVERIFY(m_window->workspace->createWorkspace(root));
        QSignalSpy finished(m_window->interop, &ui::InteropActions::importFinished);
        m_window->interop->importFile(server.httpBase() + QStringLiteral("/openapi.json"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        const auto summary = finished.first().first().value<interop::ImportSummary>();
        QVERIFY2(summary.ok(), qPrintable(summary.error + summary.skipped.join('\n')));
        QCOMPARE(summary.format, QStringLiteral("openapi"));
        QVERIFY(summary.requests.size() >= 10); // one per operation of the contract
        QVERIFY(m_window->workspace->workspace()->indexOf(summary.collection) >= 0);
    }

    // A big collection shows its progress with a Cancel button; cancelling stops before the next file is written.
    void importCanBeCancelled() {
        QJsonArray items;
        for (int i = 0; i < 3000; ++i)
            items.append(QJsonObject{{"name", QStringLiteral("Request %1").arg(i)},
                                     {"request", QJsonObject{{"method", "GET"}, {"url", "http://127.0.0.1:1/x"}}}});
        const QJsonObject collection{
            {"info", QJsonObject{{"name", "Big"},
                                 {"schema", "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}}},
            {"item", items}};
        const QString file = m_folder.filePath(QStringLiteral("big.postman_collection.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(collection).toJson());
        out.close();
        const QString root = m_folder.filePath(QStringLiteral("cancelled"));
        QVERIFY(m_window->workspace->createWorkspace(root));
        QSignalSpy finished(m_window->interop, &ui::InteropActions::importFinished);
        m_window->interop->importFile(file);
        auto *busy = m_window->main.findChild<QProgressDialog *>(QStringLiteral("importBusy"));
        QVERIFY(busy);
        QPushButton *cancel = busy->findChild<QPushButton *>();
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), QStringLiteral("Cancel"));
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20'000);
        const auto summary = finished.first().first().value<interop::ImportSummary>();
        QVERIFY2(summary.error.startsWith(QStringLiteral("Cancelled")), qPrintable(summary.error));
        QVERIFY(summary.requests.size() < 3000);
    }

    void importWithoutWorkspaceAsksForOne() {
        QVERIFY(!m_window->workspace->workspace());
        m_window->interop->chooseFileToImport();
        QVERIFY(m_window->main.findChild<QMessageBox *>(QStringLiteral("importNeedsWorkspace")));
    }

private:
    QTemporaryDir m_folder;
    std::unique_ptr<Window> m_window;
};

QTEST_MAIN(TestInteropActions)
#include "test_interopactions.moc"
