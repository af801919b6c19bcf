#pragma once

#include "app/workspace/environment.h"
#include "app/workspace/requestdocument.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// {{variables}} in the text fields of a request (docs/workspace.md). Scopes, weakest first: the workspace's variables
// (workspace.yaml), the active environment, values set at run time (CLI --var, captures). Names starting with '$' are
// built in and fresh at every use: {{$uuid}}, {{$timestamp}} (Unix seconds), {{$isoTimestamp}} (UTC, ms),
// {{$randomInt}} (0–1000). A value may itself use variables.
namespace triptych::workspace {

// One {{name}} in a text, braces included, for the editor to colour and explain on hover.
struct VariableSpan {
    qsizetype start = 0;
    qsizetype length = 0;
    QString name;
    bool dynamic = false; // a built-in $name
    bool operator==(const VariableSpan &) const = default;
};

QList<VariableSpan> variableSpans(QStringView text);

enum class VariableScope { Workspace, Environment, Runtime, Dynamic };

struct ResolvedVariable {
    QString value; // with the variables inside it resolved; a dynamic one shows a sample
    VariableScope scope = VariableScope::Workspace;
    bool secret = false;
};

struct ResolveResult {
    RequestDocument document;   // every variable replaced; where one is undefined the {{name}} stays
    QStringList undefined;      // each name once, in the order met
    QStringList missingSecrets; // secret variables whose value this machine does not have
    QStringList cycles;         // "a → b → a"
    QString environment;        // the active environment's name; empty when none
    bool ok() const { return undefined.isEmpty() && missingSecrets.isEmpty() && cycles.isEmpty(); }
    // What stops the send, naming each variable and the environment, e.g.
    // "Undefined variable {{token}} in environment “staging”".
    QString errorText() const;
};

// The names the embedded server's built-in environment defines, from what the server reports at run time.
namespace embeddedserver {
inline constexpr auto kEnvironmentName = u"Embedded server";
// baseUrl (http://host:port), wsUrl (ws://host:port), grpcTarget (host:port), token, apiKey; https:// and wss://
// in the server's TLS mode.
QList<Variable> variables(const QString &host, int httpPort, int grpcPort, const QString &token, const QString &apiKey,
                          bool tls = false);
} // namespace embeddedserver

class VariableResolver {
public:
    void setWorkspaceVariables(const QList<Variable> &variables);
    // The active environment, secret values filled in by the caller from a SecretStore; the embedded server's
    // built-in one is Environment{embeddedserver::kEnvironmentName, embeddedserver::variables(…)}.
    void setEnvironment(const Environment &environment);
    void clearEnvironment();
    void setRuntimeValues(const QHash<QString, QString> &values);
    void setRuntimeValue(const QString &name, const QString &value);

    // For the editor's hover; nothing when the name is defined nowhere.
    std::optional<ResolvedVariable> lookup(QStringView name) const;

    // One text; the names that were not defined (and secrets without a value) are added to `undefined`.
    QString resolveText(QStringView text, QStringList *undefined = nullptr) const;
    // Every text field of the document's own style that will be sent (disabled entries and other styles' fields
    // stay as they are).
    ResolveResult resolve(const RequestDocument &document) const;

    // The values of the secret variables in scope, longest first: what mask() hides.
    QStringList secretValues() const;
    // Replaces every secret value in `text` with "••••••", for exports and logs.
    QString mask(const QString &text) const;
    static QString maskText(const QString &text, const QStringList &secrets);

private:
    struct Entry {
        QString value;
        VariableScope scope;
        bool secret;
    };
    struct Context; // one resolve's findings and the chain of names being expanded
    const Entry *find(QStringView name) const;
    QString expand(QStringView text, Context &context) const;
    // Nothing when the name is undefined or a secret without a value (noted in the context).
    std::optional<QString> value(const QString &name, Context &context) const;

    QHash<QString, Entry> m_workspace;
    QHash<QString, Entry> m_environment;
    QHash<QString, Entry> m_runtime;
    QString m_environmentName;
};

} // namespace triptych::workspace
