#include "app/session/activeenvironment.h"

#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"

#include <algorithm>

namespace triptych::session {

namespace {
const QString kHost = QStringLiteral("127.0.0.1");
} // namespace

ActiveEnvironment::ActiveEnvironment(workspace::SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_current(builtInName()) {
    connect(m_secrets, &workspace::SecretStore::environmentFilled, this, &ActiveEnvironment::onEnvironmentFilled);
    applyBuiltIn();
}

QString ActiveEnvironment::builtInName() {
    return QString::fromUtf16(workspace::embeddedserver::kEnvironmentName);
}

QStringList ActiveEnvironment::names() const {
    return QStringList{builtInName()} + m_names;
}

void ActiveEnvironment::setWorkspace(workspace::Workspace *workspace, const QString &environment) {
    m_workspace = workspace;
    m_names = workspace ? workspace->environmentNames() : QStringList();
    m_names.removeAll(builtInName());
    Q_EMIT namesChanged();
    loadWorkspaceVariables();
    select(m_names.contains(environment) ? environment : builtInName());
}

void ActiveEnvironment::setServer(const ServerState &state) {
    m_server = state;
    if (m_current == builtInName())
        applyBuiltIn();
}

void ActiveEnvironment::applyBuiltIn() {
    const auto &settings = m_server.settings;
    // Before the server first runs, the ports it asks for: what it will most likely get.
    const int http = m_server.httpPort > 0 ? m_server.httpPort : settings.httpPort;
    const int grpc = m_server.grpcPort > 0 ? m_server.grpcPort : settings.grpcPort;
    const Endpoints defaults;
    m_resolver.setEnvironment(
        {builtInName(), workspace::embeddedserver::variables(
                            kHost, http, grpc, settings.token.isEmpty() ? defaults.token : settings.token,
                            settings.apiKey.isEmpty() ? defaults.apiKey : settings.apiKey, settings.tls)});
}

void ActiveEnvironment::select(const QString &name) {
    m_current = name;
    if (name == builtInName() || !m_workspace) {
        m_current = builtInName();
        applyBuiltIn();
        Q_EMIT environmentChanged(m_current);
        return;
    }
    const auto loaded = m_workspace->loadEnvironment(name);
    workspace::Environment environment = loaded.value;
    environment.name = name; // also when the file could not be read: what was read of it is used
    if (!loaded.ok()) {
        QStringList problems;
        for (const auto &diagnostic : loaded.diagnostics)
            problems.append(diagnostic.text());
        Q_EMIT environmentFailed(name, problems.join(QLatin1Char('\n')));
    }
    if (hasSecrets(environment)) {
        m_secrets->fill(m_workspace->root(), environment);
        return;
    }
    onEnvironmentFilled(environment);
}

void ActiveEnvironment::setRunValues(const QHash<QString, QString> &values) {
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_resolver.setRuntimeValue(it.key(), it.value());
}

void ActiveEnvironment::reload() {
    if (!m_workspace)
        return;
    const QStringList names = m_workspace->environmentNames();
    if (names != m_names) {
        m_names = names;
        m_names.removeAll(builtInName());
        Q_EMIT namesChanged();
    }
    loadWorkspaceVariables();
    select(m_names.contains(m_current) ? m_current : builtInName());
}

void ActiveEnvironment::loadWorkspaceVariables() {
    m_resolver.setWorkspaceVariables({});
    if (!m_workspace)
        return;
    // The settings file's variables travel as an environment without a name: the secret store's key for them.
    const workspace::Environment variables{QString(), m_workspace->settings().value.variables};
    if (hasSecrets(variables))
        m_secrets->fill(m_workspace->root(), variables);
    else
        m_resolver.setWorkspaceVariables(variables.variables);
}

bool ActiveEnvironment::hasSecrets(const workspace::Environment &environment) const {
    return std::any_of(environment.variables.cbegin(), environment.variables.cend(),
                       [](const workspace::Variable &variable) { return variable.secret && variable.value.isEmpty(); });
}

void ActiveEnvironment::onEnvironmentFilled(const workspace::Environment &environment) {
    if (environment.name.isEmpty()) {
        m_resolver.setWorkspaceVariables(environment.variables);
        Q_EMIT environmentChanged(m_current);
        return;
    }
    if (environment.name != m_current)
        return; // another environment was picked meanwhile
    m_resolver.setEnvironment(environment);
    Q_EMIT environmentChanged(m_current);
}

} // namespace triptych::session
