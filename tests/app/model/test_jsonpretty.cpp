#include "app/model/jsonpretty.h"

#include <QTest>

using namespace triptych;

class TestJsonPretty : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void indentsValidJson_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty object") << QByteArray("{}") << QByteArray("{}");
        QTest::newRow("empty array") << QByteArray("[ ]") << QByteArray("[]");
        QTest::newRow("empty containers nested")
            << QByteArray(R"({"a":{},"b":[],"c":[{}]})")
            << QByteArray("{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    {}\n  ]\n}");
        QTest::newRow("key order kept") << QByteArray(R"({"z":1,"a":2,"m":3})")
                                        << QByteArray("{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}");
        QTest::newRow("graphql selection order")
            << QByteArray(R"({"data":{"user":{"name":"Ada","id":"42","orders":[{"status":"PAID","id":"7"}]}}})")
            << QByteArray("{\n  \"data\": {\n    \"user\": {\n      \"name\": \"Ada\",\n      \"id\": \"42\",\n"
                          "      \"orders\": [\n        {\n          \"status\": \"PAID\",\n          \"id\": \"7\"\n"
                          "        }\n      ]\n    }\n  }\n}");
        QTest::newRow("numbers as written")
            << QByteArray("[0,-0,1.50,1e400,-2.5E-3,12345678901234567890123,0.1e+2]")
            << QByteArray("[\n  0,\n  -0,\n  1.50,\n  1e400,\n  -2.5E-3,\n  12345678901234567890123,\n  0.1e+2\n]");
        QTest::newRow("literals") << QByteArray("[true,false,null]") << QByteArray("[\n  true,\n  false,\n  null\n]");
        // Plain literals, not raw strings: moc misreads \" inside R"(…)".
        QTest::newRow("escapes kept") << QByteArray("{\"s\":\"a\\\"b\\\\c\\/d\\n\\u00e9\\uD83D\\uDE00\"}")
                                      << QByteArray("{\n  \"s\": \"a\\\"b\\\\c\\/d\\n\\u00e9\\uD83D\\uDE00\"\n}");
        QTest::newRow("brackets and commas in strings") << QByteArray("{\"{[\":\"]},:\\\"[\",\"k\":\"}\"}")
                                                        << QByteArray("{\n  \"{[\": \"]},:\\\"[\",\n  \"k\": \"}\"\n}");
        QTest::newRow("utf-8 kept") << QByteArray("{\"name\":\"Zoë 東京 🙂\"}")
                                    << QByteArray("{\n  \"name\": \"Zoë 東京 🙂\"\n}");
        QTest::newRow("whitespace replaced") << QByteArray(" \r\n\t[ 1 ,\n\n 2 ] \n") << QByteArray("[\n  1,\n  2\n]");
        QTest::newRow("top-level scalar") << QByteArray(" \"just a string\" ") << QByteArray("\"just a string\"");
        QTest::newRow("top-level number") << QByteArray("42") << QByteArray("42");
        QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBF{}") << QByteArray("{}");
        QTest::newRow("duplicate keys kept")
            << QByteArray(R"({"a":1,"a":2})") << QByteArray("{\n  \"a\": 1,\n  \"a\": 2\n}");
    }
    void indentsValidJson() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const auto result = model::prettyPrintJson(input);
        QVERIFY2(result.ok, qPrintable(result.errorText()));
        QCOMPARE(result.text, expected);
        QCOMPARE(result.errorOffset, qsizetype(-1));
    }

    void indentWidthIsAParameter() {
        QCOMPARE(model::prettyPrintJson("{\"a\":[1]}", 4).text, QByteArray("{\n    \"a\": [\n        1\n    ]\n}"));
        QCOMPARE(model::prettyPrintJson("{\"a\":[1]}", 0).text, QByteArray("{\n\"a\": [\n1\n]\n}"));
    }

    void prettyTextParsesBackToTheSameJson() {
        const QByteArray compact = R"({"b":[1,2,{"c":null}],"a":"x"})";
        const auto twice = model::prettyPrintJson(model::prettyPrintJson(compact).text);
        QVERIFY(twice.ok);
        QCOMPARE(twice.text, model::prettyPrintJson(compact).text);
    }

    void saysWhereJsonIsInvalid_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray("  ") << 1 << 3 << "empty";
        QTest::newRow("missing comma") << QByteArray("{\"a\":1 \"b\":2}") << 1 << 8 << "expected ',' or '}'";
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << 1 << 6 << "expected ':'";
        QTest::newRow("unquoted key") << QByteArray("{a:1}") << 1 << 2 << "key in double quotes";
        QTest::newRow("trailing comma in object") << QByteArray("{\"a\":1,}") << 1 << 8 << "key after ','";
        QTest::newRow("trailing comma in array") << QByteArray("[1,\n2,\n]") << 3 << 1 << "expected a value";
        QTest::newRow("unclosed object") << QByteArray("{\"a\":1") << 1 << 7 << "ends inside an object";
        QTest::newRow("unclosed array") << QByteArray("[1,[2]") << 1 << 7 << "ends inside an array";
        QTest::newRow("wrong closer") << QByteArray("[1}") << 1 << 3 << "expected ',' or ']'";
        QTest::newRow("unclosed string") << QByteArray("{\"a\":\"abc") << 1 << 6 << "not closed";
        QTest::newRow("raw newline in string") << QByteArray("[\"a\nb\"]") << 1 << 4 << "control character";
        QTest::newRow("bad escape") << QByteArray(R"(["a\x"])") << 1 << 4 << "unknown escape";
        QTest::newRow("short unicode escape") << QByteArray(R"(["\u12G4"])") << 1 << 3 << "four hex digits";
        QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 2 << "start with 0";
        QTest::newRow("bare minus") << QByteArray("[-]") << 1 << 2 << "digit after '-'";
        QTest::newRow("dot without digits") << QByteArray("[1.]") << 1 << 2 << "after '.'";
        QTest::newRow("empty exponent") << QByteArray("[1e+]") << 1 << 2 << "exponent";
        QTest::newRow("plus sign") << QByteArray("[+1]") << 1 << 2 << "expected a value";
        QTest::newRow("NaN") << QByteArray("[NaN]") << 1 << 2 << "expected a value";
        QTest::newRow("misspelt literal") << QByteArray("[tru]") << 1 << 2 << "expected a value";
        QTest::newRow("single quotes") << QByteArray("{'a':1}") << 1 << 2 << "key in double quotes";
        QTest::newRow("two values") << QByteArray("{} {}") << 1 << 4 << "extra text";
        QTest::newRow("html") << QByteArray("<html>") << 1 << 1 << "expected a value";
        QTest::newRow("column counts characters") << QByteArray("{\"é東\":1,}") << 1 << 9 << "key after ','";
        QTest::newRow("later line") << QByteArray("{\n  \"a\": 1,\n  \"b\": tru\n}") << 3 << 8 << "expected a value";
    }
    void saysWhereJsonIsInvalid() {
        QFETCH(QByteArray, input);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const auto result = model::prettyPrintJson(input);
        QVERIFY(!result.ok);
        QVERIFY(result.text.isEmpty());
        QVERIFY2(result.message.contains(message), qPrintable(result.message));
        QCOMPARE(result.line, line);
        QCOMPARE(result.column, column);
        QVERIFY(result.errorText().startsWith(QStringLiteral("line %1, column %2: ").arg(line).arg(column)));
    }

    void notesInvalidJsonOnlyWhenItLooksLikeJson_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("note");
        QTest::newRow("valid") << QByteArray("{}") << QString();
        QTest::newRow("broken object") << QByteArray("\n {\"a\":1,}")
                                       << "Not valid JSON at line 2, column 9: expected a key after ',' — shown as "
                                          "received";
        QTest::newRow("broken array") << QByteArray("[1 2]")
                                      << "Not valid JSON at line 1, column 4: expected ',' or "
                                         "']' — shown as received";
        QTest::newRow("html") << QByteArray("<html><body>502</body></html>") << QString();
        QTest::newRow("plain text") << QByteArray("upstream timed out") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void notesInvalidJsonOnlyWhenItLooksLikeJson() {
        QFETCH(QByteArray, input);
        QFETCH(QString, note);
        QCOMPARE(model::invalidJsonNote(input, model::prettyPrintJson(input)), note);
    }

    void refusesNestingDeeperThanTheLimit() {
        const int depth = model::kMaxJsonPrettyDepth;
        QVERIFY(model::prettyPrintJson(QByteArray(depth, '[') + QByteArray(depth, ']')).ok);
        const QByteArray tooDeep = QByteArray(1'000'000, '[');
        const auto result = model::prettyPrintJson(tooDeep);
        QVERIFY(!result.ok);
        QCOMPARE(result.errorOffset, qsizetype(depth));
        QVERIFY(result.message.contains(QStringLiteral("nested deeper than")));
    }

    // A hostile server's ill-formed UTF-8 inside strings: indented, shown with U+FFFD, so the text is valid JSON.
    void replacesIllFormedUtf8InStrings() {
        const auto result = model::prettyPrintJson(QByteArray("{\"name\":\"a\xC0\xAF\xE2\x82\", \"ok\":\"\xC3\xA9\"}"));
        QVERIFY(result.ok);
        QVERIFY(result.text.isValidUtf8());
        QCOMPARE(result.text,
                 QByteArray("{\n  \"name\": \"a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\",\n  \"ok\": \"\xC3\xA9\"\n}"));
        QCOMPARE(model::prettyPrintJson(result.text).text, result.text);
    }

    void keepsALargeBodyExact() {
        QByteArray body = "[";
        for (int i = 0; i < 20'000; ++i)
            body += QByteArray(R"({"id":)") + QByteArray::number(i) + ",\"s\":\"x\\\"y\"},";
        body += "null]";
        const auto result = model::prettyPrintJson(body);
        QVERIFY(result.ok);
        QByteArray squeezed = result.text;
        squeezed.replace("\n", "").replace("  ", "").replace(": ", ":");
        QCOMPARE(squeezed, body);
    }
};

QTEST_GUILESS_MAIN(TestJsonPretty)
#include "test_jsonpretty.moc"
