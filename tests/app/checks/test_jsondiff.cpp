#include "app/checks/jsondiff.h"

#include <QTest>

using namespace triptych::checks;

namespace {
// JSON written with ' for ", so the rows stay readable (and moc never meets an escaped quote).
QByteArray j(const char *text) {
    return QByteArray(text).replace('\'', '"');
}
} // namespace

// Two answers compared: JSON structurally, text line by line.
class TestJsonDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void json_data() {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QStringList>("changes");
        QTest::newRow("same") << j("{'a':1,'b':[1,2]}") << j("{'a':1,'b':[1,2]}") << QStringList();
        QTest::newRow("key order and whitespace")
            << j("{'a':1,'b':{'x':true,'y':null}}") << j("{ 'b' : {'y':null, 'x':true},\n  'a' : 1 }") << QStringList();
        QTest::newRow("numbers by value") << j("{'n':1}") << j("{'n':1.0}") << QStringList();
        QTest::newRow("changed value") << j("{'status':'PENDING'}") << j("{'status':'PAID'}")
                                       << QStringList{"/status: \"PENDING\" → \"PAID\""};
        QTest::newRow("added and removed keys")
            << j("{'a':1,'gone':2}") << j("{'a':1,'new':[3]}") << QStringList{"/gone: removed 2", "/new: added [3]"};
        QTest::newRow("nested") << j("{'order':{'items':[{'sku':'K-1'},{'sku':'K-2'}]}}")
                                << j("{'order':{'items':[{'sku':'K-1'},{'sku':'K-3'}]}}")
                                << QStringList{"/order/items/1/sku: \"K-2\" → \"K-3\""};
        QTest::newRow("arrays by index") << j("[1,2,3]") << j("[1,3]") << QStringList{"/1: 2 → 3", "/2: removed 3"};
        QTest::newRow("longer array") << j("[1]") << j("[1,{'x':1}]") << QStringList{"/1: added {\"x\":1}"};
        QTest::newRow("type changed") << j("{'a':[1]}") << j("{'a':{'0':1}}") << QStringList{"/a: [1] → {\"0\":1}"};
        QTest::newRow("scalars") << j("42") << j("'42'") << QStringList{"(the whole answer): 42 → \"42\""};
        QTest::newRow("pointer escapes") << j("{'a/b':1,'m~n':1}") << j("{'a/b':2,'m~n':1}")
                                         << QStringList{"/a~1b: 1 → 2"};
    }
    void json() {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QStringList, changes);
        const AnswerDiff diff = diffAnswers(left, right);
        QVERIFY(diff.json);
        QStringList described;
        for (const auto &change : diff.changes)
            described.append(describe(change));
        QCOMPARE(described, changes);
        QCOMPARE(diff.identical(), changes.isEmpty());
    }

    // Both sides indented with keys sorted: a moved key lines up with itself.
    void jsonSideBySide() {
        const AnswerDiff diff = diffAnswers(j("{'b':1,'a':2}"), j("{'a':2,'b':3}"));
        QVERIFY(diff.json);
        const QList<DiffLine> expected{{DiffLine::Kind::Same, "{", "{"},
                                       {DiffLine::Kind::Same, "    \"a\": 2,", "    \"a\": 2,"},
                                       {DiffLine::Kind::Changed, "    \"b\": 1", "    \"b\": 3"},
                                       {DiffLine::Kind::Same, "}", "}"}};
        QCOMPARE(diff.lines, expected);
    }

    void lines_data() {
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("right");
        QTest::addColumn<QString>("kinds"); // one letter a row: = same, - removed, + added, ~ changed
        QTest::newRow("same") << QStringList{"a", "b"} << QStringList{"a", "b"} << "==";
        QTest::newRow("one changed") << QStringList{"a", "b", "c"} << QStringList{"a", "x", "c"} << "=~=";
        QTest::newRow("inserted") << QStringList{"a", "c"} << QStringList{"a", "b", "c"} << "=+=";
        QTest::newRow("deleted") << QStringList{"a", "b", "c"} << QStringList{"a", "c"} << "=-=";
        QTest::newRow("all new") << QStringList{} << QStringList{"x", "y"} << "++";
        QTest::newRow("all gone") << QStringList{"x"} << QStringList{} << "-";
        QTest::newRow("moved line") << QStringList{"a", "b", "c", "d"} << QStringList{"b", "c", "d", "a"} << "-===+";
        QTest::newRow("changed and more") << QStringList{"a", "b", "z"} << QStringList{"a", "x", "y", "z"} << "=~+=";
    }
    void lines() {
        QFETCH(QStringList, left);
        QFETCH(QStringList, right);
        QFETCH(QString, kinds);
        QString got;
        for (const auto &line : diffLines(left, right))
            got += QStringLiteral("=-+~").at(int(line.kind));
        QCOMPARE(got, kinds);
    }

    void textWhenEitherIsNotJson() {
        const AnswerDiff diff = diffAnswers("line one\r\nline two\n", "line one\nline 2\n");
        QVERIFY(!diff.json);
        QVERIFY(!diff.identical());
        QCOMPARE(diff.lines.size(), 2);
        QCOMPARE(diff.lines.at(1), (DiffLine{DiffLine::Kind::Changed, "line two", "line 2"}));
        QVERIFY(diffAnswers("{\"a\":1}", "not json").json == false);
        QVERIFY(diffAnswers("same\n", "same").identical());
    }

    // Past kMaxLcsLines a side the middle is paired line by line rather than searched.
    void longInputsStayLinear() {
        QStringList left;
        QStringList right;
        for (int i = 0; i < int(kMaxLcsLines) + 10; ++i) {
            left.append(QString::number(i));
            right.append(QString::number(i * 2));
        }
        const auto lines = diffLines(left, right);
        QCOMPARE(lines.size(), left.size());
        QCOMPARE(lines.first().kind, DiffLine::Kind::Same); // 0 == 0
    }
};

QTEST_MAIN(TestJsonDiff)
#include "test_jsondiff.moc"
