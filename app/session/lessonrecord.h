#pragma once

#include "app/client/callrecord.h"

#include <QHash>
#include <QString>
#include <QVariant>

#include <optional>

namespace triptych::session {

// What one lesson step measured, per style, in the names its sentence and claim use: {rest.received},
// "graphql.sql < rest.calls" (docs/lessons.md lists them). Filled from the step's call records.
class LessonRecord {
public:
    struct Figures {
        int calls = 0;
        qint64 timeUs = 0;   // the calls' total times added up
        qint64 received = 0; // response bytes on the wire, stream messages included
        qint64 sent = 0;     // request body bytes
        int sql = 0;         // SQL statements the server recorded
        int spans = 0;       // server spans
        int rpcSpans = 0;    // server spans of gRPC methods (a GraphQL resolver calling gRPC shows them)
        int messages = 0;    // stream messages received
        int streamed = 0;    // messages the client sent on its calls (a client stream's list)
        int refused = 0;     // calls the rate limit refused: HTTP 429, gRPC RESOURCE_EXHAUSTED
        int deprecated = 0;  // what the answers' introspection marks "isDeprecated": true
        int exported = 0;    // spans of the style's trace a step exported to an OTLP collector
        QString collector = QStringLiteral("none"); // the collector's answer to that export: HTTP status or error
        QString status;                             // the first call's HTTP status, or its gRPC code name
        QString code;        // the first call's error code: GraphQL extensions.code, gRPC code name, problem title
        QString errorDetail; // the first call's gRPC details type (BadRequest …) or problem+json media type
        QString etag;        // the first call's ETag header, "none" without one
        QString cache;       // the first call's Cache-Control header, "none" without one
        QString encoding;    // the first call's Content-Encoding header, "none" without one
        qint64 decoded = 0;  // response bytes after decoding (gzip, gRPC-Web text's base64), stream messages included
        int handshakes = 0;  // calls that made a TLS handshake (a reused connection or channel makes none)
        qint64 handshakeUs = 0; // their handshakes' times added up (gRPC's: the channel's whole connect)
        qint64 connectUs = 0;   // the calls' TCP connects added up (gRPC plaintext: the channel's connect)
        int certificates = 0;   // the first call's certificate chain: how many the server sent
        QString chain = QStringLiteral("none");    // and who they are, "localhost, signed by Triptych local CA"
        QString protocol = QStringLiteral("none"); // the first call's TLS version, "none" for plaintext
        QString transport; // the first call's: "http/1.1", "http/2", "grpc", "grpc-web" or "grpc-web-text"
        QString allowOrigin = QStringLiteral("none"); // the first call's Access-Control-Allow-Origin
        QString allowMethods = QStringLiteral("none");
        QString allowHeaders = QStringLiteral("none");
    };
    struct Verdict {
        bool holds = false;
        QString because; // the claim with the measured values, e.g. "rest.received (2,134 B) > graphql.received (96 B)"
    };

    void add(const client::CallRecord &record);
    void clear() { m_figures.clear(); }
    // The export of the style's trace: how many spans went, and the collector's HTTP status (or the error).
    void setExport(const QString &style, int spans, const QString &collector);
    // The record of the lesson's step before, read as {previous.rest.etag}, "rest.received < previous.rest.received".
    void setPrevious(const LessonRecord &previous) { m_previous = previous.m_figures; }
    bool has(const QString &style) const { return m_figures.contains(style); }
    Figures figures(const QString &style) const { return m_figures.value(style); }

    // A figure by name ("rest.received"): a number or a word; empty when the style made no call or the name is
    // unknown.
    QVariant value(const QString &name) const;
    // The template with every {style.figure} replaced by the figure as a person reads it ("2.1 KB", "12 ms"); a
    // figure of a style that made no call reads "…".
    QString fill(const QString &text) const;
    // Checks "a OP b [and c OP d]…" where OP is one of == != < <= > >= and each side a figure, a number or a word.
    Verdict check(const QString &claim) const;

    // Load-time checks of a lesson file: the names used are known figures, the claim parses. Null when fine.
    static QString checkTemplate(const QString &text);
    static QString checkClaim(const QString &claim);
    static bool isFigureName(const QString &name);
    // "rest", "graphql" (also over WebSocket) or "grpc": the style a call's figures count under.
    static QString styleOf(client::CallKind kind);
    // Whether the text names a figure of the step before ({previous.…}), which a lesson's first step cannot.
    static bool usesPrevious(const QString &text);

private:
    QString display(const QString &name) const;

    QHash<QString, Figures> m_figures;  // by "rest", "graphql", "grpc"
    QHash<QString, Figures> m_previous; // the step before's
};

} // namespace triptych::session
