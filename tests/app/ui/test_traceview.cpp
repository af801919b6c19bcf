#include "app/client/graphqlcaller.h"
#include "app/client/grpccaller.h"
#include "app/client/grpcreflection.h"
#include "app/client/restcaller.h"
#include "app/model/keyvaluemodel.h"
#include "app/model/spantreemodel.h"
#include "app/ui/traceview.h"
#include "server/host/orderserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace triptych;

namespace {

constexpr int kCallTimeoutMs = 15'000;

struct OtlpSpan {
    QString id;
    QString parent;
    QString name;
    bool rpc = false;
    bool sql = false;
};

// The server's own record of a trace, read straight from OTLP/JSON.
QList<OtlpSpan> parseOtlp(const QByteArray &json) {
    QList<OtlpSpan> spans;
    const auto resources = QJsonDocument::fromJson(json).object().value(QStringLiteral("resourceSpans")).toArray();
    for (const auto &resource : resources) {
        for (const auto &scope : resource.toObject().value(QStringLiteral("scopeSpans")).toArray()) {
            for (const auto &value : scope.toObject().value(QStringLiteral("spans")).toArray()) {
                const auto object = value.toObject();
                OtlpSpan span{object.value(QStringLiteral("spanId")).toString(),
                              object.value(QStringLiteral("parentSpanId")).toString(),
                              object.value(QStringLiteral("name")).toString()};
                for (const auto &attribute : object.value(QStringLiteral("attributes")).toArray()) {
                    const QString key = attribute.toObject().value(QStringLiteral("key")).toString();
                    span.rpc = span.rpc || key == QLatin1String("rpc.system");
                    span.sql = span.sql || key == QLatin1String("db.statement");
                }
                spans.append(span);
            }
        }
    }
    return spans;
}

int countRows(const QAbstractItemModel &model, const QModelIndex &parent = {}) {
    int count = 0;
    for (int row = 0; row < model.rowCount(parent); ++row)
        count += 1 + countRows(model, model.index(row, 0, parent));
    return count;
}

} // namespace

