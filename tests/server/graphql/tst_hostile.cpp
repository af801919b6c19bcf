// Hostile documents cost time linear in their size in every phase (parse, validate, analyse, execute): the same
// work on one document of n parts and on 32 documents of n/32 parts takes about as long; a quadratic step would take
// 32 times longer. Where the specification's algorithm is itself a product (many operations × a long chain of
// fragments), a budget refuses the document instead.
#include "server/graphql/execution/executor.h"
#include "server/graphql/execution/jsonresolver.h"
#include "server/graphql/json.h"
#include "server/graphql/limits.h"
#include "server/graphql/syntax/parser.h"
#include "server/graphql/validation/analysis.h"
#include "server/graphql/validation/validator.h"

#include <QElapsedTimer>
#include <QTest>

#include <functional>

using namespace triptych::graphql;

namespace {

const char *const kSdl = R"(
type Query { user(id: ID!, a: Int, b: Int): User users(first: Int): [User!]! }
type User { id: ID! name: String! friends(first: Int): [User!]! }
)";

// Parts on one document versus the same parts spread over kSplit documents (times).
constexpr int kSplit = 32;
// Linear work gives a ratio near 1 (up to 5 seen on a loaded machine: caches; over 8 once at a load of 16 on two
// cores), quadratic near kSplit; the slack absorbs timer noise on tiny figures.
constexpr double kAllowedRatio = 12.0;
constexpr double kSlackMs = 5.0;

using Build = std::function<std::string(int parts)>;
using Phase = std::function<void(const std::string &document)>;

double fastestMs(const std::function<void()> &work) {
    double best = 1e300;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

std::string repeat(int parts, const std::function<std::string(int)> &part) {
    std::string text;
    for (int i = 0; i < parts; ++i)
        text += part(i);
    return text;
}

struct Fixture {
    std::shared_ptr<Schema> schema = Schema::fromSdl(kSdl).schema;
    Value data = parseJson(R"({"user": {"__typename": "User", "id": "1", "name": "Ann", "friends": []},
                                "users": []})")
                     .value_or(Value());
    Fixture() { schema->setDefaultResolver(jsonFieldResolver()); }
};

const Fixture &fixture() {
    static const Fixture instance;
    return instance;
}

std::shared_ptr<const Document> parsed(const std::string &text) {
    auto result = parse(text);
    if (!result.ok())
        qFatal("document does not parse: %s", result.error->message.c_str());
    return result.document;
}

} // namespace

class TestHostileDocuments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linear_data();
    void linear();
    void operationsTimesFragmentsIsBounded();
    void deepJsonIsRefused();
};

void TestHostileDocuments::linear_data() {
    QTest::addColumn<Build>("build");
    QTest::addColumn<Phase>("phase");
    QTest::addColumn<int>("parts");
    const Phase parsing = [](const std::string &text) { QVERIFY(parse(text).ok()); };
    const Phase validation = [](const std::string &text) { (void)validate(*fixture().schema, *parsed(text)); };
    const Phase analysis = [](const std::string &text) {
        (void)analyzeOperation(*fixture().schema, *parsed(text), "", Value(), {});
    };
    const Phase execution = [](const std::string &text) {
        ExecutionRequest request;
        request.document = parsed(text);
        request.rootValue = jsonObject(fixture().data);
        QVERIFY(!execute(*fixture().schema, request).toJson().empty());
    };
    const Build aliases = [](int n) {
        return "{" + repeat(n, [](int i) { return " a" + std::to_string(i) + ": __typename"; }) + " }";
    };
    const Build sameField = [](int n) { return "{" + repeat(n, [](int) { return " user(id: 1) { id }"; }) + " }"; };
    const Build fragments = [](int n) {
        return "{" + repeat(n, [](int i) { return " ...F" + std::to_string(i); }) + " }" +
               repeat(n, [](int i) { return " fragment F" + std::to_string(i) + " on Query { __typename }"; });
    };
    const Build arguments = [](int n) {
        return "{ user(id: 1" + repeat(n, [](int i) { return ", x" + std::to_string(i) + ": 1"; }) + ") { id } }";
    };
    const Build variables = [](int n) {
        return "query(" + repeat(n, [](int i) { return " $v" + std::to_string(i) + ": Int"; }) + ") { __typename }";
    };
    QTest::newRow("parse: aliases on one line") << aliases << parsing << 40000;
    QTest::newRow("validate: aliases") << aliases << validation << 20000;
    QTest::newRow("validate: one field many times") << sameField << validation << 20000;
    QTest::newRow("validate: many fragments") << fragments << validation << 10000;
    QTest::newRow("validate: many arguments") << arguments << validation << 20000;
    QTest::newRow("validate: many variables") << variables << validation << 20000;
    QTest::newRow("analyse: aliases") << aliases << analysis << 20000;
    QTest::newRow("analyse: many fragments") << fragments << analysis << 10000;
    QTest::newRow("execute: aliases") << aliases << execution << 20000;
}

