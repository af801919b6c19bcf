// The workspace figures of docs/workspace.md: opening a workspace of 10,000 saved requests (time to the tree, memory),
// checking all of them, searching 100,000 history entries, and the longest time a save or a history call keeps the
// calling (GUI) thread. Prints figures, asserts nothing.
#include "app/workspace/atomicfile.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/historydatabase.h"
#include "app/workspace/historystore.h"
#include "app/workspace/workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace triptych::workspace;

namespace {

constexpr int kFolders = 100;
constexpr int kRequestsPerFolder = 100;
constexpr int kHistoryEntries = 100'000;
constexpr int kSearchRuns = 7;

qint64 residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

RequestDocument sampleRequest(int folder, int index) {
    RequestDocument document;
    document.style = RequestStyle(index % 3);
    document.name = QStringLiteral("Request %1").arg(index, 3, 10, QLatin1Char('0'));
    document.notes = QStringLiteral("Generated for the benchmark.\nFolder %1, request %2.\n").arg(folder).arg(index);
    document.http.url = QStringLiteral("{{baseUrl}}/v1/users/%1/orders").arg(index);
    document.http.headers = {{QStringLiteral("Accept"), QStringLiteral("application/json"), true}};
    document.http.body.kind = BodyKind::Json;
    document.http.body.text = QStringLiteral("{\n  \"product\": \"Keyboard\",\n  \"quantity\": %1\n}\n").arg(index);
    document.graphql.document =
        QStringLiteral("{\n  user(id: %1) {\n    name\n    orders { id total }\n  }\n}\n").arg(index);
    document.grpc.target = QStringLiteral("{{grpcTarget}}");
    document.grpc.method = QStringLiteral("orders.v1.OrderService/GetUserOrders");
    document.grpc.message = QStringLiteral("{\n  \"user_id\": %1\n}\n").arg(index);
    return document;
}

void makeWorkspace(const QString &root) {
    Workspace::create(root, QStringLiteral("Benchmark"));
    Workspace workspace;
    workspace.open(root);
    for (int folder = 0; folder < kFolders; ++folder) {
        const QString name = QStringLiteral("Collection %1").arg(folder, 3, 10, QLatin1Char('0'));
        workspace.createFolder(QString(), name);
        for (int index = 0; index < kRequestsPerFolder; ++index) {
            const RequestDocument document = sampleRequest(folder, index);
            writeFileAtomically(root + QLatin1Char('/') + name + QLatin1Char('/') +
                                    requestFileName(document.name, document.style),
                                writeRequest(document));
        }
    }
}

HistoryEntry historyEntry(int i) {
    HistoryEntry entry;
    entry.startedAtMs = QDateTime::currentMSecsSinceEpoch() - qint64(kHistoryEntries - i) * 60'000;
    entry.style = RequestStyle(i % 3);
    entry.method = i % 7 == 0 ? QStringLiteral("POST") : QStringLiteral("GET");
    entry.url = QStringLiteral("http://127.0.0.1:8080/v1/users/%1/orders").arg(i % 1000);
    entry.status = i % 50 == 0 ? 500 : 200;
    entry.statusText = QString::number(entry.status);
    entry.durationUs = 1000 + i % 5000;
    entry.requestHeaders = {{QStringLiteral("Accept"), QStringLiteral("application/json")}};
    entry.responseHeaders = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
    entry.requestBody =
        i % 7 == 0 ? QByteArray("{\"product\":\"keyboard-") + QByteArray::number(i) + "\"}" : QByteArray();
    entry.responseBody =
        QByteArray("[{\"id\":") + QByteArray::number(i) + ",\"product\":\"Mouse\",\"status\":\"PAID\"}]";
    return entry;
}

template <typename Work> double millis(Work work) {
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

void benchOpen(const QString &root) {
    const qint64 before = residentKiB();
    Workspace workspace;
    const double openMs = millis([&] { workspace.open(root); });
    const qint64 after = residentKiB();
    std::printf("open %d requests in %d folders, tree built: %.1f ms, memory +%.1f MB (nodes: %lld)\n",
                kFolders * kRequestsPerFolder, kFolders, openMs, double(after - before) / 1024.0,
                static_cast<long long>(workspace.nodes().size()));
    Diagnostics found;
    const double validateMs = millis([&] { found = workspace.validate(); });
    std::printf("validate (read and parse) every file: %.0f ms, %lld findings\n", validateMs,
                static_cast<long long>(found.size()));
    const double rescanMs = millis([&] { workspace.rescan(); });
    std::printf("rescan for outside changes (nothing changed): %.1f ms\n", rescanMs);
    const double renameMs = millis([&] {
        workspace.renameRequest(QStringLiteral("Collection 000/Request 000.rest.yaml"), QStringLiteral("Renamed"));
    });
    std::printf("rename a request (relists the tree): %.1f ms\n", renameMs);

    double longestSave = 0;
    double longestBackground = 0;
    QSignalSpy saved(&workspace, &Workspace::saveFinished);
    for (int i = 0; i < 50; ++i) {
        const QString path =
            QStringLiteral("Collection 001/Request %1.graphql.yaml").arg(i * 3 + 1, 3, 10, QLatin1Char('0'));
        RequestDocument document = workspace.load(path).document;
        document.notes += QStringLiteral("edit %1\n").arg(i);
        longestSave = std::max(longestSave, millis([&] { workspace.save(path, document); }));
        document.notes += QStringLiteral("again\n");
        longestBackground = std::max(longestBackground, millis([&] { workspace.saveInBackground(path, document); }));
    }
    saved.wait(5000);
    std::printf("save a request: longest on the calling thread %.2f ms (save) / %.3f ms (saveInBackground)\n",
                longestSave, longestBackground);
}

void benchHistorySearch(const QString &path) {
    HistoryDatabase database;
    QString error;
    database.open(path, &error);
    const double writeMs = millis([&] {
        for (int batch = 0; batch < kHistoryEntries / 1000; ++batch) {
            QList<HistoryEntry> entries;
            for (int i = 0; i < 1000; ++i)
                entries.append(historyEntry(batch * 1000 + i));
            database.append(entries, &error);
        }
    });
    std::printf("history: wrote %d entries in %.0f ms (%.0f entries/s)\n", kHistoryEntries, writeMs,
                kHistoryEntries / (writeMs / 1000));
    const auto query = [](auto change) {
        HistoryQuery q;
        change(q);
        return q;
    };
    const QList<QPair<const char *, HistoryQuery>> queries{
        {"newest 500, no filter", HistoryQuery{}},
        {"text matching every entry (\"orders\")", query([](auto &q) { q.text = QStringLiteral("orders"); })},
        {"text matching one entry (\"keyboard-99995\")",
         query([](auto &q) { q.text = QStringLiteral("keyboard-99995"); })},
        {"text matching none", query([](auto &q) { q.text = QStringLiteral("nothing-like-this"); })},
        {"url piece (\"users/999/\")", query([](auto &q) { q.url = QStringLiteral("users/999/"); })},
        {"method POST and status 500", query([](auto &q) {
             q.method = QStringLiteral("POST");
             q.statusFrom = 500;
         })},
        {"style gRPC", query([](auto &q) { q.style = RequestStyle::Grpc; })},
        {"text \"orders\" and status 500", query([](auto &q) {
             q.text = QStringLiteral("orders");
             q.statusFrom = 500;
         })},
    };
    for (const auto &[name, q] : queries) {
        QList<double> runs;
        qsizetype found = 0;
        for (int run = 0; run < kSearchRuns; ++run)
            runs.append(millis([&] { found = database.search(q, &error).size(); }));
        std::printf("search %d entries, %s: median %.1f ms, worst %.1f ms (%lld results)\n", kHistoryEntries, name,
                    median(runs), *std::max_element(runs.begin(), runs.end()), static_cast<long long>(found));
    }
}

void benchHistoryCallingThread(const QString &path) {
    HistoryStore store({path, HistoryLimits{0, 0, 0}});
    double longestAppend = 0;
    double longestSearch = 0;
    for (int i = 0; i < 2000; ++i) {
        HistoryEntry entry = historyEntry(i);
        if (i % 100 == 0)
            entry.responseBody =
                QByteArray(2 * 1024 * 1024, 'x'); // a big body now and then: a file beside the database
        longestAppend = std::max(longestAppend, millis([&] { store.append(entry); }));
        if (i % 100 == 0)
            longestSearch = std::max(longestSearch, millis([&] { store.search({}); }));
    }
    const double drainMs = millis([&] { store.waitForIdle(); });
    std::printf("history calls on the calling thread, 2,000 appends and 20 searches: longest append %.3f ms, longest "
                "search %.3f ms (the store's thread finished %.0f ms later)\n",
                longestAppend, longestSearch, drainMs);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("workspace"));
    std::printf("generating %d request files...\n", kFolders * kRequestsPerFolder);
    // In a child process, so the memory figure of opening starts from a heap that never held the generator's data.
    const pid_t child = fork();
    if (child == 0) {
        makeWorkspace(root);
        _exit(0);
    }
    waitpid(child, nullptr, 0);
    benchOpen(root);
    benchHistorySearch(dir.filePath(QStringLiteral("history.sqlite")));
    benchHistoryCallingThread(dir.filePath(QStringLiteral("history2.sqlite")));
    return 0;
}
