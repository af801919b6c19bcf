// The schema a saved gRPC request names by files, as `triptych-cli send`, `run` and the Runner read it: .proto files on
// import paths relative to the workspace, a descriptor set, or reflection (no files); and the key a run caches it by.
#include "app/interop/requestschema.h"

#include <QFileInfo>
#include <QTest>

Q_DECLARE_METATYPE(triptych::workspace::GrpcPart)

using namespace triptych;
using namespace triptych::interop;
using namespace triptych::workspace;

namespace {

const QString kProtoRoot = QStringLiteral(TRIPTYCH_PROTO_DIR);
const QString kProtosetDir = QStringLiteral(TRIPTYCH_PROTOSET_DIR);

GrpcPart protoFiles(const QStringList &files, const QStringList &importPaths) {
    GrpcPart grpc;
    grpc.protoSource = ProtoSource::ProtoFiles;
    grpc.protoFiles = files;
    grpc.importPaths = importPaths;
    return grpc;
}

GrpcPart descriptorSet(const QString &file) {
    GrpcPart grpc;
    grpc.protoSource = ProtoSource::DescriptorSet;
    grpc.descriptorSetFile = file;
    return grpc;
}

} // namespace

class TestRequestSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void schemas_data() {
        QTest::addColumn<GrpcPart>("grpc");
        QTest::addColumn<QString>("root");
        QTest::addColumn<bool>("loaded");
        QTest::addColumn<QString>("error"); // a part of it
        const QString parent = QFileInfo(kProtoRoot).absolutePath();
        QTest::newRow("proto files, the root as import path")
            << protoFiles({QStringLiteral("orders/v1/orders.proto")}, {}) << kProtoRoot << true << QString();
        QTest::newRow("proto files, an import path relative to the root")
            << protoFiles({QStringLiteral("orders/v1/orders.proto")}, {QStringLiteral("proto")}) << parent << true
            << QString();
        QTest::newRow("proto file missing") << protoFiles({QStringLiteral("orders/v1/nothing.proto")}, {}) << kProtoRoot
                                            << false << QStringLiteral("nothing.proto");
        QTest::newRow("descriptor set relative to the root")
            << descriptorSet(QStringLiteral("orders.protoset")) << kProtosetDir << true << QString();
        QTest::newRow("descriptor set missing") << descriptorSet(QStringLiteral("gone.protoset")) << kProtosetDir
                                                << false << QStringLiteral("cannot read the descriptor set");
    }

    void schemas() {
        QFETCH(GrpcPart, grpc);
        QFETCH(QString, root);
        QFETCH(bool, loaded);
        QFETCH(QString, error);
        QString text;
        const auto schema = schemaFromRequestFiles(grpc, root, &text);
        QVERIFY(schema.has_value());
        QCOMPARE(bool(*schema), loaded);
        if (loaded)
            QVERIFY((*schema)->findMethod(QStringLiteral("orders.v1.OrderService/GetUser")));
        else
            QVERIFY2(text.contains(error), qPrintable(text));
    }

    void reflectionNamesNoFiles() {
        GrpcPart grpc;
        grpc.protoSource = ProtoSource::Reflection;
        QString error;
        QVERIFY(!schemaFromRequestFiles(grpc, kProtoRoot, &error).has_value());
        QVERIFY(error.isEmpty());
        QVERIFY(requestFilesKey(grpc).isEmpty());
    }

    void keysTellFilesApart() {
        const QString a = requestFilesKey(protoFiles({QStringLiteral("a.proto"), QStringLiteral("b.proto")}, {}));
        const QString b = requestFilesKey(protoFiles({QStringLiteral("a.proto")}, {QStringLiteral("b.proto")}));
        const QString c = requestFilesKey(descriptorSet(QStringLiteral("a.proto")));
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        QVERIFY(a != b && b != c && a != c);
        QCOMPARE(requestFilesKey(protoFiles({QStringLiteral("a.proto"), QStringLiteral("b.proto")}, {})), a);
    }
};

QTEST_GUILESS_MAIN(TestRequestSchema)
#include "test_requestschema.moc"
