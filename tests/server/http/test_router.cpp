#include "server/http/router.h"

#include <QtTest>

using namespace triptych::http;

namespace {

Router sampleRouter() {
    Router router;
    auto named = [](std::string name) {
        return [name](HttpRequest &request) {
            std::string body = name;
            for (const auto &[key, value] : request.pathParams)
                body += " " + key + "=" + value;
            return HttpResponse::text(200, body, "text/plain");
        };
    };
    router.add("GET", "/v1/users", named("list"));
    router.add("GET", "/v1/users/{id}", named("user"));
    router.add("GET", "/v1/users/{id}/orders", named("orders"));
    router.add("POST", "/v1/users/{id}/orders", named("create"));
    router.add("GET", "/v1/orders/{id}", named("order"));
    return router;
}

} // namespace

class TestRouter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void dispatch_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("allow");
        QTest::newRow("static route") << "GET"
                                      << "/v1/users" << 200 << "list"
                                      << "";
        QTest::newRow("trailing slash is the same path") << "GET"
                                                         << "/v1/users/" << 200 << "list"
                                                         << "";
        QTest::newRow("capture") << "GET"
                                 << "/v1/users/42" << 200 << "user id=42"
                                 << "";
        QTest::newRow("nested capture") << "GET"
                                        << "/v1/users/7/orders" << 200 << "orders id=7"
                                        << "";
        QTest::newRow("method picks the route") << "POST"
                                                << "/v1/users/7/orders" << 200 << "create id=7"
                                                << "";
        QTest::newRow("HEAD uses GET") << "HEAD"
                                       << "/v1/orders/3" << 200 << "order id=3"
                                       << "";
        QTest::newRow("unknown path") << "GET"
                                      << "/v1/nothing" << 404 << ""
                                      << "";
        QTest::newRow("too deep") << "GET"
                                  << "/v1/users/1/orders/2/x" << 404 << ""
                                  << "";
        QTest::newRow("wrong method") << "DELETE"
                                      << "/v1/users/42" << 405 << ""
                                      << "GET, HEAD";
        QTest::newRow("two methods allowed") << "PUT"
                                             << "/v1/users/1/orders" << 405 << ""
                                             << "GET, POST, HEAD";
    }
    void dispatch() {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, allow);
        const Router router = sampleRouter();
        HttpRequest request;
        request.method = method.toStdString();
        request.path = path.toStdString();
        const HttpResponse response = router.dispatch(request);
        QCOMPARE(response.status, status);
        if (status == 200)
            QCOMPARE(QString::fromStdString(response.body), body);
        else
            QCOMPARE(QString::fromStdString(std::string(response.headers.value("content-type"))),
                     QStringLiteral("application/problem+json"));
        QCOMPARE(QString::fromStdString(std::string(response.headers.value("Allow"))), allow);
    }

    void middlewaresWrapInOrder() {
        Router router;
        router.add("GET", "/x", [](HttpRequest &) { return HttpResponse::text(200, "x", "text/plain"); });
        router.addMiddleware([](HttpRequest &request, const Handler &next) {
            auto response = next(request);
            response.body = "a(" + response.body + ")";
            return response;
        });
        router.addMiddleware([](HttpRequest &request, const Handler &next) {
            auto response = next(request);
            response.body = "b(" + response.body + ")";
            return response;
        });
        HttpRequest request;
        request.method = "GET";
        request.path = "/x";
        QCOMPARE(QString::fromStdString(router.dispatch(request).body), QStringLiteral("a(b(x))"));
    }

    void queryParameters_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("present");
        QTest::newRow("simple") << "limit=5&offset=10"
                                << "offset"
                                << "10" << true;
        QTest::newRow("percent-encoded") << "q=a%20b%26c"
                                         << "q"
                                         << "a b&c" << true;
        QTest::newRow("plus is space") << "q=a+b"
                                       << "q"
                                       << "a b" << true;
        QTest::newRow("no value") << "flag"
                                  << "flag"
                                  << "" << true;
        QTest::newRow("missing") << "a=1"
                                 << "b"
                                 << "" << false;
        QTest::newRow("first wins") << "a=1&a=2"
                                    << "a"
                                    << "1" << true;
    }
    void queryParameters() {
        QFETCH(QString, query);
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(bool, present);
        HttpRequest request;
        request.query = query.toStdString();
        const auto found = request.queryParam(name.toStdString());
        QCOMPARE(found.has_value(), present);
        if (present)
            QCOMPARE(QString::fromStdString(*found), value);
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "test_router.moc"
