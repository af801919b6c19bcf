// The wire bytes of orders written straight from domain orders (server/grpc/orderwire.h) are the bytes protobuf
// writes for the messages toProto builds, for ordinary orders and every edge of proto3's encoding.
#include "server/grpc/orderwire.h"
#include "server/grpc/protoconvert.h"

#include <QtTest>

#include <limits>
#include <vector>

using namespace triptych;
namespace v1 = orders::v1;

namespace {

std::string flatten(const grpc::ByteBuffer &buffer) {
    std::vector<grpc::Slice> slices;
    if (!buffer.Dump(&slices).ok())
        return {};
    std::string bytes;
    for (const auto &slice : slices)
        bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
    return bytes;
}

Order order(OrderId id, UserId user, std::string product, std::int32_t quantity, std::int32_t total, OrderStatus status,
            UnixSeconds createdAt) {
    return Order{id, user, std::move(product), quantity, total, status, createdAt};
}

} // namespace

Q_DECLARE_METATYPE(triptych::Order)

class TestOrderWire : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsProtobuf_data() {
        QTest::addColumn<Order>("value");
        constexpr auto kMin = std::numeric_limits<std::int32_t>::min();
        constexpr auto kMax = std::numeric_limits<std::int32_t>::max();
        QTest::newRow("ordinary") << order(2001, 42, "Mechanical Keyboard", 2, 25800, OrderStatus::Delivered,
                                           1717243200);
        QTest::newRow("every scalar zero") << order(0, 0, "", 0, 0, OrderStatus::Pending, 0);
        QTest::newRow("negative int32 (10-byte varints)") << order(-1, kMin, "x", -7, kMin, OrderStatus::Cancelled, -1);
        QTest::newRow("largest values") << order(kMax, kMax, std::string(300, 'a'), kMax, kMax, OrderStatus::Paid,
                                                 std::numeric_limits<std::int64_t>::max());
        QTest::newRow("varint edges: 127 and 128")
            << order(127, 128, std::string(127, 'q'), 16383, 16384, OrderStatus::Shipped, 128);
        QTest::newRow("product with a quote and UTF-8")
            << order(5, 6, "27\" Monitor \xC3\xA9", 1, 32900, OrderStatus::Paid, 1700000000);
    }
    void sameBytesAsProtobuf() {
        QFETCH(Order, value);
        v1::Order message;
        rpc::toProto(value, message);
        const std::string expected = message.SerializeAsString();
        QCOMPARE(rpc::wire::orderSize(value), expected.size());
        QCOMPARE(flatten(rpc::wire::orderMessage(value)), expected);

        const std::vector<Order> list{value, order(1, 2, "Desk Lamp", 3, 10200, OrderStatus::Pending, 99), value};
        v1::OrderList listMessage;
        rpc::toProto(list, listMessage);
        QCOMPARE(flatten(rpc::wire::orderListMessage(list)), listMessage.SerializeAsString());
    }

    void emptyList() {
        QCOMPARE(flatten(rpc::wire::orderListMessage({})), std::string());
        QCOMPARE(rpc::wire::orderListMessage({}).Length(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestOrderWire)
#include "test_orderwire.moc"
