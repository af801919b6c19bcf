// completeGrpcMessage() and checkGrpcMessage() on a request message with nested messages, enums, repeated fields,
// a map, a oneof, a Timestamp and an Any resolved through the pool (tests/data/grpc-editor/shop.proto).
#include "app/editor/grpcmessageassist.h"

#include <QTest>

#include <google/protobuf/descriptor.h>

using namespace triptych;
using namespace triptych::editor;

class TestGrpcMessageAssist : public QObject {
    Q_OBJECT
    client::GrpcSchemaPtr m_schema;
    const google::protobuf::Descriptor *m_request = nullptr;

private Q_SLOTS:
    void initTestCase() {
        QString error;
        const QString dir = QStringLiteral(TRIPTYCH_GRPC_EDITOR_DATA);
        m_schema = client::GrpcSchema::fromProtoFiles({dir + "/shop.proto"}, {dir}, &error);
        QVERIFY2(m_schema, qPrintable(error));
        const auto *method = m_schema->findMethod(QStringLiteral("shop.v1.Shop/PlaceOrder"));
        QVERIFY(method);
        m_request = method->input_type();
    }

    void completion_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("labels");
        QTest::addColumn<QString>("firstInsert");
        QTest::newRow("field names") << "{ |"
                                     << "customer_id shipping items coupons gift tip card_token voucher "
                                        "deliver_after extra"
                                     << "\"customer_id\": 0";
        QTest::newRow("field names not yet given")
            << "{\"customer_id\": 1, \"gift\": true, |"
            << "shipping items coupons tip card_token voucher deliver_after extra"
            << "\"shipping\": {\"street\": \"\", \"city\": \"\"}";
        QTest::newRow("in an open quote") << "{\"sh|"
                                          << "shipping"
                                          << "\"shipping\": {\"street\": \"\", \"city\": \"\"}";
        QTest::newRow("a bare word") << "{ it|"
                                     << "items"
                                     << "\"items\": []";
        QTest::newRow("nested message fields") << "{\"shipping\": {\"street\": \"x\", |"
                                               << "city"
                                               << "\"city\": \"\"";
        QTest::newRow("message in a list") << "{\"items\": [{|"
                                           << "sku quantity priority"
                                           << "\"sku\": \"\"";
        QTest::newRow("enum values") << "{\"items\": [{\"priority\": |"
                                     << "PRIORITY_UNSPECIFIED PRIORITY_LOW PRIORITY_HIGH"
                                     << "\"PRIORITY_UNSPECIFIED\"";
        QTest::newRow("enum values in quotes") << "{\"items\": [{\"sku\": \"a\", \"priority\": \"PRIORITY_H|"
                                               << "PRIORITY_HIGH"
                                               << "\"PRIORITY_HIGH\"";
        QTest::newRow("booleans") << "{\"gift\": |"
                                  << "true false"
                                  << "true";
        QTest::newRow("a message value: its template") << "{\"shipping\": |"
                                                       << "{…}"
                                                       << "{\"street\": \"\", \"city\": \"\"}";
        QTest::newRow("after a value, nothing") << "{\"tip\": 1 |"
                                                << ""
                                                << "";
        QTest::newRow("map keys are free") << "{\"coupons\": {|"
                                           << ""
                                           << "";
        QTest::newRow("Any: its @type key") << "{\"extra\": {|"
                                            << "@type"
                                            << "\"@type\": ";
        QTest::newRow("Any: the pool's messages") << "{\"extra\": {\"@type\": |"
                                                  << "shop.v1.Address shop.v1.GiftNote shop.v1.Item "
                                                     "shop.v1.PlaceOrderReply shop.v1.PlaceOrderRequest "
                                                     "google.protobuf.Any google.protobuf.Timestamp"
                                                  << "\"type.googleapis.com/shop.v1.Address\"";
        QTest::newRow("Any: a typed name in quotes") << "{\"extra\": {\"@type\": \"type.googleapis.com/shop.v1.G|"
                                                     << "shop.v1.GiftNote"
                                                     << "\"type.googleapis.com/shop.v1.GiftNote\"";
        QTest::newRow("Any: the named message's fields")
            << "{\"extra\": {\"@type\": \"type.googleapis.com/shop.v1.GiftNote\", |"
            << "text priority"
            << "\"text\": \"\"";
        QTest::newRow("Any: enum values inside") << "{\"extra\": {\"@type\": \"type.googleapis.com/shop.v1.GiftNote\", "
                                                    "\"priority\": |"
                                                 << "PRIORITY_UNSPECIFIED PRIORITY_LOW PRIORITY_HIGH"
                                                 << "\"PRIORITY_UNSPECIFIED\"";
        QTest::newRow("before the object") << "|"
                                           << ""
                                           << "";
    }
    void completion() {
        QFETCH(QString, json);
        QFETCH(QString, labels);
        QFETCH(QString, firstInsert);
        const int position = int(json.indexOf(QLatin1Char('|')));
        json.remove(position, 1);
        const Completion completion = completeGrpcMessage(*m_schema, m_request, json, position);
        QStringList got;
        for (const CompletionItem &item : completion.items)
            got.append(item.label);
        QCOMPARE(got.join(QLatin1Char(' ')), labels);
        QCOMPARE(completion.items.isEmpty() ? QString() : completion.items.first().insertText, firstInsert);
    }

    void replacesTheQuotedWord() {
        const QString json = QStringLiteral("{\"gi");
        const Completion completion = completeGrpcMessage(*m_schema, m_request, json, int(json.size()));
        QCOMPARE(completion.replaceStart, 1);
        QCOMPARE(completion.prefix, QStringLiteral("gi"));
        QCOMPARE(completion.items.first().detail, QStringLiteral("bool"));
    }

    void errors_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("valid")
            << "{\"customer_id\": \"12\", \"items\": [{\"sku\": \"a\", \"priority\": \"PRIORITY_LOW\"}],"
               " \"coupons\": {\"X\": 1}, \"deliver_after\": \"2026-01-01T00:00:00Z\"}"
            << QStringList{};
        QTest::newRow("JSON syntax") << "{\n  \"gift\": tru\n}" << QStringList{"2:11: JSON: expected a value"};
        QTest::newRow("unknown field") << "{\n  \"customer\": 1\n}"
                                       << QStringList{"2:3: shop.v1.PlaceOrderRequest has no field \"customer\""};
        QTest::newRow("wrong types") << "{\"gift\": \"yes\", \"tip\": \"x\", \"items\": {}, \"shipping\": 3}"
                                     << QStringList{"1:10: \"gift\" is a bool: expected true or false",
                                                    "1:24: \"tip\" is a double: x is not a number",
                                                    "1:38: \"items\" is repeated: expected an array",
                                                    "1:54: shop.v1.Address is a message: expected an object"};
        QTest::newRow("enum and integer values")
            << "{\"items\": [{\"priority\": \"URGENT\", \"quantity\": 1.5}]}"
            << QStringList{"1:25: \"URGENT\" is not a value of enum shop.v1.Priority",
                           "1:47: \"quantity\" is a int32: 1.5 is not an integer"};
        QTest::newRow("oneof twice") << "{\"card_token\": \"t\", \"voucher\": \"v\"}"
                                     << QStringList{"1:21: \"card_token\" and \"voucher\" are both set, but only one "
                                                    "field of oneof payment may be"};
        QTest::newRow("Any: valid") << "{\"extra\": {\"@type\": \"type.googleapis.com/shop.v1.GiftNote\", "
                                       "\"text\": \"hi\", \"priority\": \"PRIORITY_LOW\"}}"
                                    << QStringList{};
        QTest::newRow("Any: a field of the named message")
            << "{\"extra\": {\n  \"@type\": \"type.googleapis.com/shop.v1.GiftNote\",\n  \"txt\": \"hi\",\n"
               "  \"priority\": \"SOON\"\n}}"
            << QStringList{"3:3: shop.v1.GiftNote has no field \"txt\"",
                           "4:15: \"SOON\" is not a value of enum shop.v1.Priority"};
        QTest::newRow("Any: an unknown type") << "{\"extra\": {\"@type\": \"type.googleapis.com/shop.v1.Nope\"}}"
                                              << QStringList{"1:21: \"type.googleapis.com/shop.v1.Nope\" names no "
                                                             "message known here"};
        QTest::newRow("Any: no @type") << "{\"extra\": {\"text\": \"hi\"}}"
                                       << QStringList{"1:11: an Any needs \"@type\": \"type.googleapis.com/NAME\""};
        QTest::newRow("left to protobuf: a bad timestamp")
            << "{\"deliver_after\": \"yesterday\"}"
            << QStringList{"1:1: The JSON does not fit shop.v1.PlaceOrderRequest"};
    }
    void errors() {
        QFETCH(QString, json);
        QFETCH(QStringList, expected);
        QStringList got;
        for (const GraphQLDiagnostic &d : checkGrpcMessage(*m_schema, m_request, json))
            got.append(QStringLiteral("%1:%2: %3").arg(d.line).arg(d.column).arg(d.message));
        if (expected.size() == 1 && got.size() == 1 && expected.first().startsWith(QLatin1String("1:1: The JSON")))
            QVERIFY2(got.first().startsWith(expected.first()), qPrintable(got.first())); // protobuf's wording varies
        else
            QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestGrpcMessageAssist)
#include "test_grpcmessageassist.moc"
