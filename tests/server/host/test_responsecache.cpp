// --cache on: which answers are kept, that a kept one is served without the handler, and that every write (an
// EventBus event) empties the cache, also while an answer is being computed.
#include "server/host/responsecache.h"

#include <QtTest>

using namespace triptych;

namespace {

http::HttpRequest request(const std::string &method, const std::string &target,
                          std::vector<std::pair<std::string, std::string>> headers = {}, const std::string &body = {}) {
    http::HttpRequest made;
    made.method = method;
    made.target = target;
    made.path = target.substr(0, target.find('?'));
    for (auto &[name, value] : headers)
        made.headers.add(name, value);
    made.body = body;
    return made;
}

// A handler that counts its calls and answers with the count, so a served copy is told from a new answer.
struct CountingHandler {
    int calls = 0;
    http::HttpResponse answer;
    std::function<void()> during;

    http::Handler handler() {
        return [this](http::HttpRequest &) {
            ++calls;
            if (during)
                during();
            auto response = answer;
            response.body += std::to_string(calls);
            return response;
        };
    }
};

} // namespace

class TestResponseCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keys_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("kept");
        QTest::newRow("REST read") << "GET"
                                   << "/v1/users/42" << true;
        QTest::newRow("HEAD") << "HEAD"
                              << "/v1/users/42?fields=name" << true;
        QTest::newRow("GraphQL POST") << "POST"
                                      << "/graphql" << true;
        QTest::newRow("REST write") << "POST"
                                    << "/v1/orders" << false;
        QTest::newRow("REST cancel") << "DELETE"
                                     << "/v1/orders/7" << false;
        QTest::newRow("gRPC-Web call") << "POST"
                                       << "/orders.v1.OrderService/GetUser" << false;
        QTest::newRow("debug") << "GET"
                               << "/debug/traces/0af7651916cd43dd8448eb211c80319c" << false;
    }
    void keys() {
        QFETCH(QString, method);
        QFETCH(QString, target);
        QFETCH(bool, kept);
        QCOMPARE(!ResponseCache::keyOf(request(method.toStdString(), target.toStdString())).empty(), kept);
    }

    void keysTellAnswersApart() {
        const auto key = [](std::vector<std::pair<std::string, std::string>> headers, std::string body = {}) {
            return ResponseCache::keyOf(request("POST", "/graphql", std::move(headers), body));
        };
        const auto plain = key({{"Accept", "application/json"}}, "{}");
        QCOMPARE(key({{"accept", "application/json"}, {"traceparent", "00-a-b-01"}, {"User-Agent", "x"}}, "{}"), plain);
        QVERIFY(key({{"Accept", "application/graphql-response+json"}}, "{}") != plain);
        QVERIFY(key({{"Accept", "application/json"}, {"Authorization", "Bearer t"}}, "{}") != plain);
        QVERIFY(key({{"Accept", "application/json"}}, "{ }") != plain);
    }

    void keptAnswerIsServedWithoutTheHandler() {
        EventBus events;
        auto middleware = ResponseCache::middleware(std::make_shared<ResponseCache>(events));
        CountingHandler counting;
        counting.answer = http::HttpResponse::json(200, "answer ");
        counting.answer.headers.set("Cache-Control", "no-store"); // for clients: a write empties this cache
        auto first = request("GET", "/v1/users/42");
        auto second = request("GET", "/v1/users/42");
        QCOMPARE(middleware(first, counting.handler()).body, std::string("answer 1"));
        const auto served = middleware(second, counting.handler());
        QCOMPARE(served.body, std::string("answer 1"));
        QCOMPARE(served.headers.value("Content-Type"), std::string_view("application/json"));
        QCOMPARE(counting.calls, 1);
        auto other = request("GET", "/v1/users/43");
        QCOMPARE(middleware(other, counting.handler()).body, std::string("answer 2"));
    }

    void writeEmptiesTheCache() {
        EventBus events;
        auto cache = std::make_shared<ResponseCache>(events);
        auto middleware = ResponseCache::middleware(cache);
        CountingHandler counting;
        counting.answer = http::HttpResponse::json(200, "answer ");
        auto get = request("GET", "/v1/users/42/orders");
        middleware(get, counting.handler());
        QCOMPARE(cache->entries(), std::size_t(1));
        events.publish(OrderEvent{});
        QCOMPARE(cache->entries(), std::size_t(0));
        QCOMPARE(middleware(get, counting.handler()).body, std::string("answer 2"));
        QCOMPARE(cache->hits(), std::uint64_t(0));
    }

    void answerComputedAcrossAWriteIsNotKept() {
        EventBus events;
        auto cache = std::make_shared<ResponseCache>(events);
        auto middleware = ResponseCache::middleware(cache);
        CountingHandler counting;
        counting.answer = http::HttpResponse::json(200, "answer ");
        counting.during = [&events] { events.publish(OrderEvent{}); }; // e.g. a GraphQL mutation
        auto post = request("POST", "/graphql", {}, R"({"query":"mutation { cancelOrder(id: 7) { id } }"})");
        middleware(post, counting.handler());
        middleware(post, counting.handler());
        QCOMPARE(counting.calls, 2);
        QCOMPARE(cache->entries(), std::size_t(0));
    }

    void unkeptAnswers_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("bodyBytes");
        QTest::addColumn<bool>("streamed");
        QTest::newRow("error") << 404 << 10 << false;
        QTest::newRow("too large") << 200 << 64 << false;
        QTest::newRow("streamed") << 200 << 0 << true;
    }
    void unkeptAnswers() {
        QFETCH(int, status);
        QFETCH(int, bodyBytes);
        QFETCH(bool, streamed);
        EventBus events;
        auto cache = std::make_shared<ResponseCache>(events, /*maxAnswerBytes=*/32);
        auto middleware = ResponseCache::middleware(cache);
        CountingHandler counting;
        counting.answer = http::HttpResponse::json(status, std::string(std::size_t(bodyBytes), 'x'));
        if (streamed)
            counting.answer.stream = [](std::shared_ptr<http::ResponseStream>) {};
        auto get = request("GET", "/v1/users/42");
        middleware(get, counting.handler());
        middleware(get, counting.handler());
        QCOMPARE(counting.calls, 2);
        QCOMPARE(cache->entries(), std::size_t(0));
    }

    void fullCacheStartsOver() {
        EventBus events;
        auto cache = std::make_shared<ResponseCache>(events, 1024, /*maxBytes=*/200);
        auto middleware = ResponseCache::middleware(cache);
        CountingHandler counting;
        counting.answer = http::HttpResponse::json(200, std::string(60, 'x'));
        for (int user = 1; user <= 5; ++user) {
            auto get = request("GET", "/v1/users/" + std::to_string(user));
            middleware(get, counting.handler());
            QVERIFY(cache->entries() >= 1);
            QVERIFY(cache->entries() <= 2);
        }
    }
};

QTEST_GUILESS_MAIN(TestResponseCache)
#include "test_responsecache.moc"
