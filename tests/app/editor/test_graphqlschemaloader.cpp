// GraphQLSchemaLoader against the embedded server: the contract's schema by introspection, and why a load fails.
#include "app/editor/graphqlcompleter.h"
#include "app/editor/graphqlschemaloader.h"
#include "tests/support/testorderserver.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace triptych;
using namespace triptych::editor;

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