// The waterfall's span tree against the server's own trace (/debug/traces/{id}), for a call of each style and for
// GraphQL in gateway mode (GraphQL → gRPC client → gRPC server → SQL).
class TestTraceView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        ServerOptions options;
        options.httpPort = 0;
        options.grpcPort = 0;
        options.users = 100;
        m_server = std::make_unique<OrderServer>(options);
        QVERIFY(m_server->start().ok());
        options.gateway = true;
        m_gateway = std::make_unique<OrderServer>(options);
        QVERIFY(m_gateway->start().ok());
    }

    void spanTreeMatchesServerTrace_data() {
        QTest::addColumn<int>("style");
        QTest::addColumn<bool>("gateway");
        QTest::newRow("REST") << int(client::CallKind::Rest) << false;
        QTest::newRow("GraphQL") << int(client::CallKind::GraphQL) << false;
        QTest::newRow("gRPC") << int(client::CallKind::Grpc) << false;
        QTest::newRow("GraphQL gateway") << int(client::CallKind::GraphQL) << true;
    }
    void spanTreeMatchesServerTrace() {
        QFETCH(int, style);
        QFETCH(bool, gateway);
        const OrderServer &server = gateway ? *m_gateway : *m_server;
        const client::CallRecord record = call(client::CallKind(style), server);
        QVERIFY2(record.ok(), qPrintable(record.error.text()));
        QCOMPARE(record.traceSource, client::TraceSource::DebugTraces);
        const QList<OtlpSpan> expected = parseOtlp(fetch(server, QStringLiteral("/debug/traces/") + record.traceId));
        QVERIFY(!expected.isEmpty());

        ui::TraceView view;
        QAbstractItemModelTester tester(view.spanModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.showRecord(record);
        const auto &model = *view.spanModel();
        QCOMPARE(model.rowCount(), 1); // everything under the client's total
        const QModelIndex client = model.index(0, 0);
        QCOMPARE(client.data().toString(), QStringLiteral("client total"));
        QCOMPARE(countRows(model), int(record.spans.size()));
        QCOMPARE(record.serverSpanCount(), int(expected.size()));

        QSet<QString> ids;
        for (const auto &span : expected)
            ids.insert(span.id);
        int roots = 0;
        for (const auto &span : expected) {
            const QModelIndex node = model.indexOfSpan(span.id);
            QVERIFY2(node.isValid(), qPrintable(span.name));
            QCOMPARE(node.data().toString(), span.name);
            if (ids.contains(span.parent)) {
                QCOMPARE(node.parent().data(model::SpanTreeModel::SpanIdRole).toString(), span.parent);
            } else {
                QCOMPARE(node.parent(), client); // the server's root: its parent is the client's traceparent
                ++roots;
            }
            // Children: exactly the spans the server names as this one's children.
            int children = 0;
            for (const auto &other : expected)
                children += other.parent == span.id ? 1 : 0;
            QCOMPARE(model.rowCount(node), children);
        }
        QCOMPARE(roots, 1);

        if (gateway) {
            // GraphQL → gRPC client → gRPC server → SQL: a SQL span below two rpc spans below the HTTP root.
            bool found = false;
            for (const auto &span : expected) {
                if (!span.sql)
                    continue;
                int rpcAncestors = 0;
                QModelIndex up = model.indexOfSpan(span.id).parent();
                QString rootName;
                for (; up.isValid() && up != client; up = up.parent()) {
                    const QString id = up.data(model::SpanTreeModel::SpanIdRole).toString();
                    for (const auto &other : expected)
                        rpcAncestors += other.id == id && other.rpc ? 1 : 0;
                    rootName = up.data().toString();
                }
                found = found || (rpcAncestors >= 2 && rootName.contains(QStringLiteral("graphql")));
            }
            QVERIFY2(found, "no SQL span under a gRPC client and server span under the GraphQL request");
        }
    }

    void selectionShowsAttributesAndExportWrites() {
        const client::CallRecord record = call(client::CallKind::Rest, *m_server);
        ui::TraceView view;
        view.showRecord(record);
        QVERIFY(view.headerText().contains(record.traceId.left(8)));
        // Select a SQL span: its statement shows beside the tree.
        QModelIndex sql;
        std::function<void(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int row = 0; row < view.spanModel()->rowCount(parent) && !sql.isValid(); ++row) {
                const QModelIndex index = view.spanModel()->index(row, 0, parent);
                if (index.data(model::SpanTreeModel::IsSqlRole).toBool())
                    sql = index;
                find(index);
            }
        };
        find({});
        QVERIFY(sql.isValid());
        view.treeView()->setCurrentIndex(sql);
        bool hasStatement = false;
        for (const auto &[key, value] : view.attributesModel()->pairs())
            hasStatement =
                hasStatement || (key == QLatin1String("db.statement") && value.contains(QStringLiteral("SELECT")));
        QVERIFY(hasStatement);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trace.json"));
        QString error;
        QVERIFY2(view.exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<OtlpSpan> exported = parseOtlp(file.readAll());
        QCOMPARE(exported.size(), record.spans.size());
    }

    void cleanupTestCase() {
        m_gateway.reset();
        m_server.reset();
    }

private:
    static QString base(const OrderServer &server) {
        return QStringLiteral("http://127.0.0.1:%1").arg(server.httpPort());
    }

    QByteArray fetch(const OrderServer &server, const QString &path) {
        client::RestCaller caller;
        QSignalSpy done(&caller, &client::RestCaller::callFinished);
        client::RestRequest request;
        request.url = base(server) + path;
        request.sendTraceparent = false;
        request.fetchServerTrace = false;
        caller.send(request);
        if (!done.wait(kCallTimeoutMs))
            return {};
        return done.first().at(0).value<client::CallRecord>().body;
    }

    client::CallRecord call(client::CallKind kind, const OrderServer &server) {
        if (kind == client::CallKind::Rest) {
            client::RestCaller caller;
            QSignalSpy done(&caller, &client::RestCaller::callFinished);
            client::RestRequest request;
            request.url = base(server) + QStringLiteral("/v1/users/42/orders");
            caller.send(request);
            return done.wait(kCallTimeoutMs) ? done.first().at(0).value<client::CallRecord>() : client::CallRecord{};
        }
        if (kind == client::CallKind::GraphQL) {
            client::GraphQLCaller caller;
            QSignalSpy done(&caller, &client::GraphQLCaller::callFinished);
            client::GraphQLRequest request;
            request.url = base(server) + QStringLiteral("/graphql");
            request.query = QStringLiteral("{ user(id: 42) { name orders(first: 3) { id product } } }");
            caller.send(request);
            return done.wait(kCallTimeoutMs) ? done.first().at(0).value<client::CallRecord>() : client::CallRecord{};
        }
        const QString target = QStringLiteral("127.0.0.1:%1").arg(server.grpcPort());
        client::GrpcReflection reflection;
        QSignalSpy loaded(&reflection, &client::GrpcReflection::schemaLoaded);
        reflection.load(client::ReflectionRequest{target});
        if (!loaded.wait(kCallTimeoutMs))
            return {};
        client::GrpcCaller caller;
        QSignalSpy done(&caller, &client::GrpcCaller::callFinished);
        client::GrpcRequest request;
        request.target = target;
        request.method = QStringLiteral("orders.v1.OrderService/GetUserOrders");
        request.messages = {QByteArray(R"({"user_id": 42})")};
        request.traceBaseUrl = base(server);
        caller.call(loaded.first().at(0).value<client::GrpcSchemaPtr>(), request);
        return done.wait(kCallTimeoutMs) ? done.first().at(0).value<client::CallRecord>() : client::CallRecord{};
    }

    std::unique_ptr<OrderServer> m_server;
    std::unique_ptr<OrderServer> m_gateway;
};

QTEST_MAIN(TestTraceView)
#include "test_traceview.moc"
