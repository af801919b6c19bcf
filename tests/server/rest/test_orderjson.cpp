// The hand-tuned order writer must give exactly what RapidJSON's Writer gives for the same values.
#include "server/domain/timestamps.h"
#include "server/rest/orderjson.h"

#include <QtTest>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

using namespace triptych;

namespace {

std::string viaRapidJson(const Order &o) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    w.Key("id"), w.Int(o.id);
    w.Key("user_id"), w.Int(o.userId);
    w.Key("product"), w.String(o.product.data(), rapidjson::SizeType(o.product.size()));
    w.Key("quantity"), w.Int(o.quantity);
    w.Key("total_cents"), w.Int(o.totalCents);
    const auto status = toString(o.status);
    w.Key("status"), w.String(status.data(), rapidjson::SizeType(status.size()));
    const auto created = formatRfc3339(o.createdAt);
    w.Key("created_at"), w.String(created.data(), rapidjson::SizeType(created.size()));
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

} // namespace

class TestOrderJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesRapidJson_data() {
        QTest::addColumn<QByteArray>("product");
        QTest::addColumn<int>("id");
        QTest::addColumn<qint64>("createdAt");
        QTest::newRow("plain") << QByteArray("Desk Lamp") << 1 << qint64(1717243200);
        QTest::newRow("quote") << QByteArray("27\" Monitor") << 42 << qint64(0);
        QTest::newRow("backslash") << QByteArray("a\\b") << 2147483647 << qint64(4102444800);
        QTest::newRow("control characters") << QByteArray("tab\there\nnew\x01\x1f\b\f\r") << -1 << qint64(-1);
        QTest::newRow("UTF-8 passes through") << QByteArray("S\xc3\xa3o Paulo \xe2\x82\xac") << 7 << qint64(86399);
        QTest::newRow("empty") << QByteArray() << 0 << qint64(951782400);
        QTest::newRow("year 10000 takes the general path") << QByteArray("x") << 3 << qint64(253402300800);
    }
    void matchesRapidJson() {
        QFETCH(QByteArray, product);
        QFETCH(int, id);
        QFETCH(qint64, createdAt);
        const Order order{id, 42, product.toStdString(), 3, 3 * 12900, OrderStatus::Shipped, createdAt};
        std::string fast;
        rest::json::appendOrderJson(fast, order);
        QCOMPARE(QByteArray::fromStdString(fast), QByteArray::fromStdString(viaRapidJson(order)));
    }
};

QTEST_GUILESS_MAIN(TestOrderJson)
#include "test_orderjson.moc"
