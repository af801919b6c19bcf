#include "app/model/benchmarkresultmodel.h"
#include "app/ui/benchmarkdialog.h"
#include "tests/app/ui/testserver.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;
using namespace triptych::ui;

namespace {
constexpr int kWaitMs = 30'000;
}

class TestBenchmarkDialog : public QObject {
    Q_OBJECT
    TestServer m_server;

    std::unique_ptr<BenchmarkDialog> dialog(std::optional<session::BenchmarkCall> focused = std::nullopt) {
        return std::make_unique<BenchmarkDialog>(m_server.state().endpoints(), focused);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.start()); }

    void presetRunsThreeStylesAndDrawsTheirHistograms_data() {
        QTest::addColumn<int>("preset");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("concurrency");
        QTest::newRow("a user's orders") << 0 << 6 << 2;
        QTest::newRow("name and avatar only") << 1 << 4 << 1;
    }
    void presetRunsThreeStylesAndDrawsTheirHistograms() {
        QFETCH(int, preset);
        QFETCH(int, iterations);
        QFETCH(int, concurrency);
        auto d = dialog();
        d->show();
        d->sourceBox()->setCurrentIndex(preset);
        d->iterationsBox()->setValue(iterations);
        d->concurrencyBox()->setValue(concurrency);
        QSignalSpy finished(d.get(), &BenchmarkDialog::runFinished);
        QTest::mouseClick(d->startButton(), Qt::LeftButton);
        QVERIFY(d->isRunning());
        QCOMPARE(d->startButton()->text(), QStringLiteral("Cancel"));
        QVERIFY(!d->sourceBox()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(d->startButton()->text(), QStringLiteral("Start"));
        QCOMPARE(d->progressBar()->value(), 3 * iterations);
        auto *results = d->resultModel();
        QCOMPARE(results->rowCount(), 3);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(results->index(row, model::BenchmarkResultModel::Requests).data().toInt(), iterations);
            QCOMPARE(results->index(row, model::BenchmarkResultModel::Errors).data().toInt(), 0);
            QVERIFY(
                results->index(row, model::BenchmarkResultModel::P99).data().toString().contains(QStringLiteral("ms")));
        }
        QCOMPARE(d->chart()->series().size(), 1);
        auto *series = qobject_cast<QBarSeries *>(d->chart()->series().first());
        QVERIFY(series);
        QCOMPARE(series->count(), 3);
        for (auto *set : series->barSets()) {
            qreal sum = 0;
            for (int i = 0; i < set->count(); ++i)
                sum += set->at(i);
            QCOMPARE(int(sum), iterations); // every successful call sits in one bin
        }
    }

    void focusedPaneCallAndExports() {
        session::BenchmarkCall call;
        call.label = QStringLiteral("REST");
        call.http.url = m_server.state().httpBaseUrl() + QStringLiteral("/healthz");
        call.http.fetchServerTrace = false;
        auto d = dialog(call);
        QCOMPARE(d->sourceBox()->currentIndex(), d->sourceBox()->count() - 1); // the focused call is preselected
        QVERIFY(d->sourceBox()->currentText().contains(QStringLiteral("/healthz")));
        d->iterationsBox()->setValue(5);
        QSignalSpy finished(d.get(), &BenchmarkDialog::runFinished);
        d->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QCOMPARE(d->resultModel()->rowCount(), 1);

        QTemporaryDir dir;
        QString error;
        const QString csvPath = dir.filePath(QStringLiteral("bench.csv"));
        QVERIFY2(d->exportCsv(csvPath, &error), qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("style,target,requests,errors,p50_ms"));
        QVERIFY(lines.at(1).startsWith("\"REST\",\"GET http://"));
        QCOMPARE(lines.count(), 1 + 1 + 1 + 1 + 5 + 1); // summary, blank, sample header, 5 samples, last newline
        const QString pngPath = dir.filePath(QStringLiteral("bench.png"));
        QVERIFY(d->exportPng(pngPath));
        QVERIFY(!QImage(pngPath).isNull());
    }

    // Export to Locust writes the project `triptych-cli locust` writes: every style, the gRPC method's .proto file.
    void exportsThePresetToLocust() {
        auto d = dialog();
        d->sourceBox()->setCurrentIndex(0);
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QSignalSpy finished(d.get(), &BenchmarkDialog::locustExportFinished);
        d->exportLocust(folder.path());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY2(finished.first().first().toBool(), qPrintable(finished.first().at(1).toString()));
        QFile file(folder.filePath("requests.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject exported = QJsonDocument::fromJson(file.readAll()).object();
        QStringList styles;
        for (const auto &request : exported.value("requests").toArray())
            styles.append(request.toObject().value("style").toString());
        QCOMPARE(styles, (QStringList{"rest", "graphql", "grpc"}));
        QVERIFY(exported.value("requests").toArray().at(1).toObject().value("graphql").toObject().contains("query"));
        const QString proto = exported.value("protoFiles").toArray().first().toString();
        QVERIFY2(QFile::exists(folder.filePath("protos/" + proto)), qPrintable(proto));
        for (const char *name : {"locustfile.py", "triptych_locust.py", "run-distributed"})
            QVERIFY(QFile::exists(folder.filePath(name)));
        QVERIFY(d->statusText().contains("3 request(s) exported"));
    }

    void withoutAFocusedCallItSaysWhatToDo() {
        auto d = dialog();
        d->sourceBox()->setCurrentIndex(d->sourceBox()->count() - 1);
        d->start();
        QVERIFY(!d->isRunning());
        QVERIFY(d->statusText().contains(QStringLiteral("send a unary call")));
    }

    void cancelKeepsTheResultsSoFar() {
        auto d = dialog();
        d->iterationsBox()->setValue(1'000'000);
        QSignalSpy finished(d.get(), &BenchmarkDialog::runFinished);
        d->start();
        QTRY_VERIFY_WITH_TIMEOUT(d->progressBar()->value() > 0, kWaitMs);
        QTest::mouseClick(d->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        QVERIFY(d->statusText().startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(d->resultModel()->rowCount(), 1);
        QVERIFY(d->resultModel()->index(0, model::BenchmarkResultModel::Requests).data().toInt() < 1'000'000);
    }
};

QTEST_MAIN(TestBenchmarkDialog)
#include "test_benchmarkdialog.moc"
