#include "app/model/historydaymodel.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QTest>

using namespace triptych;
using workspace::HistoryDay;
using workspace::HistorySummary;
using workspace::RequestStyle;

namespace {
const QDate kToday(2026, 12, 7);

HistorySummary call(qint64 id, RequestStyle style, const QString &method, const QString &url, int status,
                    const QString &statusText = {}) {
    HistorySummary summary;
    summary.id = id;
    summary.startedAtMs = QDateTime(kToday, QTime(12, 0)).toMSecsSinceEpoch();
    summary.style = style;
    summary.method = method;
    summary.url = url;
    summary.status = status;
    summary.statusText = statusText;
    return summary;
}

QList<HistoryDay> threeDays() {
    return {{kToday,
             {call(5, RequestStyle::Grpc, "/orders.v1.OrderService/GetUser", "127.0.0.1:50051", 5, "NOT_FOUND"),
              call(4, RequestStyle::Rest, "GET", "http://127.0.0.1:8080/v1/users/42", 200)}},
            {kToday.addDays(-1), {call(3, RequestStyle::GraphQL, "POST", "http://127.0.0.1:8080/graphql", 200)}},
            {kToday.addDays(-6),
             {call(2, RequestStyle::Rest, "POST", "http://127.0.0.1:8080/v1/users/42/orders", 201),
              call(1, RequestStyle::Rest, "GET", "http://127.0.0.1:9/v1/users/7", -1, "refused")}}};
}
} // namespace

class TestHistoryDayModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dayTitles_data() {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("title");
        QTest::newRow("today") << kToday << "Today";
        QTest::newRow("yesterday") << kToday.addDays(-1) << "Yesterday";
        QTest::newRow("two days ago") << kToday.addDays(-2)
                                      << QLocale().toString(kToday.addDays(-2), QLocale::LongFormat);
        QTest::newRow("last year") << QDate(2025, 12, 7) << QLocale().toString(QDate(2025, 12, 7), QLocale::LongFormat);
    }
    void dayTitles() {
        QFETCH(QDate, day);
        QFETCH(QString, title);
        QCOMPARE(model::HistoryDayModel::dayTitle(day, kToday), title);
    }

    void showsDaysWithTheirCalls() {
        model::HistoryDayModel days;
        QAbstractItemModelTester tester(&days, QAbstractItemModelTester::FailureReportingMode::QtTest);
        days.setDays(threeDays(), kToday);
        QCOMPARE(days.rowCount(), 3);
        QCOMPARE(days.callCount(), 5);
        QCOMPARE(days.index(0, model::HistoryDayModel::Time).data().toString(), QStringLiteral("Today"));
        QCOMPARE(days.index(1, model::HistoryDayModel::Time).data().toString(), QStringLiteral("Yesterday"));
        QCOMPARE(days.index(0, model::HistoryDayModel::Status).data().toString(), QStringLiteral("2 calls"));
        QVERIFY(days.index(2, 0).data(model::HistoryDayModel::IsDayRole).toBool());
        const QModelIndex today = days.index(0, 0);
        QCOMPARE(days.rowCount(today), 2);
        const QModelIndex grpc = days.index(0, model::HistoryDayModel::Target, today);
        QCOMPARE(grpc.data().toString(), QStringLiteral("127.0.0.1:50051 /orders.v1.OrderService/GetUser"));
        QCOMPARE(grpc.siblingAtColumn(model::HistoryDayModel::Status).data().toString(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(grpc.siblingAtColumn(model::HistoryDayModel::Style).data().toString(), QStringLiteral("gRPC"));
        QCOMPARE(grpc.data(model::HistoryDayModel::IdRole).toLongLong(), 5);
        const QModelIndex rest = days.index(1, model::HistoryDayModel::Status, today);
        QCOMPARE(rest.data().toString(), QStringLiteral("200")); // no status text: the number
        QCOMPARE(rest.siblingAtColumn(model::HistoryDayModel::Target).data().toString(),
                 QStringLiteral("GET http://127.0.0.1:8080/v1/users/42"));
        QCOMPARE(days.summary(days.index(1, 0, days.index(2, 0)))->id, 1);
        QCOMPARE(days.summary(today), nullptr);
        QCOMPARE(days.parent(grpc), today);
    }

    void removesCallsAndEmptiedDays() {
        model::HistoryDayModel days;
        QAbstractItemModelTester tester(&days, QAbstractItemModelTester::FailureReportingMode::QtTest);
        days.setDays(threeDays(), kToday);
        days.removeCall(4);
        QCOMPARE(days.rowCount(days.index(0, 0)), 1);
        QCOMPARE(days.index(0, model::HistoryDayModel::Status).data().toString(), QStringLiteral("1 call"));
        days.removeCall(3); // yesterday's only call: the day goes too
        QCOMPARE(days.rowCount(), 2);
        QCOMPARE(days.index(1, 0).data().toString(), QLocale().toString(kToday.addDays(-6), QLocale::LongFormat));
        QCOMPARE(days.indexOfCall(1).row(), 1);
        days.removeCall(99); // not shown: nothing happens
        QCOMPARE(days.callCount(), 3);
        days.clear();
        QCOMPARE(days.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryDayModel)
#include "test_historydaymodel.moc"
