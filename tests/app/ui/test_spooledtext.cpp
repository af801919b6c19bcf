// Spooled bodies in the view: the file mapped, its lines indexed and searched by reading the file, and the response
// view showing one at once and finding a word near its end.
#include "app/client/bodyspool.h"
#include "app/ui/findbar.h"
#include "app/ui/responseview.h"
#include "app/ui/spooledtext.h"

#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::ui;

namespace {
// `lines` lines of a fixed 40 bytes (newline included), then a last line holding the needle.
client::BodySpoolPtr spoolOf(qint64 lines, const QByteArray &last) {
    auto spool = client::BodySpool::create();
    const QByteArray line = QByteArray("{\"id\":1,\"product\":\"keyboard\",\"q\":22}").leftJustified(39, ' ') + '\n';
    QByteArray block;
    for (int i = 0; i < 4096; ++i)
        block += line;
    for (qint64 written = 0; written < lines; written += 4096)
        spool->append(block.constData(), std::min<qint64>(4096, lines - written) * line.size());
    spool->append(last.constData(), last.size());
    return spool;
}
} // namespace

class TestSpooledText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSpoolKeepsItsBytesInAFileUntilTheLastUserGoes() {
        auto spool = client::BodySpool::create();
        QVERIFY(spool);
        QVERIFY(spool->append("hello ", 6));
        QVERIFY(spool->append("world", 5));
        QCOMPARE(spool->size(), qint64(11));
        QCOMPARE(spool->read(6, 100), QByteArray("world"));
        const QString path = spool->path();
        QVERIFY(QFile::exists(path));
        const IndexedText mapped = mapSpooledBody(spool, 1024);
        spool.reset(); // the mapped text still uses it
        QVERIFY(QFile::exists(path));
        QCOMPARE(mapped.text, QByteArray("hello world"));
        QCOMPARE(mapped.filePath, path);
    }

    void indexesTheFirstScreenThenEveryLine_data() {
        QTest::addColumn<qint64>("lines");
        QTest::newRow("a few lines") << qint64(10);
        QTest::newRow("past one read block (8 MB)") << qint64(300'000);
    }
    void indexesTheFirstScreenThenEveryLine() {
        QFETCH(qint64, lines);
        const auto spool = spoolOf(lines, "{\"marker\":\"needle-at-the-end\"}");
        const IndexedText first = mapSpooledBody(spool, 400); // ten lines of 40 bytes
        QCOMPARE(first.lineCount(), std::min<qsizetype>(qsizetype(lines), 10) + 1);
        QCOMPARE(first.lineEnd(first.lineCount() - 1), spool->size()); // the last indexed line runs to the end
        const IndexedText all = indexSpooledText(first);
        QCOMPARE(all.lineCount(), qsizetype(lines + 1));
        QCOMPARE(all.lineStarts.last(), lines * 40);
        QCOMPARE(all.longestLineBytes, qint64(39));
        QVERIFY(all.text.endsWith("needle-at-the-end\"}"));
    }

    void findsInTheFileAcrossBlocks_data() {
        QTest::addColumn<QByteArray>("needle");
        QTest::addColumn<int>("matches");
        QTest::newRow("near the end") << QByteArray("NEEDLE-at-the-END") << 1;
        QTest::newRow("on every line") << QByteArray("keyboard") << 300'001;
        QTest::newRow("nowhere") << QByteArray("mouse") << 0;
    }
    void findsInTheFileAcrossBlocks() {
        QFETCH(QByteArray, needle);
        QFETCH(int, matches);
        const auto spool = spoolOf(300'000, "{\"product\":\"keyboard\",\"marker\":\"needle-at-the-end\"}");
        const std::atomic_bool stop{false};
        const auto found = findAllMatchesInFile(spool->path(), needle, 1'000'000, stop);
        QCOMPARE(int(found.size()), matches);
        const QByteArray all = spool->read(0, spool->size());
        const std::atomic_bool noStop{false};
        QCOMPARE(found, findAllMatches(all, needle, 1'000'000, noStop)); // as one pass over the whole text
    }

    void theResponseViewShowsASpooledBodyAtOnceAndFindsNearItsEnd() {
        const qint64 lines = responseviewlimits::kMaxIndentedSpooledBytes / 40 + 1000; // too large to indent
        client::CallRecord record;
        record.httpStatus = 200;
        record.spooledBody = spoolOf(lines, "{\"marker\":\"needle-at-the-end\"}");
        record.body = record.spooledBody->read(0, 64 * 1024);
        ResponseView view(SyntaxLanguage::Json);
        view.resize(600, 400);
        QSignalSpy shown(&view, &ResponseView::bodyShown);
        view.showRecord(record);
        QVERIFY(!view.isBodyFormatted());
        QCOMPARE(view.bodyView()->filePath(), record.spooledBody->path());
        QVERIFY(view.bodyView()->utf8().startsWith("{\"id\":1,\"product\":\"keyboard\""));
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(view.bodyView()->lineCount(), qsizetype(lines + 1));
        QVERIFY(view.formatNote().contains(QStringLiteral("stays on disk")));
        QSignalSpy finished(view.findBar(), &FindBar::searchFinished);
        view.findBar()->open();
        view.findBar()->field()->setText(QStringLiteral("needle-AT-the-end"));
        QTRY_VERIFY(!finished.isEmpty());
        QCOMPARE(view.findBar()->matchCount(), 1);
        QCOMPARE(view.bodyView()->selectedText(), QStringLiteral("needle-at-the-end"));
    }
};

QTEST_MAIN(TestSpooledText)
#include "test_spooledtext.moc"
