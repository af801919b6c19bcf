#include "app/workspace/secretstore.h"
#include "app/workspace/variableresolver.h"
#include "app/workspace/workspace.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace triptych::workspace;

namespace {

constexpr auto kSecret = "tok-7f3a9c1e-do-not-leak";

SecretStore::Options fileOnly(const QTemporaryDir &data) {
    SecretStore::Options options;
    options.service = "TriptychTest";
    options.fallbackFile = data.filePath("data/secrets.json");
    options.useKeyring = false;
    return options;
}

QByteArray readText(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestSecretStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<SecretStore::Backend>(); }

    void theFallbackFileIsOwnerOnly() {
        QTemporaryDir data;
        SecretStore store(fileOnly(data));
        QSignalSpy written(&store, &SecretStore::writeFinished);
        store.write("ws|staging|token", kSecret);
        QCOMPARE(written.count(), 0); // answers later, like the keyring
        QTRY_COMPARE(written.count(), 1);
        QCOMPARE(written.first().at(1).value<SecretStore::Backend>(), SecretStore::Backend::File);
        struct stat info {};
        QCOMPARE(stat(QFile::encodeName(store.fallbackFile()).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600U);

        QSignalSpy read(&store, &SecretStore::readFinished);
        store.read("ws|staging|token");
        store.read("ws|staging|other");
        QTRY_COMPARE(read.count(), 2);
        QCOMPARE(read.at(0).at(1).toString(), QString(kSecret));
        QCOMPARE(read.at(0).at(2).toBool(), true);
        QCOMPARE(read.at(1).at(2).toBool(), false);

        QSignalSpy removed(&store, &SecretStore::removeFinished);
        store.remove("ws|staging|token");
        QTRY_COMPARE(removed.count(), 1);
        QVERIFY(!readText(store.fallbackFile()).contains(kSecret));
        store.read("ws|staging|token");
        QTRY_COMPARE(read.count(), 3);
        QCOMPARE(read.at(2).at(2).toBool(), false);
    }

    void anEnvironmentIsStoredAndFilled() {
        QTemporaryDir data;
        SecretStore store(fileOnly(data));
        const Environment staging{"staging", {{"baseUrl", "https://s", false}, {"token", kSecret, true}}};
        QSignalSpy stored(&store, &SecretStore::storeFinished);
        store.store("/work/ws", staging);
        QTRY_COMPARE(stored.count(), 1);

        Environment loaded = staging;
        loaded.variables[1].value.clear(); // as Workspace::loadEnvironment gives it
        QSignalSpy filled(&store, &SecretStore::environmentFilled);
        store.fill("/work/ws", loaded);
        QTRY_COMPARE(filled.count(), 1);
        QCOMPARE(filled.first().first().value<Environment>(), staging);

        store.fill("/elsewhere/ws", loaded); // another workspace's secrets are its own
        QTRY_COMPARE(filled.count(), 2);
        QCOMPARE(filled.last().first().value<Environment>().variables.at(1).value, QString());
    }

    // With the keyring switched on but no keyring running (no D-Bus session here), the file takes over.
    void noKeyringFallsBackToTheFile() {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("a D-Bus session runs here: a keyring may answer, so the fallback cannot be forced");
        QTemporaryDir data;
        SecretStore::Options options = fileOnly(data);
        options.useKeyring = true;
        SecretStore store(options);
        QSignalSpy written(&store, &SecretStore::writeFinished);
        QSignalSpy failed(&store, &SecretStore::writeFailed);
        store.write("ws||apiKey", kSecret);
        QTRY_COMPARE(written.count() + failed.count(), 1);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(written.first().at(1).value<SecretStore::Backend>(), SecretStore::Backend::File);
        QSignalSpy read(&store, &SecretStore::readFinished);
        store.read("ws||apiKey");
        QTRY_COMPARE(read.count(), 1);
        QCOMPARE(read.first().at(1).toString(), QString(kSecret));
    }

    // The whole path a secret takes: typed into an environment, stored, used to send; never in the workspace folder.
    void noSecretReachesTheWorkspaceFolder() {
        QTemporaryDir dir;
        const QString root = dir.filePath("ws");
        QVERIFY(Workspace::create(root, "w").ok);
        Workspace workspace;
        QVERIFY(workspace.open(root));
        SecretStore store(fileOnly(dir));

        const Environment staging{"staging", {{"baseUrl", "https://staging", false}, {"token", kSecret, true}}};
        QVERIFY(workspace.saveEnvironment(staging).ok);
        QSignalSpy stored(&store, &SecretStore::storeFinished);
        store.store(workspace.root(), staging);
        QTRY_COMPARE(stored.count(), 1);
        WorkspaceSettings settings = workspace.settings().value;
        settings.variables = {{"sharedKey", kSecret, true}};
        QVERIFY(workspace.saveSettings(settings).ok);

        RequestDocument request;
        request.name = "Create";
        request.http.url = "{{baseUrl}}/v1/orders";
        request.http.auth.kind = AuthKind::Bearer;
        request.http.auth.token = "{{token}}";
        QVERIFY(workspace.createRequest("", request).ok);

        QSignalSpy filled(&store, &SecretStore::environmentFilled);
        store.fill(workspace.root(), workspace.loadEnvironment("staging").value);
        QTRY_COMPARE(filled.count(), 1);
        VariableResolver resolver;
        resolver.setEnvironment(filled.first().first().value<Environment>());
        const ResolveResult resolved = resolver.resolve(workspace.load("Create.rest.yaml").document);
        QVERIFY(resolved.ok());
        QCOMPARE(resolved.document.http.auth.token, QString(kSecret));
        QVERIFY(!resolver.mask(resolved.document.http.auth.token).contains(kSecret));

        QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            QVERIFY2(!readText(path).contains(kSecret), qPrintable(path));
            ++checked;
        }
        QCOMPARE(checked, 4); // workspace.yaml, .gitignore, the environment and the request
        QVERIFY(readText(store.fallbackFile()).contains(kSecret));
        QVERIFY(!store.fallbackFile().startsWith(root));
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "test_secretstore.moc"
