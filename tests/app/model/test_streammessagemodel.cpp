#include "app/model/streammessagemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

class TestStreamMessageModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendsRowsAsTheyArrive() {
        model::StreamMessageModel messages;
        QAbstractItemModelTester tester(&messages, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&messages, &QAbstractItemModel::rowsInserted);
        for (int i = 0; i < 1000; ++i)
            messages.append(
                {false, i * 1000, 40, QStringLiteral("order"), QByteArray("{\"id\": ") + QByteArray::number(i) + "}"});
        QCOMPARE(inserted.size(), 1000);
        QCOMPARE(messages.rowCount(), 1000);
        QCOMPARE(messages.index(2, model::StreamMessageModel::Offset).data().toString(), QStringLiteral("2.0 ms"));
        QCOMPARE(messages.index(2, model::StreamMessageModel::Size).data().toString(), QStringLiteral("40 B"));
        QCOMPARE(messages.index(2, model::StreamMessageModel::Preview).data().toString(),
                 QStringLiteral("order: {\"id\": 2}"));
        QCOMPARE(messages.index(2, model::StreamMessageModel::Size).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("40 bytes"));
        messages.clear();
        QCOMPARE(messages.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStreamMessageModel)
#include "test_streammessagemodel.moc"
