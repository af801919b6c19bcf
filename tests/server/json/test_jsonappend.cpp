// appendValue and appendEscaped against RapidJSON's Writer: the same bytes for every kind of value.
#include "server/json/jsonappend.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <QtTest>

#include <limits>

namespace {

std::string written(const rapidjson::Value &value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
}

std::string appended(const rapidjson::Value &value) {
    std::string out = "prefix:";
    triptych::json::appendValue(out, value);
    return out.substr(7);
}

} // namespace

class TestJsonAppend : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsTheWriter_data() {
        QTest::addColumn<QByteArray>("json"); // parsed, then written both ways
        QTest::newRow("null, booleans") << QByteArray("[null,true,false]");
        QTest::newRow("integers") << QByteArray("[0,-1,2147483647,-2147483648,4294967295,-9223372036854775808]");
        QTest::newRow("uint64 max") << QByteArray("[18446744073709551615]");
        QTest::newRow("doubles") << QByteArray("[0.1,1.0,-2.5,1e300,1.7976931348623157e308,5e-324,123456.789]");
        QTest::newRow("escapes") << QByteArray(
            "[\"quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r bs \\b ff \\f\"]");
        QTest::newRow("control characters") << QByteArray("[\"\\u0000\\u0001\\u001f\\u007f\"]");
        QTest::newRow("UTF-8 kept as is") << QByteArray("[\"Zoë 北京 😀\", \"\\u00e9\"]");
        QTest::newRow("empty containers") << QByteArray("{\"a\":{},\"b\":[],\"\":\"\"}");
        QTest::newRow("key order and escaped keys")
            << QByteArray("{\"z\":1,\"a\":{\"y\\\"\":[1,{\"x\":null}],\"b\\n\":\"c\"}}");
        QTest::newRow("GraphQL answer") << QByteArray("{\"user\":{\"orders\":[{\"id\":\"1\",\"product\":\"Wireless "
                                                      "Mouse\",\"quantity\":2,\"totalCents\":5998}]}}");
    }
    void sameBytesAsTheWriter() {
        QFETCH(QByteArray, json);
        rapidjson::Document document;
        document.Parse(json.constData(), std::size_t(json.size()));
        QVERIFY(!document.HasParseError());
        QCOMPARE(QByteArray::fromStdString(appended(document)), QByteArray::fromStdString(written(document)));
    }

    // Keys that are the very same characters in every object (GraphQL's point into the query): a plain one is
    // remembered and copied, one that needs escaping never is, and a shorter key at the same address is not the same.
    void sharedKeysAsTheWriter_data() {
        QTest::addColumn<QByteArrayList>("keys");
        QTest::newRow("plain keys") << QByteArrayList{"id", "product", "quantity", "totalCents"};
        QTest::newRow("keys that need escaping") << QByteArrayList{"a\"b", "tab\t", "nl\n"};
        QTest::newRow("empty and UTF-8") << QByteArrayList{"", "Zo\xC3\xAB", "\xE2\x82\xAC"};
        QTest::newRow("more keys than remembered positions")
            << QByteArrayList{"k0", "k1",  "k2",  "k3",  "k4",  "k5",  "k6",  "k7",  "k8",
                              "k9", "k10", "k11", "k12", "k13", "k14", "k15", "k16", "k17"};
    }
    void sharedKeysAsTheWriter() {
        QFETCH(QByteArrayList, keys);
        rapidjson::Document document;
        auto &alloc = document.GetAllocator();
        document.SetArray();
        const std::string prefixes = "quantityproducts"; // one buffer: keys at the same address, two lengths
        for (int round = 0; round < 3; ++round) {
            rapidjson::Value object(rapidjson::kObjectType);
            for (const QByteArray &key : keys)
                object.AddMember(rapidjson::StringRef(key.constData(), std::size_t(key.size())), round, alloc);
            object.AddMember(rapidjson::StringRef(prefixes.data(), std::size_t(round == 1 ? 4 : 8)), round, alloc);
            document.PushBack(object, alloc);
        }
        QCOMPARE(QByteArray::fromStdString(appended(document)), QByteArray::fromStdString(written(document)));
    }

    void nonFiniteNumbersBecomeNull_data() {
        QTest::addColumn<double>("number");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("+Infinity") << std::numeric_limits<double>::infinity();
        QTest::newRow("-Infinity") << -std::numeric_limits<double>::infinity();
    }
    void nonFiniteNumbersBecomeNull() {
        QFETCH(double, number);
        QCOMPARE(QByteArray::fromStdString(appended(rapidjson::Value(number))), QByteArray("null"));
    }
};

QTEST_GUILESS_MAIN(TestJsonAppend)
#include "test_jsonappend.moc"
