// Lexer and parser (spec §2 and §3): examples parse with the locations graphql-js reports; counter-examples
// stop at the first error with graphql-js's message, line and column.
#include "server/graphql/limits.h"
#include "server/graphql/syntax/parser.h"

#include <QTest>

using namespace triptych::graphql;

class TestParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void syntaxErrors_data();
    void syntaxErrors();
    void locations();
    void blockStrings_data();
    void blockStrings();
    void sdlDefinitions();
    void nestingIsLimited();
    void tokenLimit_data();
    void tokenLimit();
    void longLineLocations();
};

void TestParser::syntaxErrors_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("§2.3 unterminated selection") << "{"
                                                 << "Expected Name, found <EOF>." << 1 << 2;
    QTest::newRow("§2.9.1 float needs digits") << "{ a(b: 1.) }"
                                               << "Invalid number, expected digit but got: \")\"." << 1 << 10;
    QTest::newRow("§2.9.1 leading zero") << "{ a(b: 01) }"
                                         << "Invalid number, unexpected digit after 0: \"1\"." << 1 << 9;
    QTest::newRow("§2.9.4 unterminated string") << "{ a(b: \"abc) }"
                                                << "Unterminated string." << 1 << 15;
    QTest::newRow("§2.8 fragment named on") << "fragment on on on { a }"
                                            << "Unexpected Name \"on\"." << 1 << 10;
    QTest::newRow("§2.10 variable in const") << "query Q($a: Int = $b) { a }"
                                             << "Unexpected variable \"$b\" in constant value." << 1 << 19;
    QTest::newRow("§2.9.4 bad escape") << "{ a(b: \"\\x\") }"
                                       << "Invalid character escape sequence: \"\\x\"." << 1 << 9;
    QTest::newRow("§2.1.1 unexpected character") << "?"
                                                 << "Unexpected character: \"?\"." << 1 << 1;
    QTest::newRow("§2.2 empty document") << ""
                                         << "Unexpected <EOF>." << 1 << 1;
    QTest::newRow("§2.1.7 second line") << "{ a }\n   }"
                                        << "Unexpected \"}\"." << 2 << 4;
    QTest::newRow("§2.1.7 columns count UTF-16 units") << "{ a(b: \"\u00e9\u00e9\" c: %) }"
                                                       << "Unexpected character: \"%\"." << 1 << 16;
    QTest::newRow("§3.9 enum value true")
        << "enum E { true }"
        << "Name \"true\" is reserved and cannot be used for an enum value." << 1 << 10;
    QTest::newRow("§3 empty fields") << "type Foo {}"
                                     << "Expected Name, found \"}\"." << 1 << 11;
    QTest::newRow("§3.13 unknown directive location") << "directive @a on FOO"
                                                      << "Unexpected Name \"FOO\"." << 1 << 17;
    QTest::newRow("§3 extension without body") << "extend type Foo"
                                               << "Unexpected <EOF>." << 1 << 16;
}

void TestParser::syntaxErrors() {
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    const ParseResult result = parse(source.toStdString());
    QVERIFY(!result.ok());
    QCOMPARE(QString::fromStdString(result.error->message), QStringLiteral("Syntax Error: ") + message);
    QCOMPARE(int(result.error->loc.line), line);
    QCOMPARE(int(result.error->loc.column), column);
}

void TestParser::locations() {
    const ParseResult result =
        parse("query Q($v: Int = 3) {\n  alias: field(arg: $v) @skip(if: false) {\n    ...F\n  }\n}\n"
              "fragment F on T { x }");
    QVERIFY(result.ok());
    const Document &doc = *result.document;
    QCOMPARE(doc.operations.size(), std::size_t(1));
    const OperationDefinitionNode &op = doc.operations.front();
    QCOMPARE(op.name, std::string("Q"));
    QCOMPARE(op.variables.front().loc, (Location{1, 9}));
    QCOMPARE(op.variables.front().defaultValue->text, std::string("3"));
    const SelectionNode &field = op.selectionSet.front();
    QCOMPARE(field.loc, (Location{2, 3}));
    QCOMPARE(field.alias, std::string("alias"));
    QCOMPARE(field.nameLoc, (Location{2, 10}));
    QCOMPARE(field.arguments.front().value.loc, (Location{2, 21}));
    QCOMPARE(field.directives.front().loc, (Location{2, 25}));
    QCOMPARE(field.selectionSet.front().kind, SelectionKind::FragmentSpread);
    QCOMPARE(field.selectionSet.front().loc, (Location{3, 5}));
    QCOMPARE(doc.fragments.front().loc, (Location{6, 1}));
}

