#include "app/checks/jsonpath.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace triptych::checks;

// RFC 9535 compliance rows (its examples and more) from tests/data/jsonpath-compliance.json, which
// scripts/check-outside-clients also runs through an outside implementation (npm jsonpath-rfc9535).
class TestJsonPath : public QObject {
    Q_OBJECT

    static QJsonObject compliance() {
        QFile file(QStringLiteral(TRIPTYCH_TEST_DATA "/jsonpath-compliance.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read jsonpath-compliance.json");
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    static QStringList texts(const QList<QJsonValue> &values, bool ordered) {
        QStringList out;
        for (const QJsonValue &value : values)
            out.append(QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)));
        if (!ordered)
            std::sort(out.begin(), out.end());
        return out;
    }

private Q_SLOTS:
    void selects_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonValue>("document");
        QTest::addColumn<QJsonArray>("expected");
        QTest::addColumn<bool>("ordered");
        const QJsonObject data = compliance();
        const QJsonObject documents = data.value(QStringLiteral("documents")).toObject();
        for (const QJsonValue &row : data.value(QStringLiteral("rows")).toArray()) {
            const QJsonObject object = row.toObject();
            QTest::newRow(qPrintable(object.value(QStringLiteral("name")).toString()))
                << object.value(QStringLiteral("query")).toString()
                << documents.value(object.value(QStringLiteral("document")).toString())
                << object.value(QStringLiteral("result")).toArray() << object.value(QStringLiteral("ordered")).toBool();
        }
    }

    void selects() {
        QFETCH(QString, query);
        QFETCH(QJsonValue, document);
        QFETCH(QJsonArray, expected);
        QFETCH(bool, ordered);
        jsonpath::ParseError error;
        const auto path = JsonPath::parse(query, &error);
        QVERIFY2(path, qPrintable(error.message));
        QList<QJsonValue> want;
        for (const QJsonValue &value : expected)
            want.append(value);
        QCOMPARE(texts(path->select(document), ordered), texts(want, ordered));
    }

    void rejects_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("message");
        for (const QJsonValue &row : compliance().value(QStringLiteral("invalid")).toArray()) {
            const QJsonObject object = row.toObject();
            const QString query = object.value(QStringLiteral("query")).toString();
            QTest::newRow(qPrintable(query.left(40))) << query << object.value(QStringLiteral("error")).toString();
        }
    }

    void rejects() {
        QFETCH(QString, query);
        QFETCH(QString, message);
        jsonpath::ParseError error;
        QVERIFY(!JsonPath::parse(query, &error));
        QVERIFY2(error.message.contains(message), qPrintable(error.message));
        QVERIFY(error.offset >= 0 && error.offset <= query.size());
    }

    void reportsWhereTheErrorIs() {
        jsonpath::ParseError error;
        QVERIFY(!JsonPath::parse(u"$.a[?@.b == ]", &error));
        QCOMPARE(error.offset, 12);
    }

    void singularQueries_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("singular");
        QTest::newRow("names and indexes") << "$.a['b'][0][-1]" << true;
        QTest::newRow("root") << "$" << true;
        QTest::newRow("wildcard") << "$.a.*" << false;
        QTest::newRow("descendant") << "$..a" << false;
        QTest::newRow("union") << "$[0,1]" << false;
        QTest::newRow("slice") << "$[0:1]" << false;
    }

    void singularQueries() {
        QFETCH(QString, query);
        QFETCH(bool, singular);
        QCOMPARE(JsonPath::parse(query)->isSingular(), singular);
    }

    void parsesScalarDocuments_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("number") << QByteArray("42") << true;
        QTest::newRow("string") << QByteArray("\"x\"") << true;
        QTest::newRow("null") << QByteArray("null") << true;
        QTest::newRow("object") << QByteArray("{\"a\": 1}") << true;
        QTest::newRow("two values") << QByteArray("1, 2") << false;
        QTest::newRow("broken") << QByteArray("{\"a\":") << false;
        QTest::newRow("empty") << QByteArray("") << false;
    }

    void parsesScalarDocuments() {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QString error;
        QCOMPARE(parseJsonValue(text, &error).has_value(), valid);
        QCOMPARE(error.isEmpty(), valid);
    }
};

QTEST_GUILESS_MAIN(TestJsonPath)
#include "test_jsonpath.moc"
