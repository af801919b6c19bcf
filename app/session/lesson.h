#pragma once

#include "app/session/question.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace triptych::session {

// One lesson of resources/lessons/ (docs/lessons.md): a point made with a few comparisons, each step's sentence
// filled with what was measured a moment ago and backed by a claim checked against those numbers.
struct Lesson {
    // The embedded server's switches a step needs beyond its question's DataLoader and database latency; what is
    // not given keeps the value the server runs with (ServerSettings says what each means).
    struct Server {
        std::optional<bool> gateway;
        std::optional<int> rateLimitPerSecond;
        std::optional<bool> tls; // HTTPS, WSS and gRPC over TLS with a CA generated at start (docs/contract.md)
        bool operator==(const Server &) const = default;
    };
    // After the calls, one style's trace POSTed as OTLP/JSON to a collector ({style.exported}, {style.collector}).
    struct ExportTrace {
        QString style; // "rest", "graphql" or "grpc": its first call's trace
        QString to;    // the collector's URL, {{variables}} of the lesson allowed
    };
    struct Step {
        QString title;
        QString questionId; // the question of questions.json this step asks; empty when it carries its own calls
        Question question;  // what is asked: the named question, or the step's own calls
        Server server;
        // What to notice, with {rest.received}, {graphql.status} … filled from the step's run record.
        QString notice;
        // Checked against the run record, e.g. "rest.received > graphql.received and grpc.status == NOT_FOUND";
        // when it does not hold, the step shows `otherwise` instead of the notice.
        QString claim;
        QString otherwise;
        int stopAfterMs = 0; // a streaming step: how long its calls stay open before the record is read
        std::optional<ExportTrace> exportTrace;
    };

    QString id;
    QString title;
    QString point; // the lesson's point, in one or two sentences
    // What the lesson would show with a server switch or route that does not exist yet, in words.
    QStringList needs;
    // {{name}} values for the steps' URLs (an OTLP collector); triptych-cli lesson --var NAME=VALUE overrides them.
    QHash<QString, QString> variables;
    QList<Step> steps;
};

} // namespace triptych::session
