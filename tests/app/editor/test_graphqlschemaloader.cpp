// GraphQLSchemaLoader against the embedded server: the contract's schema by introspection, and why a load fails.
#include "app/client/graphqlschema.h"
#include "app/editor/graphqlcompleter.h"
#include "app/editor/graphqlschemaloader.h"
#include "tests/support/testorderserver.h"

#include "server/graphql/execution/executor.h"
#include "server/graphql/schema/clientschema.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace triptych;
using namespace triptych::editor;

namespace {

// An HTTP server that answers as an older GraphQL server does: the full introspection query (which asks for
// isOneOf) is refused with a validation error, the classic one is answered. Each answer closes the connection.
class OldGraphQLServer : public QTcpServer {
public:
    explicit OldGraphQLServer(QByteArray introspection)
        : m_introspection(std::move(introspection)) {
        connect(this, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *socket = nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
        });
    }
    QList<bool> askedForOneOf;

private:
    void answer(QTcpSocket *socket) {
        m_buffer[socket] += socket->readAll();
        const QByteArray &request = m_buffer[socket];
        const qsizetype headerEnd = request.indexOf("\r\n\r\n");
        const qsizetype lengthAt = request.toLower().indexOf("content-length:");
        if (headerEnd < 0 || lengthAt < 0)
            return;
        const int length =
            request.mid(lengthAt + 15, request.indexOf("\r\n", lengthAt) - lengthAt - 15).trimmed().toInt();
        if (request.size() < headerEnd + 4 + length)
            return;
        const bool oneOf = request.contains("isOneOf");
        askedForOneOf.append(oneOf);
        const QByteArray body =
            oneOf ? QByteArray("{\"errors\":[{\"message\":\"Cannot query field 'isOneOf' on type '__Type'.\"}]}")
                  : m_introspection;
        socket->write("HTTP/1.1 " + QByteArray(oneOf ? "400 Bad Request" : "200 OK") +
                      "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
        m_buffer.remove(socket);
    }

    QByteArray m_introspection;
    QHash<QTcpSocket *, QByteArray> m_buffer;
};

} // namespace

class TestGraphQLSchemaLoader : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void cleanupTestCase() { m_server.stop(); }

    void loadsTheContract() {
        GraphQLSchemaLoader loader;
        QSignalSpy loaded(&loader, &GraphQLSchemaLoader::schemaLoaded);
        QSignalSpy failed(&loader, &GraphQLSchemaLoader::schemaLoadFailed);
        client::GraphQLRequest request;
        request.url = m_server.graphqlUrl();
        loader.load(request);
        QVERIFY(loader.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, 20'000);
        QCOMPARE(failed.count(), 0);
        const auto schema = loaded.first().first().value<EditorSchema>();
        QVERIFY(!schema.isNull());
        QVERIFY(!loader.isLoading());
        QVERIFY(schema.toSdl().contains("type Query"));
        // The loaded schema completes: the user type's fields.
        const Completion completion = completeGraphQL(schema, QStringLiteral("{ user(id: 42) { na"), 19);
        QCOMPARE(completion.items.size(), 1);
        QCOMPARE(completion.items.first().label, QStringLiteral("name"));
    }

    void fallsBackToTheClassicQuery() {
        QFile sdl(QStringLiteral(TRIPTYCH_SHOP_SCHEMA));
        QVERIFY(sdl.open(QIODevice::ReadOnly));
        const auto built = graphql::Schema::fromSdl(sdl.readAll().toStdString());
        QVERIFY(built.ok());
        // What an older server answers to the classic query: no isOneOf, specifiedByURL or isRepeatable.
        const std::string json =
            graphql::executeQuery(*built.schema, client::introspectionQuery().toStdString(), {}).toJson();
        OldGraphQLServer server(QByteArray::fromStdString(json));
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        GraphQLSchemaLoader loader;
        QSignalSpy loaded(&loader, &GraphQLSchemaLoader::schemaLoaded);
        QSignalSpy failed(&loader, &GraphQLSchemaLoader::schemaLoadFailed);
        client::GraphQLRequest request;
        request.url = QStringLiteral("http://127.0.0.1:%1/graphql").arg(server.serverPort());
        loader.load(request);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, 20'000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(server.askedForOneOf, (QList<bool>{true, false}));
        QVERIFY(loaded.first().first().value<EditorSchema>().toSdl().contains("type Customer implements Node"));
    }

    void saysWhy_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("why");
        QTest::newRow("not GraphQL") << m_server.httpBase() + "/nowhere"
                                     << "HTTP 404";
        QTest::newRow("no server") << "http://127.0.0.1:1/graphql"
                                   << "127.0.0.1";
    }
    void saysWhy() {
        QFETCH(QString, url);
        QFETCH(QString, why);
        GraphQLSchemaLoader loader;
        QSignalSpy failed(&loader, &GraphQLSchemaLoader::schemaLoadFailed);
        client::GraphQLRequest request;
        request.url = url;
        request.http.timeoutMs = 5'000;
        loader.load(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20'000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(why), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestGraphQLSchemaLoader)
#include "test_graphqlschemaloader.moc"
