// kill -9 during writes in all three styles, then an integrity check. triptych-server runs on a kept database while
// one writer per style (REST POST, GraphQL createOrder, gRPC CreateOrder) creates orders as fast as it can; the
// server is killed with SIGKILL mid-write and restarted on the same file. Then: SQLite finds the file intact, every
// write the server acknowledged is there exactly once, and at most the one write in flight per style was added.
// TRIPTYCH_KILL_ROUNDS repeats it (bench/load/kill-writes.sh runs many rounds); the suite runs one.
#include "orders/v1/orders.grpc.pb.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <grpcpp/grpcpp.h>
#include <sqlite3.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

namespace {

constexpr int kUsers = 100;
constexpr int kAcknowledgedBeforeKill = 25; // per style
constexpr int kMaxRounds = 15;              // three users a round, out of 50..99
constexpr const char *kToken = "kill-test-token";

enum class Style { Rest, Graphql, Grpc };
constexpr Style kStyles[] = {Style::Rest, Style::Graphql, Style::Grpc};

// One HTTP/1.1 request on a fresh connection, blocking, with a deadline; the status (0 when it failed) and body.
std::pair<int, std::string> httpPost(quint16 port, const std::string &path, const std::string &body) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
        const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
                                    "Content-Type: application/json\r\nAuthorization: Bearer " + kToken +
                                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size())) {
            char buffer[4096];
            for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                answer.append(buffer, std::size_t(n));
        }
    }
    ::close(fd);
    if (!answer.starts_with("HTTP/1.1 "))
        return {0, {}};
    const auto bodyStart = answer.find("\r\n\r\n");
    return {std::atoi(answer.c_str() + 9),
            bodyStart == std::string::npos ? std::string() : answer.substr(bodyStart + 4)};
}

// Creates the order (user, quantity) in one style; true only when the server acknowledged it.
bool write(Style style, quint16 httpPort, orders::v1::OrderService::Stub &stub, int user, int quantity) {
    const std::string product = "Desk Lamp";
    switch (style) {
    case Style::Rest: {
        const auto [status, body] =
            httpPost(httpPort, "/v1/users/" + std::to_string(user) + "/orders",
                     R"({"product":")" + product + R"(","quantity":)" + std::to_string(quantity) + "}");
        return status == 201;
    }
    case Style::Graphql: {
        const std::string query = "mutation { createOrder(input: {userId: " + std::to_string(user) + ", product: \\\"" +
                                  product + "\\\", quantity: " + std::to_string(quantity) + "}) { id } }";
        const auto [status, body] = httpPost(httpPort, "/graphql", R"({"query":")" + query + R"("})");
        return status == 200 && body.find("\"createOrder\":{\"id\"") != std::string::npos;
    }
    case Style::Grpc: {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        context.AddMetadata("authorization", std::string("Bearer ") + kToken);
        orders::v1::CreateOrderRequest request;
        request.set_user_id(user);
        request.set_product(product);
        request.set_quantity(quantity);
        orders::v1::Order order;
        return stub.CreateOrder(&context, request, &order).ok();
    }
    }
    return false;
}

// The quantities of a user's orders as the file holds them now, and whether SQLite finds the file intact.
struct Stored {
    bool intact = false;
    std::multiset<int> quantities;
};

Stored readBack(const QString &file, int user) {
    Stored stored;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(file.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return stored;
    }
    sqlite3_stmt *check = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
    stored.intact = sqlite3_step(check) == SQLITE_ROW &&
                    std::string(reinterpret_cast<const char *>(sqlite3_column_text(check, 0))) == "ok";
    sqlite3_finalize(check);
    sqlite3_stmt *select = nullptr;
    sqlite3_prepare_v2(db, "SELECT quantity FROM orders WHERE user_id = ? AND product = 'Desk Lamp'", -1, &select,
                       nullptr);
    sqlite3_bind_int(select, 1, user);
    while (sqlite3_step(select) == SQLITE_ROW)
        stored.quantities.insert(sqlite3_column_int(select, 0));
    sqlite3_finalize(select);
    sqlite3_close(db);
    return stored;
}

} // namespace

