// "Copy as grpcurl" against grpcurl's documented command line (grpcurl -help, v1.9): flags before the address and the
// method; -plaintext or the TLS flags, never both; -proto with the -import-path its imports are found in (grpcurl
// resolves imports only among the -proto files when given none) and never with -protoset; -max-time in seconds;
// -H 'name: value'; a stream's messages one after another in -d. grpcurl itself is not installable here (Debian 12 and
// npm have no package), so the rules are checked instead of a run.
#include "app/interop/grpcurlexport.h"

#include <QTest>

Q_DECLARE_METATYPE(triptych::workspace::RequestDocument)

using namespace triptych;
using workspace::ProtoSource;
using workspace::RequestDocument;

namespace {

RequestDocument grpcRequest() {
    RequestDocument document;
    document.style = workspace::RequestStyle::Grpc;
    document.grpc.target = QStringLiteral("127.0.0.1:50051");
    document.grpc.method = QStringLiteral("orders.v1.OrderService/GetUser");
    document.grpc.message = QStringLiteral("{\"user_id\": 42}");
    document.grpc.deadlineMs = 2500;
    return document;
}

} // namespace

class TestGrpcurlExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commands_data() {
        QTest::addColumn<RequestDocument>("document");
        QTest::addColumn<QString>("command");
        const QString tail = QStringLiteral(" \\\n  -max-time 2.5 \\\n  -d '{\"user_id\": 42}' \\\n  127.0.0.1:50051 "
                                            "orders.v1.OrderService/GetUser");
        RequestDocument reflection = grpcRequest();
        QTest::newRow("reflection, plaintext") << reflection << QStringLiteral("grpcurl \\\n  -plaintext") + tail;

        RequestDocument files = grpcRequest();
        files.grpc.protoSource = ProtoSource::ProtoFiles;
        files.grpc.protoFiles = {QStringLiteral("orders/v1/orders.proto")};
        QTest::newRow("proto files, no import path: the workspace folder")
            << files
            << QStringLiteral("grpcurl \\\n  -plaintext \\\n  -import-path . \\\n  -proto orders/v1/orders.proto") +
                   tail;
        files.grpc.importPaths = {QStringLiteral("proto"), QStringLiteral("third party")};
        QTest::newRow("proto files and import paths")
            << files
            << QStringLiteral("grpcurl \\\n  -plaintext \\\n  -import-path proto \\\n  -import-path 'third party' "
                              "\\\n  -proto orders/v1/orders.proto") +
                   tail;

        RequestDocument set = grpcRequest();
        set.grpc.protoSource = ProtoSource::DescriptorSet;
        set.grpc.descriptorSetFile = QStringLiteral("/tmp/orders.protoset");
        QTest::newRow("descriptor set")
            << set << QStringLiteral("grpcurl \\\n  -plaintext \\\n  -protoset /tmp/orders.protoset") + tail;

        RequestDocument tls = grpcRequest();
        tls.grpc.tls = {true,
                        QStringLiteral("ca.pem"),
                        QStringLiteral("me.pem"),
                        QStringLiteral("me.key"),
                        QStringLiteral("orders.local"),
                        false};
        tls.grpc.metadata = {{QStringLiteral("authorization"), QStringLiteral("Bearer t"), true},
                             {QStringLiteral("x-off"), QStringLiteral("1"), false}};
        QTest::newRow("TLS with a client certificate, metadata")
            << tls
            << QStringLiteral("grpcurl \\\n  -cacert ca.pem \\\n  -cert me.pem \\\n  -key me.key \\\n  -authority "
                              "orders.local \\\n  -H 'authorization: Bearer t'") +
                   tail;

        RequestDocument stream = grpcRequest();
        stream.grpc.message = QStringLiteral("[{\"a\": 1}, {\"a\": 2}]");
        QTest::newRow("a client stream's messages one after another")
            << stream
            << QStringLiteral("grpcurl \\\n  -plaintext \\\n  -max-time 2.5 \\\n  -d '{\"a\":1}\n{\"a\":2}' \\\n  "
                              "127.0.0.1:50051 orders.v1.OrderService/GetUser");
    }
    void commands() {
        QFETCH(RequestDocument, document);
        QFETCH(QString, command);
        QCOMPARE(interop::toGrpcurlCommand(document), command);
    }

    void otherStylesHaveNoCommand() {
        RequestDocument rest;
        rest.style = workspace::RequestStyle::Rest;
        QVERIFY(interop::toGrpcurlCommand(rest).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGrpcurlExport)
#include "test_grpcurlexport.moc"
