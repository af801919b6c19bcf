// The one DomainError → gRPC status mapping, the read mask and the peer key: pure functions, one row per case.
#include "server/grpc/callchecks.h"
#include "server/grpc/readmask.h"
#include "server/grpc/statusmapping.h"
#include "tests/server/grpc/rpctesting.h"

#include <QtTest>

#include <google/protobuf/field_mask.pb.h>

using namespace triptych;
using namespace triptych::testing;

class TestStatusMapping : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mapsEveryErrorCode_data() {
        QTest::addColumn<int>("domainCode");
        QTest::addColumn<int>("grpcCode");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("badRequest");
        QTest::addColumn<bool>("retry");
        using E = ErrorCode;
        using G = grpc::StatusCode;
        QTest::newRow("INVALID_ARGUMENT") << int(E::InvalidArgument) << int(G::INVALID_ARGUMENT) << "" << true << false;
        QTest::newRow("NOT_FOUND") << int(E::NotFound) << int(G::NOT_FOUND) << "USER_NOT_FOUND" << false << false;
        QTest::newRow("FAILED_PRECONDITION")
            << int(E::FailedPrecondition) << int(G::FAILED_PRECONDITION) << "ORDER_ALREADY_DELIVERED" << false << false;
        QTest::newRow("UNAUTHENTICATED") << int(E::Unauthenticated) << int(G::UNAUTHENTICATED) << "UNAUTHENTICATED"
                                         << false << false;
        QTest::newRow("RESOURCE_EXHAUSTED")
            << int(E::ResourceExhausted) << int(G::RESOURCE_EXHAUSTED) << "RATE_LIMITED" << false << true;
        QTest::newRow("UNAVAILABLE") << int(E::Unavailable) << int(G::UNAVAILABLE) << "UNAVAILABLE" << false << false;
        QTest::newRow("INTERNAL") << int(E::Internal) << int(G::INTERNAL) << "INTERNAL" << false << false;
    }
    void mapsEveryErrorCode() {
        QFETCH(int, domainCode);
        QFETCH(int, grpcCode);
        QFETCH(QString, reason);
        QFETCH(bool, badRequest);
        QFETCH(bool, retry);
        const auto code = ErrorCode(domainCode);
        DomainError error{code, "what happened", {}, {}};
        if (code == ErrorCode::InvalidArgument)
            error.violations = {{"quantity", "must be between 1 and 1000"}, {"product", "is required"}};
        else if (reason != QString::fromLatin1(toString(code).data()))
            error.reason = reason.toStdString();
        const auto status = rpc::toGrpcStatus(error, std::chrono::milliseconds(1500));
        const auto decoded = decode(status);
        QCOMPARE(decoded.code, grpcCode);
        QCOMPARE(QString::fromStdString(status.error_message()), QStringLiteral("what happened"));
        QVERIFY(decoded.detailsPresent);
        QCOMPARE(decoded.detailsCode, grpcCode);
        if (badRequest) {
            QCOMPARE(decoded.violationFields, QStringList({"quantity", "product"}));
        } else {
            QCOMPARE(decoded.reason, reason);
            QCOMPARE(decoded.domain, QStringLiteral("triptych.orders.v1"));
        }
        QCOMPARE(decoded.retryDelay.has_value(), retry);
        if (retry)
            QCOMPARE(decoded.retryDelay->count(), 1500);
    }

    void readMask_data() {
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QStringList>("setFields");
        QTest::addColumn<bool>("valid");
        QTest::newRow("empty mask keeps all") << QStringList() << QStringList({"id", "name", "avatar_url"}) << true;
        QTest::newRow("two paths") << QStringList({"name", "avatar_url"}) << QStringList({"name", "avatar_url"})
                                   << true;
        QTest::newRow("JSON form in one path")
            << QStringList({"name,avatar_url"}) << QStringList({"name", "avatar_url"}) << true;
        QTest::newRow("id only") << QStringList({"id"}) << QStringList({"id"}) << true;
        QTest::newRow("camelCase is unknown") << QStringList({"avatarUrl"}) << QStringList() << false;
        QTest::newRow("unknown field") << QStringList({"name", "shoe_size"}) << QStringList() << false;
    }
    void readMask() {
        QFETCH(QStringList, paths);
        QFETCH(QStringList, setFields);
        QFETCH(bool, valid);
        orders::v1::User user;
        user.set_id(42);
        user.set_name("Ada");
        user.set_avatar_url("https://example.test/a.png");
        user.set_email("ada@example.test");
        google::protobuf::FieldMask mask;
        for (const auto &path : paths)
            mask.add_paths(path.toStdString());
        const auto applied = rpc::applyReadMask(mask, user);
        QCOMPARE(applied.ok(), valid);
        if (!valid) {
            QCOMPARE(int(applied.error().code), int(ErrorCode::InvalidArgument));
            QCOMPARE(applied.error().violations.front().field, std::string("read_mask"));
            QCOMPARE(user.email(), std::string("ada@example.test")); // untouched
            return;
        }
        QCOMPARE(user.id() != 0, setFields.contains("id"));
        QCOMPARE(!user.name().empty(), setFields.contains("name"));
        QCOMPARE(!user.avatar_url().empty(), setFields.contains("avatar_url"));
        QCOMPARE(!user.email().empty(), paths.isEmpty());
    }

    void peerAddress_data() {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QString>("key");
        QTest::newRow("ipv4") << "ipv4:127.0.0.1:50123"
                              << "127.0.0.1";
        QTest::newRow("ipv6") << "ipv6:[::1]:50123"
                              << "::1";
        QTest::newRow("unix socket") << "unix:/tmp/s"
                                     << "unix:/tmp/s";
    }
    void peerAddress() {
        QFETCH(QString, peer);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(rpc::CallChecks::peerAddress(peer.toStdString())), key);
    }
};

QTEST_GUILESS_MAIN(TestStatusMapping)
#include "test_statusmapping.moc"
