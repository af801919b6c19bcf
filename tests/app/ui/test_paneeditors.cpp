// Every field of a saved request has an editor in its pane (docs/workspace.md, "Keys"): one row per field, a
// document with that field changed loads into the pane, the pane forgets the document it loaded, and toDocument()
// still gives the field back — so it came from an editor, not from the copy a pane keeps. The exceptions, kept from
// the loaded document by design: the name (the file's, edited by Save as…), `checks` (a later feature), the
// disabled entries of the name/value tables and a GraphQL operation name when the document has only that operation.
// Then the same for every request of the sample workspace, and an edit in each new editor landing in its field.
#include "app/ui/autheditor.h"
#include "app/ui/graphqloptionseditor.h"
#include "app/ui/graphqlpane.h"
#include "app/ui/grpcconnectioneditor.h"
#include "app/ui/grpcpane.h"
#include "app/ui/httpoptionseditor.h"
#include "app/ui/multiparteditor.h"
#include "app/ui/noteseditor.h"
#include "app/ui/restpane.h"
#include "app/workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>

#include <functional>

using namespace triptych;
using workspace::RequestDocument;
using workspace::RequestStyle;

namespace {

// The panes, with the copy of the loaded document made forgettable.
template <typename Pane> struct Forgetful : Pane {
    void forgetLoaded() { this->setLoadedDocument({}); }
};

std::unique_ptr<ui::ComposerPane> paneFor(RequestStyle style) {
    switch (style) {
    case RequestStyle::Rest:
        return std::make_unique<Forgetful<ui::RestPane>>();
    case RequestStyle::GraphQL:
        return std::make_unique<Forgetful<ui::GraphQLPane>>();
    case RequestStyle::Grpc:
        return std::make_unique<Forgetful<ui::GrpcPane>>();
    }
    return {};
}

void forget(ui::ComposerPane *pane, RequestStyle style) {
    switch (style) {
    case RequestStyle::Rest:
        static_cast<Forgetful<ui::RestPane> *>(pane)->forgetLoaded();
        break;
    case RequestStyle::GraphQL:
        static_cast<Forgetful<ui::GraphQLPane> *>(pane)->forgetLoaded();
        break;
    case RequestStyle::Grpc:
        static_cast<Forgetful<ui::GrpcPane> *>(pane)->forgetLoaded();
        break;
    }
}

struct FieldRow {
    const char *name;
    RequestStyle style;
    std::function<void(RequestDocument &)> change;
};

using D = RequestDocument;
const QString kText = QStringLiteral("{{value}}");

QList<FieldRow> httpRows(RequestStyle style) {
    return {
        {"auth basic user", style,
         [](D &d) { d.http.auth.kind = workspace::AuthKind::Basic, d.http.auth.user = kText; }},
        {"auth basic password", style,
         [](D &d) { d.http.auth.kind = workspace::AuthKind::Basic, d.http.auth.password = kText; }},
        {"auth bearer token", style,
         [](D &d) { d.http.auth.kind = workspace::AuthKind::Bearer, d.http.auth.token = kText; }},
        {"auth api key name", style,
         [](D &d) { d.http.auth.kind = workspace::AuthKind::ApiKey, d.http.auth.apiKeyName = QStringLiteral("X-K"); }},
        {"auth api key value", style,
         [](D &d) { d.http.auth.kind = workspace::AuthKind::ApiKey, d.http.auth.apiKeyValue = kText; }},
        {"auth api key in query", style,
         [](D &d) {
             d.http.auth.kind = workspace::AuthKind::ApiKey;
             d.http.auth.apiKeyIn = workspace::ApiKeyPlacement::Query;
         }},
        {"options timeout", style, [](D &d) { d.http.options.timeoutMs = 1234; }},
        {"options no timeout", style, [](D &d) { d.http.options.timeoutMs = 0; }},
        {"options no redirects", style, [](D &d) { d.http.options.followRedirects = false; }},
        {"options gzip", style, [](D &d) { d.http.options.acceptGzip = true; }},
        {"options http1.1", style, [](D &d) { d.http.options.httpVersion = workspace::HttpVersion::Http1_1; }},
        {"options http2", style, [](D &d) { d.http.options.httpVersion = workspace::HttpVersion::Http2; }},
        {"options http2 prior knowledge", style,
         [](D &d) { d.http.options.httpVersion = workspace::HttpVersion::Http2PriorKnowledge; }},
        {"tls ca file", style, [](D &d) { d.http.options.tls.caFile = QStringLiteral("ca.pem"); }},
        {"tls client certificate", style,
         [](D &d) { d.http.options.tls.clientCertificate = QStringLiteral("me.pem"); }},
        {"tls client key", style, [](D &d) { d.http.options.tls.clientKey = QStringLiteral("me.key"); }},
        {"tls skip verification", style, [](D &d) { d.http.options.tls.skipVerification = true; }},
        {"tls server name", style, [](D &d) { d.http.options.tls.serverName = QStringLiteral("orders.local"); }},
        {"headers", style,
         [](D &d) {
             d.http.headers = {{QStringLiteral("X-A"), kText, true}};
         }},
        {"url", style, [](D &d) { d.http.url = QStringLiteral("{{baseUrl}}/x"); }},
        {"notes", style, [](D &d) { d.notes = QStringLiteral("# Why\n\nTo see *this*.\n"); }},
    };
}

QList<FieldRow> fieldRows() {
    QList<FieldRow> rows = httpRows(RequestStyle::Rest);
    const QList<FieldRow> rest = {
        {"method", RequestStyle::Rest, [](D &d) { d.http.method = QStringLiteral("PATCH"); }},
        {"params", RequestStyle::Rest,
         [](D &d) {
             d.http.params = {{QStringLiteral("q"), kText, true}};
         }},
        {"body json", RequestStyle::Rest,
         [](D &d) { d.http.body.kind = workspace::BodyKind::Json, d.http.body.text = QStringLiteral("{\"a\": 1}\n"); }},
        {"body raw", RequestStyle::Rest,
         [](D &d) { d.http.body.kind = workspace::BodyKind::Raw, d.http.body.text = QStringLiteral("a\nb"); }},
        {"body raw content type", RequestStyle::Rest,
         [](D &d) {
             d.http.body.kind = workspace::BodyKind::Raw, d.http.body.contentType = QStringLiteral("text/csv");
         }},
        {"body form", RequestStyle::Rest,
         [](D &d) {
             d.http.body.kind = workspace::BodyKind::Form;
             d.http.body.form = {{QStringLiteral("a"), kText, true}};
         }},
        {"body multipart", RequestStyle::Rest,
         [](D &d) {
             d.http.body.kind = workspace::BodyKind::Multipart;
             d.http.body.multipart = {
                 {QStringLiteral("note"), kText, {}, {}, true},
                 {QStringLiteral("file"), {}, QStringLiteral("a.png"), QStringLiteral("image/png"), false}};
         }},
        {"body file", RequestStyle::Rest,
         [](D &d) { d.http.body.kind = workspace::BodyKind::File, d.http.body.filePath = QStringLiteral("body.bin"); }},
    };
    rows += rest;
    rows += httpRows(RequestStyle::GraphQL);
    const QList<FieldRow> graphql = {
        {"document", RequestStyle::GraphQL,
         [](D &d) { d.graphql.document = QStringLiteral("{ user(id: 1) { id } }"); }},
        {"variables", RequestStyle::GraphQL, [](D &d) { d.graphql.variables = QStringLiteral("{\"id\": 1}"); }},
        {"operation name", RequestStyle::GraphQL,
         [](D &d) {
             d.graphql.document = QStringLiteral("query A { a }\nquery B { b }\n");
             d.graphql.operationName = QStringLiteral("B");
         }},
        {"transport get", RequestStyle::GraphQL,
         [](D &d) { d.graphql.transport = workspace::GraphQLTransport::HttpGet; }},
        {"transport graphql-transport-ws", RequestStyle::GraphQL,
         [](D &d) { d.graphql.transport = workspace::GraphQLTransport::TransportWs; }},
        {"transport subscriptions-transport-ws", RequestStyle::GraphQL,
         [](D &d) { d.graphql.transport = workspace::GraphQLTransport::SubscriptionsTransportWs; }},
        {"persisted query", RequestStyle::GraphQL, [](D &d) { d.graphql.persistedQuery = true; }},
    };
    rows += graphql;
    const QList<FieldRow> grpc = {
        {"target", RequestStyle::Grpc, [](D &d) { d.grpc.target = QStringLiteral("{{grpcTarget}}"); }},
        {"method", RequestStyle::Grpc, [](D &d) { d.grpc.method = QStringLiteral("orders.v1.OrderService/GetUser"); }},
        {"message", RequestStyle::Grpc, [](D &d) { d.grpc.message = QStringLiteral("{\n  \"user_id\": 42\n}\n"); }},
        {"metadata", RequestStyle::Grpc,
         [](D &d) {
             d.grpc.metadata = {{QStringLiteral("x-a"), kText, true}};
         }},
        {"deadline", RequestStyle::Grpc, [](D &d) { d.grpc.deadlineMs = 1234; }},
        {"proto files with import paths", RequestStyle::Grpc,
         [](D &d) {
             d.grpc.protoSource = workspace::ProtoSource::ProtoFiles;
             d.grpc.protoFiles = {QStringLiteral("orders/v1/orders.proto"), QStringLiteral("common.proto")};
             d.grpc.importPaths = {QStringLiteral("proto"), QStringLiteral("third_party")};
         }},
        {"descriptor set", RequestStyle::Grpc,
         [](D &d) {
             d.grpc.protoSource = workspace::ProtoSource::DescriptorSet;
             d.grpc.descriptorSetFile = QStringLiteral("orders.pb");
         }},
        {"tls enabled", RequestStyle::Grpc, [](D &d) { d.grpc.tls.enabled = true; }},
        {"tls ca file", RequestStyle::Grpc, [](D &d) { d.grpc.tls.caFile = QStringLiteral("ca.pem"); }},
        {"tls client certificate", RequestStyle::Grpc,
         [](D &d) { d.grpc.tls.clientCertificate = QStringLiteral("me.pem"); }},
        {"tls client key", RequestStyle::Grpc, [](D &d) { d.grpc.tls.clientKey = QStringLiteral("me.key"); }},
        {"tls authority", RequestStyle::Grpc, [](D &d) { d.grpc.tls.authority = QStringLiteral("orders.local"); }},
        {"tls skip verification", RequestStyle::Grpc, [](D &d) { d.grpc.tls.skipVerification = true; }},
        {"notes", RequestStyle::Grpc, [](D &d) { d.notes = QStringLiteral("Line one\nline two\n"); }},
    };
    rows += grpc;
    return rows;
}

} // namespace

