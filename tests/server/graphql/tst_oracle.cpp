// Compares the engine with graphql-js 16 (oracle/expected.json, written by oracle/oracle.js) document by document;
// each row is named after the spec section it exercises. testLiveOracle re-runs graphql-js when node has it.
#include "server/graphql/execution/executor.h"
#include "server/graphql/execution/jsonresolver.h"
#include "server/graphql/json.h"
#include "server/graphql/schema/schema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych::graphql;

namespace {

QByteArray readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString oracleDir() {
    return QStringLiteral(TRIPTYCH_ORACLE_DIR);
}

} // namespace

class TestOracle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void compareWithGraphqlJs_data();
    void compareWithGraphqlJs();
    void testLiveOracle();

private:
    std::string run(const QJsonObject &document) const;

    std::shared_ptr<Schema> m_schema;
    Value m_data;
    Value m_rawDocuments;
    QJsonArray m_documents;
};

void TestOracle::initTestCase() {
    const QByteArray sdl = readFile(oracleDir() + QStringLiteral("/schema.graphql"));
    SchemaResult built = Schema::fromSdl(sdl.toStdString());
    QVERIFY2(built.ok(), built.errors.empty() ? "" : built.errors.front().c_str());
    m_schema = built.schema;
    m_schema->setDefaultResolver(jsonFieldResolver());
    auto data = parseJson(readFile(oracleDir() + QStringLiteral("/data.json")).toStdString());
    QVERIFY(data.has_value());
    m_data = std::move(*data);
    const QByteArray documents = readFile(oracleDir() + QStringLiteral("/documents.json"));
    m_documents = QJsonDocument::fromJson(documents).array();
    QVERIFY(!m_documents.isEmpty());
    m_rawDocuments = parseJson(documents.toStdString()).value_or(Value());
    QCOMPARE(m_rawDocuments.asList().size(), std::size_t(m_documents.size()));
    for (int i = 0; i < m_documents.size(); ++i) {
        QJsonObject object = m_documents.at(i).toObject();
        object.insert(QStringLiteral("index"), i);
        m_documents.replace(i, object);
    }
}

std::string TestOracle::run(const QJsonObject &document) const {
    ExecutionRequest request;
    request.rootValue = jsonObject(m_data);
    request.operationName = document.value(QStringLiteral("operationName")).toString().toStdString();
    // Variables come from the raw JSON so that their key order survives (QJsonObject sorts keys).
    const int index = document.value(QStringLiteral("index")).toInt();
    if (const Value *variables = m_rawDocuments.asList().at(std::size_t(index)).find("variables"))
        request.variables = *variables;
    const std::string query = document.value(QStringLiteral("query")).toString().toStdString();
    return executeQuery(*m_schema, query, std::move(request)).toJson();
}

void TestOracle::compareWithGraphqlJs_data() {
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("expected");
    const QJsonArray expected =
        QJsonDocument::fromJson(readFile(oracleDir() + QStringLiteral("/expected.json"))).array();
    QCOMPARE(expected.size(), m_documents.size());
    for (int i = 0; i < m_documents.size(); ++i) {
        const QString name = m_documents.at(i).toObject().value(QStringLiteral("name")).toString();
        QTest::addRow("%d %s", i, qPrintable(name)) << i << expected.at(i).toString().toUtf8();
    }
}

void TestOracle::compareWithGraphqlJs() {
    QFETCH(int, index);
    QFETCH(QByteArray, expected);
    const std::string actual = run(m_documents.at(index).toObject());
    // Compare parsed JSON (key order matters to graphql-js users, so compare the text as well where it differs).
    const QJsonDocument a = QJsonDocument::fromJson(QByteArray::fromStdString(actual));
    const QJsonDocument e = QJsonDocument::fromJson(expected);
    if (a != e)
        QCOMPARE(QByteArray::fromStdString(actual), expected);
    QCOMPARE(QByteArray::fromStdString(actual), expected);
}

void TestOracle::testLiveOracle() {
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    const QString modules = qEnvironmentVariable("TRIPTYCH_GRAPHQL_JS", QStringLiteral("/tmp/gqloracle/node_modules"));
    if (node.isEmpty() || !QFile::exists(modules + QStringLiteral("/graphql/package.json")))
        QSKIP("graphql-js not installed: mkdir -p /tmp/gqloracle && cd /tmp/gqloracle && npm install graphql@16");
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("expected.json"));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NODE_PATH"), modules);
    process.setProcessEnvironment(env);
    process.start(node, {oracleDir() + QStringLiteral("/oracle.js"), out});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QJsonArray expected = QJsonDocument::fromJson(readFile(out)).array();
    QCOMPARE(expected.size(), m_documents.size());
    int agree = 0;
    for (int i = 0; i < m_documents.size(); ++i)
        agree += run(m_documents.at(i).toObject()) == expected.at(i).toString().toStdString() ? 1 : 0;
    qInfo("graphql-js agrees on %d of %d documents", agree, int(m_documents.size()));
    QCOMPARE(agree, int(m_documents.size()));
}

QTEST_GUILESS_MAIN(TestOracle)
#include "tst_oracle.moc"
