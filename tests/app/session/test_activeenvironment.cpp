// ActiveEnvironment: the built-in environment follows the embedded server's ports; a workspace's environments and
// variables, secrets from the store; switching changes what {{variables}} resolve to.
#include "app/session/activeenvironment.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/secretstore.h"
#include "app/workspace/workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triptych;

class TestActiveEnvironment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() {
        m_folder = std::make_unique<QTemporaryDir>();
        workspace::SecretStore::Options options;
        options.useKeyring = false;
        options.fallbackFile = m_folder->filePath(QStringLiteral("secrets.json"));
        m_secrets = std::make_unique<workspace::SecretStore>(options);
        m_root = m_folder->filePath(QStringLiteral("ws"));
        QVERIFY(workspace::Workspace::create(m_root, QStringLiteral("Test")));
        write(QStringLiteral("workspace.yaml"), "version: 1\nvariables:\n  userId: '7'\n  baseUrl: http://w\n");
        write(QStringLiteral("environments/staging.yaml"),
              "version: 1\nvariables:\n  baseUrl: https://staging\n  token:\n    secret: true\n");
        write(QStringLiteral("environments/local.yaml"), "version: 1\nvariables:\n  baseUrl: http://local\n");
        QVERIFY(m_workspace.open(m_root));
    }
    void cleanup() { m_workspace.close(); }

    void builtInFollowsTheServer() {
        session::ActiveEnvironment environment(m_secrets.get());
        QCOMPARE(environment.current(), QStringLiteral("Embedded server"));
        session::ServerState state;
        state.phase = session::ServerState::Phase::Running;
        state.httpPort = 41234;
        state.grpcPort = 41235;
        state.settings.token = QStringLiteral("secret-token");
        environment.setServer(state);
        const auto &resolver = environment.resolver();
        QCOMPARE(resolver.resolveText(u"{{baseUrl}}|{{grpcTarget}}|{{token}}|{{apiKey}}"),
                 QStringLiteral("http://127.0.0.1:41234|127.0.0.1:41235|secret-token|demo-key"));
        QCOMPARE(environment.names(), QStringList{QStringLiteral("Embedded server")});
    }

    void switchingChangesTheValues() {
        session::ActiveEnvironment environment(m_secrets.get());
        QSignalSpy changed(&environment, &session::ActiveEnvironment::environmentChanged);
        environment.setWorkspace(&m_workspace, QStringLiteral("local"));
        QCOMPARE(environment.names(),
                 (QStringList{QStringLiteral("Embedded server"), QStringLiteral("local"), QStringLiteral("staging")}));
        QCOMPARE(environment.current(), QStringLiteral("local"));
        QCOMPARE(environment.resolver().resolveText(u"{{baseUrl}}/{{userId}}"), QStringLiteral("http://local/7"));
        environment.select(QStringLiteral("Embedded server"));
        QVERIFY(environment.resolver().resolveText(u"{{baseUrl}}").startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(changed.last().first().toString(), QStringLiteral("Embedded server"));
    }

    void secretsComeFromTheStore() {
        m_secrets->write(
            workspace::SecretStore::key(m_workspace.root(), QStringLiteral("staging"), QStringLiteral("token")),
            QStringLiteral("s3cret"));
        QSignalSpy written(m_secrets.get(), &workspace::SecretStore::writeFinished);
        QTRY_COMPARE(written.size(), 1);
        session::ActiveEnvironment environment(m_secrets.get());
        QSignalSpy changed(&environment, &session::ActiveEnvironment::environmentChanged);
        environment.setWorkspace(&m_workspace);
        environment.select(QStringLiteral("staging"));
        QTRY_COMPARE(environment.resolver().resolveText(u"{{token}}"), QStringLiteral("s3cret"));
        QCOMPARE(environment.resolver().mask(QStringLiteral("Bearer s3cret")), QStringLiteral("Bearer ••••••"));
    }

    void aMissingSecretIsNamed() {
        session::ActiveEnvironment environment(m_secrets.get());
        environment.setWorkspace(&m_workspace, QStringLiteral("staging"));
        QSignalSpy changed(&environment, &session::ActiveEnvironment::environmentChanged);
        QTRY_VERIFY(!changed.isEmpty());
        workspace::RequestDocument document;
        document.http.url = QStringLiteral("{{baseUrl}}");
        document.http.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}"), true}};
        const auto resolved = environment.resolver().resolve(document);
        QVERIFY(!resolved.ok());
        QVERIFY2(resolved.errorText().contains(QStringLiteral("{{token}} in environment “staging”")),
                 qPrintable(resolved.errorText()));
    }

    void reloadReadsChangedFiles() {
        session::ActiveEnvironment environment(m_secrets.get());
        environment.setWorkspace(&m_workspace, QStringLiteral("local"));
        write(QStringLiteral("environments/local.yaml"), "version: 1\nvariables:\n  baseUrl: http://moved\n");
        write(QStringLiteral("environments/extra.yaml"), "version: 1\nvariables: {}\n");
        QSignalSpy names(&environment, &session::ActiveEnvironment::namesChanged);
        environment.reload();
        QCOMPARE(names.size(), 1);
        QVERIFY(environment.names().contains(QStringLiteral("extra")));
        QCOMPARE(environment.resolver().resolveText(u"{{baseUrl}}"), QStringLiteral("http://moved"));
        // An environment that is gone falls back to the built-in one.
        QVERIFY(QFile::remove(m_workspace.absolutePath(QStringLiteral("environments/local.yaml"))));
        environment.reload();
        QCOMPARE(environment.current(), QStringLiteral("Embedded server"));
    }

private:
    void write(const QString &path, const QByteArray &bytes) {
        QVERIFY(workspace::writeFileAtomically(m_root + QLatin1Char('/') + path, bytes));
    }

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<workspace::SecretStore> m_secrets;
    QString m_root;
    workspace::Workspace m_workspace;
};

QTEST_GUILESS_MAIN(TestActiveEnvironment)
#include "test_activeenvironment.moc"