class TestPaneEditors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFieldHasAnEditor_data() {
        QTest::addColumn<int>("row");
        const auto rows = fieldRows();
        for (int i = 0; i < rows.size(); ++i) {
            QTest::addRow("%s: %s", qPrintable(workspace::styleName(rows.at(i).style)), rows.at(i).name) << i;
        }
    }
    void everyFieldHasAnEditor() {
        QFETCH(int, row);
        const FieldRow field = fieldRows().at(row);
        RequestDocument document;
        document.style = field.style;
        field.change(document);
        QVERIFY(document != RequestDocument{field.style}); // the row changes something
        auto pane = paneFor(field.style);
        pane->loadDocument(document);
        forget(pane.get(), field.style);
        QCOMPARE(pane->toDocument(), document);
    }

    void everySampleRequestComesBackFromTheEditors_data() {
        QTest::addColumn<QString>("path");
        workspace::Workspace sample;
        QVERIFY(sample.open(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE)));
        for (const QString &path : sample.requestPaths())
            QTest::newRow(qPrintable(path)) << path;
    }
    void everySampleRequestComesBackFromTheEditors() {
        QFETCH(QString, path);
        workspace::Workspace sample;
        QVERIFY(sample.open(QStringLiteral(TRIPTYCH_SAMPLE_WORKSPACE)));
        const auto loaded = sample.load(path);
        QVERIFY(loaded.ok());
        auto pane = paneFor(loaded.document.style);
        pane->loadDocument(loaded.document);
        QCOMPARE(pane->toDocument(), loaded.document);
        forget(pane.get(), loaded.document.style);
        RequestDocument expected = loaded.document;
        expected.name.clear(); // the file's name, not a pane's field
        // The checks come back from the pane's Checks tab, which keeps the file's list while its table is unedited.
        // With one operation in the document the name can only be that one's, and the operation box is hidden:
        // the pane's copy keeps whether the file wrote it.
        if (ui::GraphQLPane::operationNames(expected.graphql.document).size() == 1)
            expected.graphql.operationName.clear();
        QCOMPARE(pane->toDocument(), expected);
    }

    void editsLandInTheirFields() {
        ui::RestPane rest;
        rest.loadDocument({});
        rest.notesEditor()->textEdit()->setPlainText(QStringLiteral("*why*"));
        rest.apiKeyNameEdit()->setText(QStringLiteral("X-Token"));
        rest.apiKeyPlacementBox()->setCurrentIndex(int(workspace::ApiKeyPlacement::Query));
        rest.moreOptionsEditor()->gzipCheck()->setChecked(true);
        rest.moreOptionsEditor()->versionBox()->setCurrentIndex(int(workspace::HttpVersion::Http2));
        rest.multipartEditor()->addPart({QStringLiteral("a"), QStringLiteral("1"), {}, {}, true});
        auto document = rest.toDocument();
        QCOMPARE(document.notes, QStringLiteral("*why*"));
        QCOMPARE(document.http.auth.apiKeyName, QStringLiteral("X-Token"));
        QCOMPARE(document.http.auth.apiKeyIn, workspace::ApiKeyPlacement::Query);
        QVERIFY(document.http.options.acceptGzip);
        QCOMPARE(document.http.options.httpVersion, workspace::HttpVersion::Http2);
        QCOMPARE(document.http.body.multipart.size(), 1);

        ui::GraphQLPane graphql;
        graphql.loadDocument({workspace::RequestStyle::GraphQL});
        graphql.authEditor()->kindBox()->setCurrentIndex(int(workspace::AuthKind::Bearer));
        graphql.authEditor()->tokenEdit()->setText(QStringLiteral("{{token}}"));
        graphql.optionsEditor()->transportBox()->setCurrentIndex(int(workspace::GraphQLTransport::HttpGet));
        graphql.optionsEditor()->persistedQueryCheck()->setChecked(true);
        graphql.optionsEditor()->httpOptions()->timeoutBox()->setValue(500);
        document = graphql.toDocument();
        QCOMPARE(document.http.auth.kind, workspace::AuthKind::Bearer);
        QCOMPARE(document.http.auth.token, QStringLiteral("{{token}}"));
        QCOMPARE(document.graphql.transport, workspace::GraphQLTransport::HttpGet);
        QVERIFY(document.graphql.persistedQuery);
        QCOMPARE(document.http.options.timeoutMs, 500);

        ui::GrpcPane grpc;
        grpc.loadDocument({workspace::RequestStyle::Grpc});
        auto *connection = grpc.connectionEditor();
        connection->sourceBox()->setCurrentIndex(int(workspace::ProtoSource::ProtoFiles));
        QVERIFY(connection->protoFilesEdit()->isEnabled());
        QVERIFY(!connection->descriptorSetEdit()->isEnabled());
        connection->protoFilesEdit()->setPlainText(QStringLiteral("a.proto\n\n  b.proto \n"));
        connection->importPathsEdit()->setPlainText(QStringLiteral("proto"));
        connection->tlsCheck()->setChecked(true);
        connection->authorityEdit()->setText(QStringLiteral("orders.local"));
        document = grpc.toDocument();
        QCOMPARE(document.grpc.protoSource, workspace::ProtoSource::ProtoFiles);
        QCOMPARE(document.grpc.protoFiles, (QStringList{QStringLiteral("a.proto"), QStringLiteral("b.proto")}));
        QCOMPARE(document.grpc.importPaths, QStringList{QStringLiteral("proto")});
        QVERIFY(document.grpc.tls.enabled);
        QCOMPARE(document.grpc.tls.authority, QStringLiteral("orders.local"));
    }

    void authShowsTheRowsOfItsKind_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("user");
        QTest::addColumn<bool>("token");
        QTest::addColumn<bool>("key");
        QTest::newRow("none") << int(workspace::AuthKind::None) << false << false << false;
        QTest::newRow("basic") << int(workspace::AuthKind::Basic) << true << false << false;
        QTest::newRow("bearer") << int(workspace::AuthKind::Bearer) << false << true << false;
        QTest::newRow("api key") << int(workspace::AuthKind::ApiKey) << false << false << true;
    }
    void authShowsTheRowsOfItsKind() {
        QFETCH(int, kind);
        ui::AuthEditor editor;
        editor.show();
        editor.kindBox()->setCurrentIndex(kind);
        QTEST(editor.userEdit()->isVisible(), "user");
        QTEST(editor.passwordEdit()->isVisible(), "user");
        QTEST(editor.tokenEdit()->isVisible(), "token");
        QTEST(editor.keyNameEdit()->isVisible(), "key");
        QTEST(editor.keyPlacementBox()->isVisible(), "key");
    }

    void notesPreviewRendersMarkdown() {
        ui::NotesEditor notes;
        notes.setNotes(QStringLiteral("# Title\n\nSome *words*.\n"));
        notes.previewSwitch()->setChecked(true);
        QCOMPARE(notes.previewView()->toPlainText().split(QLatin1Char('\n')).first(), QStringLiteral("Title"));
        QCOMPARE(notes.notes(), QStringLiteral("# Title\n\nSome *words*.\n")); // the text stays as typed
    }
};

QTEST_MAIN(TestPaneEditors)
#include "test_paneeditors.moc"
