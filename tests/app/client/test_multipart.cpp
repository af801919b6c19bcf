// Multipart forms arrive intact: an echo server that parses multipart/form-data (RFC 7578) gets every field and file
// byte for byte, with its name, file name and content type.
#include "app/client/restcaller.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

using namespace triptych::client;

namespace {
constexpr int kWaitMs = 10'000;

struct Part {
    QByteArray name, fileName, contentType, data;
};

// Splits a multipart body at its boundary; each part's headers give its name, file name and content type.
QList<Part> parseMultipart(const QByteArray &body, const QByteArray &boundary) {
    QList<Part> parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype at = body.indexOf(delimiter);
    while (at >= 0) {
        at += delimiter.size();
        if (body.mid(at, 2) == "--")
            break;
        at += 2; // CRLF after the delimiter
        const qsizetype headersEnd = body.indexOf("\r\n\r\n", at);
        const qsizetype next = body.indexOf("\r\n" + delimiter, headersEnd);
        if (headersEnd < 0 || next < 0)
            break;
        Part part;
        for (const auto &line : body.mid(at, headersEnd - at).split('\n')) {
            static const QRegularExpression name(QStringLiteral(R"re( name="([^"]*)")re"));
            static const QRegularExpression file(QStringLiteral(R"re(filename="([^"]*)")re"));
            const QString text = QString::fromUtf8(line.trimmed());
            if (text.startsWith(QLatin1String("Content-Disposition"), Qt::CaseInsensitive)) {
                part.name = name.match(text).captured(1).toUtf8();
                part.fileName = file.match(text).captured(1).toUtf8();
            } else if (text.startsWith(QLatin1String("Content-Type"), Qt::CaseInsensitive)) {
                part.contentType = text.mid(text.indexOf(QLatin1Char(':')) + 1).trimmed().toUtf8();
            }
        }
        part.data = body.mid(headersEnd + 4, next - headersEnd - 4);
        parts.append(part);
        at = next + 2;
    }
    return parts;
}

// Reads one request (headers and Content-Length body), keeps its parts and echoes them as JSON.
class MultipartEcho : public QTcpServer {
public:
    MultipartEcho() {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
        });
    }
    QList<Part> parts;

private:
    void onData(QTcpSocket *socket) {
        const QByteArray request = socket->property("request").toByteArray() + socket->readAll();
        socket->setProperty("request", request);
        const qsizetype headersEnd = request.indexOf("\r\n\r\n");
        if (headersEnd < 0)
            return;
        const QString headers = QString::fromLatin1(request.left(headersEnd));
        static const QRegularExpression length(QStringLiteral(R"(Content-Length:\s*(\d+))"),
                                               QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression boundary(QStringLiteral(R"(boundary=([^\r\n;]+))"));
        const qsizetype bodyBytes = length.match(headers).captured(1).toLongLong();
        if (request.size() < headersEnd + 4 + bodyBytes)
            return;
        parts = parseMultipart(request.mid(headersEnd + 4, bodyBytes), boundary.match(headers).captured(1).toLatin1());
        QJsonArray echo;
        for (const auto &part : parts)
            echo.append(QJsonObject{{QStringLiteral("name"), QString::fromUtf8(part.name)},
                                    {QStringLiteral("bytes"), part.data.size()}});
        const QByteArray body = QJsonDocument(echo).toJson(QJsonDocument::Compact);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
};
} // namespace

class TestMultipart : public QObject {
    Q_OBJECT
    MultipartEcho m_echo;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_echo.listen(QHostAddress::LocalHost, 0)); }

    void fieldsAndFilesArriveIntact_data() {
        QTest::addColumn<QByteArray>("fileBytes");
        QByteArray everyByte;
        for (int i = 0; i < 256; ++i)
            everyByte += char(i);
        QTest::addRow("every byte value") << everyByte;
        QTest::addRow("a boundary-like line") << QByteArray("\r\n--not-the-boundary\r\n\r\nend");
        QTest::addRow("empty file") << QByteArray();
        QTest::addRow("300 KB") << QByteArray(300 * 1024, 'z');
    }
    void fieldsAndFilesArriveIntact() {
        QFETCH(QByteArray, fileBytes);
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(fileBytes);
        file.close();
        RestRequest request;
        request.method = "POST";
        request.url = QStringLiteral("http://127.0.0.1:%1/upload").arg(m_echo.serverPort());
        request.bodyKind = BodyKind::Multipart;
        request.fetchServerTrace = false;
        request.multipart = {{"note", "héllo, wörld\r\nsecond line", {}, "text/plain; charset=utf-8"},
                             {"order", R"({"id":42})", {}, "application/json"},
                             {"attachment", {}, file.fileName(), "application/octet-stream"}};
        RestCaller caller;
        QSignalSpy finished(&caller, &RestCaller::callFinished);
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWaitMs);
        const auto record = finished.first().at(0).value<CallRecord>();
        QCOMPARE(record.httpStatus, 200);
        QCOMPARE(m_echo.parts.size(), 3);
        QCOMPARE(m_echo.parts[0].name, QByteArray("note"));
        QCOMPARE(m_echo.parts[0].data, QByteArray("héllo, wörld\r\nsecond line"));
        QCOMPARE(m_echo.parts[0].contentType, QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(m_echo.parts[1].data, QByteArray(R"({"id":42})"));
        QCOMPARE(m_echo.parts[2].name, QByteArray("attachment"));
        QCOMPARE(m_echo.parts[2].fileName, QFileInfo(file.fileName()).fileName().toUtf8());
        QCOMPARE(m_echo.parts[2].contentType, QByteArray("application/octet-stream"));
        QCOMPARE(m_echo.parts[2].data, fileBytes);
        QCOMPARE(QJsonDocument::fromJson(record.body).array().at(2).toObject().value(QStringLiteral("bytes")).toInt(),
                 fileBytes.size());
    }

    void missingFileFailsBeforeSending() {
        RestRequest request;
        request.method = "POST";
        request.url = QStringLiteral("http://127.0.0.1:%1/upload").arg(m_echo.serverPort());
        request.bodyKind = BodyKind::Multipart;
        request.multipart = {{"attachment", {}, QStringLiteral("/nonexistent/file.bin"), {}}};
        RestCaller caller;
        QSignalSpy failed(&caller, &RestCaller::callFailed);
        caller.send(request);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        const auto record = failed.first().at(0).value<CallRecord>();
        QCOMPARE(toString(record.error.kind), toString(ErrorKind::InvalidRequest));
        QVERIFY(record.error.message.contains(QStringLiteral("/nonexistent/file.bin")));
    }
};

QTEST_GUILESS_MAIN(TestMultipart)
#include "test_multipart.moc"
