// Descriptor sets written by protoc (as grpcurl's -protoset reads them): one gRPC request per method, and a call made
// with the set's schema to the in-process server; the grpcurl command names the set.
#include "app/client/grpccaller.h"
#include "app/interop/grpcurlexport.h"
#include "app/interop/protoset.h"
#include "tests/support/testorderserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

QByteArray read(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString kWithImports = QStringLiteral(TRIPTYCH_PROTOSET_DIR "/orders.protoset");
const QString kWithoutImports = QStringLiteral(TRIPTYCH_PROTOSET_DIR "/orders-alone.protoset");

} // namespace

class TestProtoset : public QObject {
    Q_OBJECT
    testing::TestOrderServer m_server;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }
    void cleanupTestCase() { m_server.stop(); }

    void oneRequestPerMethod() {
        const ImportResult result = importProtoset(read(kWithImports), kWithImports);
        QVERIFY(result.ok());
        QCOMPARE(result.collectionName, QString("orders"));
        QCOMPARE(result.requests.size(), 8); // orders.v1.OrderService's methods
        const ImportedRequest &first = result.requests.first();
        QCOMPARE(first.folder, QString("orders.v1.OrderService"));
        QCOMPARE(first.document.style, RequestStyle::Grpc);
        QCOMPARE(first.document.grpc.method, QString("orders.v1.OrderService/GetUser"));
        QCOMPARE(first.document.grpc.protoSource, ProtoSource::DescriptorSet);
        QCOMPARE(first.document.grpc.descriptorSetFile, kWithImports);
        QCOMPARE(first.document.grpc.target, QString("{{grpcTarget}}"));
        QVERIFY(QJsonDocument::fromJson(first.document.grpc.message.toUtf8()).object().contains("user_id"));
        // A client stream's messages are a JSON array.
        bool sawStream = false;
        for (const auto &request : result.requests) {
            if (request.document.name == "UploadOrders")
                sawStream = request.document.grpc.message.startsWith('[');
        }
        QVERIFY(sawStream);
        const QString command = toGrpcurlCommand(first.document);
        QVERIFY2(command.contains("-protoset " + kWithImports), qPrintable(command));
    }

    void refusesBadSets_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("not a set") << QByteArray("{\"json\": true}") << "not a descriptor set";
        QTest::newRow("empty") << QByteArray() << "not a descriptor set";
        QTest::newRow("without its imports")
            << read(kWithoutImports)
            << "orders/v1/orders.proto imports google/protobuf/field_mask.proto, which the set does not hold";
    }
    void refusesBadSets() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        const ImportResult result = importProtoset(bytes, "x.protoset");
        QVERIFY(!result.ok());
        QVERIFY2(result.diagnostics.first().message.startsWith(message), qPrintable(result.diagnostics.first().text()));
    }

    void callsWithTheSetsSchema() {
        QString error;
        const auto schema = schemaFromDescriptorSet(read(kWithImports), &error);
        QVERIFY2(schema, qPrintable(error));
        client::GrpcCaller caller;
        QSignalSpy finished(&caller, &client::GrpcCaller::callFinished);
        client::GrpcRequest request;
        request.target = m_server.grpcTarget();
        request.method = "orders.v1.OrderService/GetUser";
        request.messages = {"{\"user_id\": 42}"};
        caller.call(schema, request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10'000);
        const auto record = finished.first().first().value<client::CallRecord>();
        QCOMPARE(record.grpcCode, 0);
        QVERIFY(QJsonDocument::fromJson(record.messages.last().json()).object().contains("name"));
    }
};

QTEST_GUILESS_MAIN(TestProtoset)
#include "test_protoset.moc"