void TestHostileDocuments::linear() {
    QFETCH(Build, build);
    QFETCH(Phase, phase);
    QFETCH(int, parts);
    const std::string whole = build(parts);
    const std::string piece = build(parts / kSplit);
    phase(piece); // warm up allocations and the schema
    const double wholeMs = fastestMs([&] { phase(whole); });
    const double piecesMs = fastestMs([&] {
        for (int i = 0; i < kSplit; ++i)
            phase(piece);
    });
    QVERIFY2(wholeMs <= piecesMs * kAllowedRatio + kSlackMs,
             qPrintable(QStringLiteral("%1 parts at once: %2 ms; in %3 documents: %4 ms")
                            .arg(parts)
                            .arg(wholeMs)
                            .arg(kSplit)
                            .arg(piecesMs)));
}

void TestHostileDocuments::operationsTimesFragmentsIsBounded() {
    // 400 operations each spreading the head of a chain of 400 fragments: 160,000 fragment visits, over the budget.
    constexpr int kCount = 400;
    std::string text = repeat(kCount, [](int i) { return "query Q" + std::to_string(i) + " { ...F0 } "; });
    text += repeat(kCount, [](int i) {
        return "fragment F" + std::to_string(i) + " on Query { __typename" +
               (i + 1 < kCount ? " ...F" + std::to_string(i + 1) : std::string()) + " } ";
    });
    const auto errors = validate(*fixture().schema, *parsed(text));
    QVERIFY(!errors.empty());
    QVERIFY2(errors.front().message.find("fragment definitions in all") != std::string::npos,
             errors.front().message.c_str());
    // A chain the budget allows is validated in full: every fragment is used, so there is no error.
    text = "query Q { ...F0 } " + repeat(kCount, [](int i) {
               return "fragment F" + std::to_string(i) + " on Query { __typename" +
                      (i + 1 < kCount ? " ...F" + std::to_string(i + 1) : std::string()) + " } ";
           });
    QVERIFY(validate(*fixture().schema, *parsed(text)).empty());
}

void TestHostileDocuments::deepJsonIsRefused() {
    // Variables arrive as JSON: a million `[` must be refused, not recursed into.
    const std::string deep(1000000, '[');
    QVERIFY(!parseJson(deep + std::string(1000000, ']')).has_value());
    std::string limit(kMaxJsonDepthLevels, '[');
    QVERIFY(parseJson(limit + std::string(kMaxJsonDepthLevels, ']')).has_value());
    QVERIFY(!parseJson("[" + limit + std::string(kMaxJsonDepthLevels + 1, ']')).has_value());
    QVERIFY(!parseJson("\"\xc0\xff\"").has_value()); // not UTF-8, so not JSON
}

QTEST_APPLESS_MAIN(TestHostileDocuments)
#include "tst_hostile.moc"