class TestKillWrites : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedWritesSurviveKill9() {
        const int rounds = std::clamp(qEnvironmentVariableIntValue("TRIPTYCH_KILL_ROUNDS"), 1, kMaxRounds);
        QTemporaryDir directory;
        const QString file = directory.filePath("orders.db");
        for (int round = 0; round < rounds; ++round) {
            QProcess server;
            quint16 httpPort = 0;
            quint16 grpcPort = 0;
            QVERIFY(start(server, file, httpPort, grpcPort));
            auto stub = orders::v1::OrderService::NewStub(
                grpc::CreateChannel("127.0.0.1:" + std::to_string(grpcPort), grpc::InsecureChannelCredentials()));
            // The users of this round start with the orders the data set gave them; those are set aside.
            std::map<Style, int> users;
            std::map<Style, std::multiset<int>> existing;
            std::map<Style, std::set<int>> acknowledged;
            std::map<Style, std::atomic<int>> counts;
            for (Style style : kStyles) {
                users[style] = 50 + 3 * round + int(style);
                existing[style] = readBack(file, users[style]).quantities;
                acknowledged[style];
                counts[style] = 0;
            }
            std::vector<std::thread> writers;
            for (Style style : kStyles) {
                // Each writer touches only its own entries, made above.
                writers.emplace_back(
                    [&, style, user = users[style], done = &acknowledged[style], count = &counts[style]] {
                        for (int quantity = 1; quantity <= 1000; ++quantity) {
                            if (!write(style, httpPort, *stub, user, quantity))
                                return; // the server is gone
                            done->insert(quantity);
                            ++*count;
                        }
                    });
            }
            const auto enough = [&] {
                for (Style style : kStyles)
                    if (counts[style] < kAcknowledgedBeforeKill)
                        return false;
                return true;
            };
            QTRY_VERIFY_WITH_TIMEOUT(enough(), 60000);
            server.kill(); // SIGKILL while every writer has a write in flight or about to be
            QVERIFY(server.waitForFinished(10000));
            for (auto &writer : writers)
                writer.join();
            QCOMPARE(server.exitStatus(), QProcess::CrashExit);

            // The restarted server opens the file (recovering its WAL) and serves it.
            QProcess again;
            QVERIFY(start(again, file, httpPort, grpcPort));
            again.terminate();
            QVERIFY(again.waitForFinished(10000));
            for (Style style : kStyles) {
                const Stored stored = readBack(file, users[style]);
                QVERIFY2(stored.intact, "PRAGMA integrity_check did not answer ok");
                std::multiset<int> added = stored.quantities;
                for (int quantity : existing[style])
                    added.erase(added.find(quantity));
                const std::set<int> distinct(added.begin(), added.end());
                QVERIFY2(distinct.size() == added.size(), "a write was stored twice");
                for (int quantity : acknowledged[style])
                    QVERIFY2(distinct.count(quantity),
                             qPrintable(QStringLiteral("acknowledged write %1 is lost").arg(quantity)));
                // Writes go in order: besides the acknowledged ones, only the one in flight may have landed.
                const int next = acknowledged[style].empty() ? 1 : *acknowledged[style].rbegin() + 1;
                for (int quantity : distinct)
                    QVERIFY2(acknowledged[style].count(quantity) || quantity == next,
                             qPrintable(QStringLiteral("write %1 was never sent").arg(quantity)));
                qInfo("round %d, %s: %zu writes acknowledged, all stored once; the one in flight %s", round + 1,
                      style == Style::Rest      ? "REST"
                      : style == Style::Graphql ? "GraphQL"
                                                : "gRPC",
                      acknowledged[style].size(), distinct.count(next) ? "landed" : "did not land");
            }
        }
    }

private:
    static bool start(QProcess &server, const QString &file, quint16 &httpPort, quint16 &grpcPort) {
        server.setProgram(QStringLiteral(TRIPTYCH_SERVER_BINARY));
        server.setArguments({"--db", file, "--users", QString::number(kUsers), "--http-port", "0", "--grpc-port", "0",
                             "--token", kToken});
        server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        server.start();
        if (!server.waitForStarted(10000))
            return false;
        QByteArray output;
        const QRegularExpression ready(QStringLiteral("ready: http=[^ ]*:(\\d+) grpc=[^ ]*:(\\d+)"));
        while (server.waitForReadyRead(30000)) {
            output += server.readAllStandardOutput();
            const auto match = ready.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                httpPort = quint16(match.captured(1).toUInt());
                grpcPort = quint16(match.captured(2).toUInt());
                return true;
            }
        }
        return false;
    }
};

QTEST_GUILESS_MAIN(TestKillWrites)
#include "test_killwrites.moc"
