#include "app/model/streammessagemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

namespace {
client::StreamMessage order(int i, QString event = QStringLiteral("order")) {
    return {false, i * 1000, 40, event, QByteArray("{\"id\": ") + QByteArray::number(i) + "}"};
}

// Stands in for a gRPC message's decoder: the "wire bytes" are a number, its JSON an object around it; counts its
// conversions.
class CountingDecoder : public client::MessageDecoder {
public:
    QByteArray toJson(const QByteArray &wire) const override {
        ++conversions;
        return "{\"id\": " + wire + "}";
    }
    mutable int conversions = 0;
};
} // namespace

class TestStreamMessageModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendsRowsInBatches_data() {
        QTest::addColumn<int>("count");
        QTest::newRow("one") << 1;
        QTest::newRow("a thousand") << 1000;
        QTest::newRow("a hundred thousand") << 100'000;
    }
    void appendsRowsInBatches() {
        QFETCH(int, count);
        model::StreamMessageModel messages;
        QAbstractItemModelTester tester(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&messages, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < count; ++i)
            messages.append(order(i));
        QCOMPARE(messages.messageCount(), count); // counted at once
        QCOMPARE(messages.rowCount(), 0);         // shown with the next batch
        QTRY_COMPARE(messages.rowCount(), count);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), count - 1);
        QCOMPARE(messages.message(count - 1).json(), order(count - 1).body);
        QCOMPARE(messages.wireRowCount(), 0); // text bodies are kept as text
    }

    void keepsWireMessagesAndConvertsOnlyWhatIsShown() {
        model::StreamMessageModel messages;
        QAbstractItemModelTester tester(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto decoder = std::make_shared<CountingDecoder>();
        constexpr int kCount = 100'000;
        QList<client::StreamMessage> batch;
        for (int i = 0; i < kCount; ++i)
            batch.append({false, i, 12, {}, QByteArray::number(i), decoder});
        messages.append(batch);
        messages.flush();
        QCOMPARE(messages.rowCount(), kCount);
        QCOMPARE(messages.wireRowCount(), kCount);
        QCOMPARE(decoder->conversions, 0); // none converted as they came
        const int before = decoder->conversions;
        QCOMPARE(messages.index(kCount - 1, model::StreamMessageModel::Preview).data().toString(),
                 QStringLiteral("{\"id\": 99999}"));
        QCOMPARE(decoder->conversions, before + 1); // the row looked at, only
        const client::StreamMessage last = messages.message(kCount - 1);
        QCOMPARE(last.body, QByteArray("99999")); // the wire bytes, whole
        QCOMPARE(last.json(), QByteArray("{\"id\": 99999}"));
        QVERIFY(!messages.isTruncated(kCount - 1));
        QCOMPARE(messages.storedBodyBytes(), qsizetype(488'890)); // the digits of 0 … 99,999: wire bytes only
    }

    void showsDirectionOffsetSizeAndPreview_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("expected");
        QTest::newRow("direction") << int(model::StreamMessageModel::Direction) << int(Qt::DisplayRole)
                                   << QStringLiteral("↓ received");
        QTest::newRow("offset") << int(model::StreamMessageModel::Offset) << int(Qt::DisplayRole) << "2.0 ms";
        QTest::newRow("size") << int(model::StreamMessageModel::Size) << int(Qt::DisplayRole) << "40 B";
        QTest::newRow("preview") << int(model::StreamMessageModel::Preview) << int(Qt::DisplayRole)
                                 << "order: {\"id\": 2}";
        QTest::newRow("exact size") << int(model::StreamMessageModel::Size) << int(Qt::ToolTipRole) << "40 bytes";
    }
    void showsDirectionOffsetSizeAndPreview() {
        QFETCH(int, column);
        QFETCH(int, role);
        QFETCH(QString, expected);
        model::StreamMessageModel messages;
        QAbstractItemModelTester tester(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 5; ++i)
            messages.append(order(i));
        messages.flush();
        QCOMPARE(messages.index(2, column).data(role).toString(), expected);
    }

    void keepsEventNamesAndBodiesPerMessage() {
        model::StreamMessageModel messages;
        messages.setMessages(
            {order(1, QStringLiteral("order")), order(2, QString()), order(3, QStringLiteral("ping"))});
        QCOMPARE(messages.rowCount(), 3);
        QCOMPARE(messages.message(0).event, QStringLiteral("order"));
        QCOMPARE(messages.message(1).event, QString());
        QCOMPARE(messages.message(2).event, QStringLiteral("ping"));
        QCOMPARE(messages.message(2).body, QByteArray("{\"id\": 3}"));
        QCOMPARE(messages.index(1, model::StreamMessageModel::Preview).data().toString(), "{\"id\": 2}");
        messages.clear();
        QCOMPARE(messages.rowCount(), 0);
        QCOMPARE(messages.messageCount(), 0);
        QCOMPARE(messages.storedBodyBytes(), 0);
    }

    void boundsTheBodiesItKeeps() {
        model::StreamMessageModel messages;
        const QByteArray big(4 * 1024 * 1024, 'x');
        const int count = int(model::streamlimits::kMaxStoredBodyBytes / big.size()) + 5;
        for (int i = 0; i < count; ++i)
            messages.append({false, i, big.size(), {}, big});
        messages.flush();
        QCOMPARE(messages.rowCount(), count); // every message is still a row
        QVERIFY(messages.storedBodyBytes() <=
                model::streamlimits::kMaxStoredBodyBytes + 5 * model::streamlimits::kTruncatedBodyBytes);
        QVERIFY(!messages.isTruncated(0));
        QVERIFY(messages.isTruncated(count - 1));
        QCOMPARE(messages.message(count - 1).body.size(), model::streamlimits::kTruncatedBodyBytes);
        QCOMPARE(messages.message(count - 1).size, big.size()); // the size on the wire stays exact
        QVERIFY(!messages.index(count - 1, model::StreamMessageModel::Preview).data(Qt::ToolTipRole).isNull());
    }
};

QTEST_GUILESS_MAIN(TestStreamMessageModel)
#include "test_streammessagemodel.moc"
