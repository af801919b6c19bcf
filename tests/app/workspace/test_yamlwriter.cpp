#include "app/workspace/yamlwriter.h"

#include <QRandomGenerator>
#include <QTest>

#include "app/workspace/yamlnode.h"

using namespace triptych::workspace;

namespace {

// The one document of `bytes` as the workspace's reader gets it (libyaml); an error fails the test.
YamlNode load(const QByteArray &bytes) {
    const YamlLoadResult loaded = loadYaml(bytes);
    if (!loaded.error.isEmpty() || loaded.documents.size() != 1)
        qFatal("libyaml refused %s: %s", bytes.constData(), qPrintable(loaded.error));
    return loaded.documents.front();
}

YamlNode at(const YamlNode &map, const QString &key) {
    for (const auto &[name, value] : map.entries()) {
        if (name.scalar() == key)
            return value;
    }
    return {};
}

QString text(const YamlNode &node) {
    return node.scalar();
}

} // namespace

// The emitter's promise: whatever string goes in, libyaml reads the same string back, and the style is the readable
// one the format documents (plain, quoted, literal block).
class TestYamlWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scalarStyle_data() {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("plain word") << "GET" << QByteArray("v: GET\n");
        QTest::newRow("url") << "http://127.0.0.1:8080/v1/users?a=1&b=2"
                             << QByteArray("v: http://127.0.0.1:8080/v1/users?a=1&b=2\n");
        QTest::newRow("variable first") << "{{baseUrl}}/v1" << QByteArray("v: '{{baseUrl}}/v1'\n");
        QTest::newRow("variable inside") << "Bearer {{token}}" << QByteArray("v: Bearer {{token}}\n");
        QTest::newRow("number") << "42" << QByteArray("v: '42'\n");
        QTest::newRow("boolean word") << "yes" << QByteArray("v: 'yes'\n");
        QTest::newRow("null word") << "null" << QByteArray("v: 'null'\n");
        QTest::newRow("empty") << "" << QByteArray("v: ''\n");
        QTest::newRow("apostrophe") << "it's" << QByteArray("v: it's\n");
        QTest::newRow("leading quote") << "'quoted'" << QByteArray("v: '''quoted'''\n");
        QTest::newRow("colon space") << "a: b" << QByteArray("v: 'a: b'\n");
        QTest::newRow("comment-like") << "a #b" << QByteArray("v: 'a #b'\n");
        QTest::newRow("leading space") << " a" << QByteArray("v: ' a'\n");
        QTest::newRow("tab") << "a\tb" << QByteArray("v: \"a\\tb\"\n");
        QTest::newRow("control") << QString("a\x01") << QByteArray("v: \"a\\u0001\"\n");
        QTest::newRow("unicode") << "Grüße 😀" << QByteArray("v: Grüße 😀\n");
        QTest::newRow("one trailing newline") << "a\nb\n" << QByteArray("v: |\n  a\n  b\n");
        QTest::newRow("no trailing newline") << "a\nb" << QByteArray("v: |-\n  a\n  b\n");
        QTest::newRow("two trailing newlines") << "a\nb\n\n" << QByteArray("v: |+\n  a\n  b\n\n");
        QTest::newRow("indented first line") << "  a\nb\n" << QByteArray("v: |2\n    a\n  b\n");
        QTest::newRow("tab first") << "\ta\nb\n" << QByteArray("v: |2\n  \ta\n  b\n");
        QTest::newRow("empty line inside") << "a\n\nb\n" << QByteArray("v: |\n  a\n\n  b\n");
        QTest::newRow("carriage return") << "a\r\nb" << QByteArray("v: \"a\\r\\nb\"\n");
    }
    void scalarStyle() {
        QFETCH(QString, value);
        QFETCH(QByteArray, written);
        YamlWriter writer;
        writer.scalar(u"v", value);
        QCOMPARE(writer.bytes(), written);
        QCOMPARE(text(at(load(writer.bytes()), "v")), value);
    }

    void nestedListsAndMaps() {
        YamlWriter writer;
        writer.beginList(u"headers");
        writer.beginItem();
        writer.scalar(u"name", u"Accept");
        writer.scalar(u"value", u"a\nb\n");
        writer.endItem();
        writer.itemScalar(u"x\ny");
        writer.endList();
        writer.beginMap(u"options");
        writer.integer(u"timeoutMs", 5);
        writer.boolean(u"gzip", true);
        writer.endMap();
        QCOMPARE(writer.bytes(),
                 QByteArray("headers:\n  - name: Accept\n    value: |\n      a\n      b\n  - |-\n    x\n    y\n"
                            "options:\n  timeoutMs: 5\n  gzip: true\n"));
        const YamlNode root = load(writer.bytes());
        QCOMPARE(text(at(at(root, "headers")[0], "value")), QString("a\nb\n"));
        QCOMPARE(text(at(root, "headers")[1]), QString("x\ny"));
        QCOMPARE(text(at(at(root, "options"), "timeoutMs")), QString("5"));
        QVERIFY(!at(at(root, "options"), "timeoutMs").isQuoted());
    }

    void variantsKeepTheirShape() {
        const QVariantMap check{
            {"expect", QVariantMap{{"status", 200}, {"ratio", 0.5}, {"ok", true}, {"none", QVariant()}}},
            {"list", QVariantList{"a", 1, QVariantList{"b", "c"}, QVariantMap{{"k", "v"}}}},
            {"empty", QVariantList{}},
            {"text", "200"}};
        YamlWriter writer;
        writer.variant(u"checks", QVariantList{check});
        const YamlNode root = load(writer.bytes());
        const YamlNode item = at(root, "checks")[0];
        QCOMPARE(text(at(at(item, "expect"), "status")), QString("200"));
        QVERIFY(at(item, "text").isQuoted()); // quoted: stays a string
        QCOMPARE(text(at(item, "list")[2][1]), QString("c"));
        QCOMPARE(text(at(at(item, "list")[3], "k")), QString("v"));
        QVERIFY(at(item, "empty").isSequence());
        QCOMPARE(at(item, "empty").size(), qsizetype(0));
        QVERIFY(at(at(item, "expect"), "none").isNull());
    }

    // Random strings of the characters YAML treats specially: every one must come back unchanged, as a value, a
    // list item and a key.
    void randomStringsRoundTrip() {
        const QString alphabet = QString::fromUtf8(" \n\t:#-'\"{}[],|>!&*%@`a1.~\\?=é😀\r\x01");
        QRandomGenerator random(20250101);
        for (int round = 0; round < 3000; ++round) {
            QString value;
            const int length = int(random.bounded(14));
            for (int i = 0; i < length; ++i) {
                const int at = int(random.bounded(alphabet.size()));
                value += alphabet.at(at);
                if (alphabet.at(at).isHighSurrogate())
                    value += alphabet.at(at + 1);
                else if (alphabet.at(at).isLowSurrogate())
                    value.chop(1);
            }
            YamlWriter writer;
            writer.scalar(u"v", value);
            writer.beginList(u"l");
            writer.itemScalar(value);
            writer.endList();
            writer.scalar(value.isEmpty() ? u"k" : QStringView(value), u"x");
            const YamlLoadResult loaded = loadYaml(writer.bytes());
            if (!loaded.error.isEmpty())
                QFAIL(
                    qPrintable(QString("libyaml refused %1: %2").arg(QString::fromUtf8(writer.bytes()), loaded.error)));
            const YamlNode root = loaded.documents.value(0);
            QCOMPARE(text(at(root, "v")), value);
            QCOMPARE(text(at(root, "l")[0]), value);
            if (!value.isEmpty())
                QCOMPARE(text(at(root, value)), QString("x"));
        }
    }
};

QTEST_GUILESS_MAIN(TestYamlWriter)
#include "test_yamlwriter.moc"
