// appendResponseHead writes exactly the bytes Beast writes for the same answer after HttpSession's preparation, and
// declines the answers whose framing it leaves to Beast.
#include "server/http/problem.h"
#include "server/http/responsehead.h"

#include <boost/beast/http.hpp>

#include <QtTest>

#include <sstream>

using namespace triptych;
namespace bhttp = boost::beast::http;

namespace {

using Fields = QList<QPair<QString, QString>>;

http::HttpResponse answer(int status, const Fields &fields, const QString &body) {
    http::HttpResponse response;
    response.status = status;
    for (const auto &[name, value] : fields)
        response.headers.add(name.toStdString(), value.toStdString());
    response.body = body.toStdString();
    return response;
}

// What HttpSession::sendResponse has Beast write for a whole answer.
std::string beastBytes(const http::HttpResponse &response, unsigned version, bool close) {
    bhttp::response<bhttp::string_body> message(static_cast<bhttp::status>(response.status), version);
    if (const auto phrase = http::reasonPhrase(response.status); phrase != "Unknown")
        message.reason(phrase);
    for (const auto &field : response.headers.fields())
        message.insert(field.name, field.value);
    if (!message.count(bhttp::field::server))
        message.set(bhttp::field::server, "triptych");
    message.body() = response.body;
    message.prepare_payload();
    message.keep_alive(!close);
    std::ostringstream out;
    out << message;
    return out.str();
}

} // namespace

class TestResponseHead : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameBytesAsBeast_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<Fields>("fields");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("close");
        const Fields json{{"Content-Type", "application/json"}};
        QTest::newRow("REST resource") << 200
                                       << Fields{{"Content-Type", "application/json"},
                                                 {"ETag", "\"abc\""},
                                                 {"Cache-Control", "private, max-age=0, must-revalidate"},
                                                 {"Vary", "Accept-Encoding"},
                                                 {"traceresponse",
                                                  "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
                                                 {"Server-Timing", "total;dur=0.081, sql;dur=0.012"}}
                                       << R"({"id":42,"name":"Ada"})" << false;
        QTest::newRow("closing") << 200 << json << "{}" << true;
        QTest::newRow("created") << 201 << Fields{{"Location", "/v1/orders/7"}} << "{}" << false;
        QTest::newRow("problem") << 404 << Fields{{"Content-Type", "application/problem+json"}} << "{\"status\":404}"
                                 << false;
        QTest::newRow("too large") << 413 << json << "{}" << true;
        QTest::newRow("empty body") << 200 << json << "" << false;
        QTest::newRow("own server field") << 200 << Fields{{"server", "other"}} << "x" << false;
        QTest::newRow("spaces around a value")
            << 429 << Fields{{"Retry-After", "  1\t"}, {"X-Empty", " "}} << "{}" << false;
        QTest::newRow("repeated field") << 200 << Fields{{"Vary", "Accept"}, {"Vary", "Accept-Encoding"}} << "[]"
                                        << false;
    }
    void sameBytesAsBeast() {
        QFETCH(int, status);
        QFETCH(Fields, fields);
        QFETCH(QString, body);
        QFETCH(bool, close);
        const auto response = answer(status, fields, body);
        std::string head;
        QVERIFY(http::appendResponseHead(head, response, 11, close));
        QCOMPARE(QString::fromStdString(head + response.body), QString::fromStdString(beastBytes(response, 11, close)));
    }

    void leavesTheRestToBeast_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<Fields>("fields");
        QTest::addColumn<unsigned>("version");
        QTest::newRow("no content") << 204 << Fields{} << 11u;
        QTest::newRow("not modified") << 304 << Fields{{"ETag", "\"abc\""}} << 11u;
        QTest::newRow("switching") << 101 << Fields{} << 11u;
        QTest::newRow("HTTP/1.0") << 200 << Fields{} << 10u;
        QTest::newRow("unknown status") << 299 << Fields{} << 11u;
        QTest::newRow("own length") << 200 << Fields{{"content-length", "2"}} << 11u;
        QTest::newRow("own framing") << 200 << Fields{{"Transfer-Encoding", "chunked"}} << 11u;
        QTest::newRow("own connection") << 200 << Fields{{"Connection", "close"}} << 11u;
    }
    void leavesTheRestToBeast() {
        QFETCH(int, status);
        QFETCH(Fields, fields);
        QFETCH(unsigned, version);
        std::string head = "kept";
        QVERIFY(!http::appendResponseHead(head, answer(status, fields, {}), version, false));
        QCOMPARE(head, std::string("kept"));
    }
};

QTEST_GUILESS_MAIN(TestResponseHead)
#include "test_responsehead.moc"