void TestParser::blockStrings_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("value");
    QTest::newRow("§2.9.4 block string dedent") << "{ a(b: \"\"\"\n    Hello,\n      World!\n\n    Yours,\n  \"\"\") }"
                                                << "Hello,\n  World!\n\nYours,";
    QTest::newRow("§2.9.4 escaped triple quote") << "{ a(b: \"\"\"a \\\"\"\" b\"\"\") }"
                                                 << "a \"\"\" b";
    QTest::newRow("§2.9.4 unicode escapes")
        << "{ a(b: \"\\u00e9\\uD83D\\uDE00\\u{1F600}\") }" << QString::fromUtf8("\u00e9\U0001F600\U0001F600");
}

void TestParser::blockStrings() {
    QFETCH(QString, source);
    QFETCH(QString, value);
    const ParseResult result = parse(source.toStdString());
    QVERIFY2(result.ok(), result.ok() ? "" : result.error->message.c_str());
    QCOMPARE(
        QString::fromStdString(result.document->operations.front().selectionSet.front().arguments.front().value.text),
        value);
}

void TestParser::sdlDefinitions() {
    const ParseResult result = parse("\"\"\"doc\"\"\" type A implements B & C @x { f(a: Int = 1): [String!]! }\n"
                                     "union U = | A | B\nextend enum E { X }\ninput I { a: Int = 2 }\n"
                                     "directive @d(a: Int) repeatable on FIELD | OBJECT\nschema { query: A }");
    QVERIFY2(result.ok(), result.ok() ? "" : result.error->message.c_str());
    const Document &doc = *result.document;
    QCOMPARE(doc.types.size(), std::size_t(4));
    QCOMPARE(*doc.types[0].description, std::string("doc"));
    QCOMPARE(doc.types[0].interfaces.size(), std::size_t(2));
    QCOMPARE(doc.types[1].members.size(), std::size_t(2));
    QVERIFY(doc.types[2].extension);
    QVERIFY(doc.directives.front().repeatable);
    QCOMPARE(doc.schemas.size(), std::size_t(1));
}

void TestParser::nestingIsLimited() {
    std::string deep;
    for (std::size_t i = 0; i < kMaxParseDepthLevels + 10; ++i)
        deep += "{ a ";
    const ParseResult result = parse(deep);
    QVERIFY(!result.ok());
    QVERIFY(result.error->message.find("nesting") != std::string::npos);
    std::string list(100000, '[');
    QVERIFY(!parse("{ a(b: " + list + ") }").ok());
}

void TestParser::tokenLimit_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("maxTokens");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("column"); // of the first token over the limit
    // `{ a }` is 3 tokens; <EOF> does not count, as in graphql-js.
    QTest::newRow("at the limit") << "{ a }" << 3 << true << 0;
    QTest::newRow("one over") << "{ a b }" << 3 << false << 7;
    QTest::newRow("punctuators count") << "{ a(b: [1, 2]) }" << 8 << false << 13;
    QTest::newRow("comments and commas do not") << "{ a, # b c d\n b }" << 4 << true << 0;
    QTest::newRow("no limit") << "{ a b c d e f }" << 0 << true << 0;
}

void TestParser::tokenLimit() {
    QFETCH(QString, source);
    QFETCH(int, maxTokens);
    QFETCH(bool, accepted);
    QFETCH(int, column);
    const ParseResult result = parse(source.toStdString(), {std::size_t(maxTokens)});
    QCOMPARE(result.ok(), accepted);
    if (accepted)
        return;
    QCOMPARE(QString::fromStdString(result.error->message),
             QStringLiteral("Syntax Error: Document contains more than %1 tokens. Parsing aborted.").arg(maxTokens));
    QCOMPARE(int(result.error->loc.column), column);
}

void TestParser::longLineLocations() {
    // Columns are counted on from the previous token, not from the line's start: the 10,000-alias query on one line
    // still gets every location right (in UTF-16 units), and after a line break columns start again at 1.
    std::string source = "{";
    std::uint32_t column = 2; // of the next character
    std::uint32_t lastAlias = 0;
    for (int i = 0; i < 10000; ++i) {
        const std::string chunk = " a" + std::to_string(i) + ": f(s: \"\u00e9\")"; // é: 2 bytes, 1 UTF-16 unit
        lastAlias = column + 1;
        source += chunk;
        column += std::uint32_t(chunk.size()) - 1;
    }
    const ParseResult aliases = parse(source + " }");
    QVERIFY2(aliases.ok(), aliases.ok() ? "" : aliases.error->message.c_str());
    const auto &set = aliases.document->operations.front().selectionSet;
    QCOMPARE(set.size(), std::size_t(10000));
    QCOMPARE(set.back().loc, (Location{1, lastAlias}));
    QCOMPARE(set.back().arguments.front().value.loc, (Location{1, column - 4}));
    const ParseResult broken = parse(source + " }\n  %");
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error->loc, (Location{2, 3}));
}

QTEST_APPLESS_MAIN(TestParser)
#include "tst_parser.moc"
