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
        int refused = 0;     // calls the rate limit refused: HTTP 429, gRPC RESOURCE_EXHAUSTED
        QString status;      // the first call's HTTP status, or its gRPC code name
        QString code;        // the first call's error code: GraphQL extensions.code, gRPC code name, problem title
        QString errorDetail; // the first call's gRPC details type (BadRequest …) or problem+json media type
        QString etag;        // the first call's ETag header, "none" without one
        QString cache;       // the first call's Cache-Control header, "none" without one
    };
    struct Verdict {
        bool holds = false;
        QString because; // the claim with the measured values, e.g. "rest.received (2,134 B) > graphql.received (96 B)"
    };

    void add(const client::CallRecord &record);
    void clear() { m_figures.clear(); }
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

private:
    QString display(const QString &name) const;

    QHash<QString, Figures> m_figures; // by "rest", "graphql", "grpc"
};

} // namespace triptych::session
