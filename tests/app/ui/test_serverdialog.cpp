#include "app/client/graphqlcaller.h"
#include "app/session/serverhost.h"
#include "app/ui/serverdialog.h"
#include "app/ui/statusline.h"

#include <QCheckBox>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;

namespace {
// docs/graphql-api.md: with the DataLoader off this asks 1 + 50 SQL statements, with it on 2.
const QString kNPlusOneQuery = QStringLiteral("{ users(first: 50) { edges { node { orders { id } } } } }");

session::ServerSettings freePorts() {
    session::ServerSettings settings;
    settings.httpPort = 0;
    settings.grpcPort = 0;
    settings.users = 60;
    return settings;
}
} // namespace

class TestServerDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheCurrentSwitches_data() {
        QTest::addColumn<bool>("dataLoader");
        QTest::addColumn<bool>("gateway");
        QTest::newRow("defaults") << true << false;
        QTest::newRow("N+1 through the gateway") << false << true;
    }
    void showsTheCurrentSwitches() {
        QFETCH(bool, dataLoader);
        QFETCH(bool, gateway);
        session::ServerSettings settings = freePorts();
        settings.dataLoader = dataLoader;
        settings.gateway = gateway;
        ui::ServerDialog dialog(settings);
        const auto boxes = dialog.findChildren<QCheckBox *>();
        for (auto *box : boxes)
            QVERIFY2(box->isEnabled(), qPrintable(box->text()));
        QCOMPARE(dialog.settings(), settings);
        dialog.setDataLoader(!dataLoader);
        dialog.setGateway(!gateway);
        QCOMPARE(dialog.settings().dataLoader, !dataLoader);
        QCOMPARE(dialog.settings().gateway, !gateway);
    }

    void statusLineNamesTheSwitches_data() {
        QTest::addColumn<bool>("dataLoader");
        QTest::addColumn<bool>("gateway");
        QTest::addColumn<QString>("words");
        QTest::newRow("defaults") << true << false << "DataLoader on · gateway off";
        QTest::newRow("both flipped") << false << true << "DataLoader off · gateway on";
    }
    void statusLineNamesTheSwitches() {
        QFETCH(bool, dataLoader);
        QFETCH(bool, gateway);
        QFETCH(QString, words);
        session::ServerState state;
        state.phase = session::ServerState::Phase::Running;
        state.settings.dataLoader = dataLoader;
        state.settings.gateway = gateway;
        ui::StatusLine line;
        line.setState(state);
        QVERIFY2(line.text().contains(words), qPrintable(line.text()));
    }

    // The dialog's switch reaches the running server: the N+1 query's Server-Timing counts its SQL statements.
    void switchingTheDataLoaderOffRestartsTheServerWithIt() {
        session::ServerHost host;
        QList<session::ServerState::Phase> phases;
        connect(&host, &session::ServerHost::stateChanged, this,
                [&phases](const session::ServerState &state) { phases.append(state.phase); });
        host.start(freePorts());
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(session::ServerState::Phase::Running), 15000);
        QVERIFY(host.state().settings.dataLoader);
        QCOMPARE(sqlStatements(host.state()), 2);

        ui::ServerDialog dialog(host.state().settings);
        dialog.setDataLoader(false);
        connect(&dialog, &QDialog::accepted, &host, [&host, &dialog] { host.restart(dialog.settings()); });
        phases.clear();
        dialog.accept();
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(session::ServerState::Phase::Running), 15000);
        QCOMPARE(phases.first(), session::ServerState::Phase::Starting);
        QVERIFY(!host.state().settings.dataLoader);
        QCOMPARE(sqlStatements(host.state()), 51);

        ui::StatusLine line;
        line.setState(host.state());
        QVERIFY2(line.text().contains(QStringLiteral("DataLoader off · gateway off")), qPrintable(line.text()));
    }

    // The TLS switch: the server restarts with HTTPS, its URL becomes https:// and the app trusts the generated CA
    // for it (no CA file in the request); with client certificates required, the app presents the generated pair.
    void switchingTlsOnServesHttpsTheAppTrusts_data() {
        QTest::addColumn<bool>("requireClientCertificates");
        QTest::newRow("TLS") << false;
        QTest::newRow("mutual TLS") << true;
    }
    void switchingTlsOnServesHttpsTheAppTrusts() {
        QFETCH(bool, requireClientCertificates);
        session::ServerHost host;
        ui::ServerDialog dialog(freePorts());
        dialog.setTls(true, requireClientCertificates);
        host.start(dialog.settings());
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(session::ServerState::Phase::Running), 15000);
        QVERIFY(host.state().httpBaseUrl().startsWith(QStringLiteral("https://127.0.0.1:")));
        QCOMPARE(host.state().settings.tlsClientCertificates, requireClientCertificates);
        QVERIFY(QFile::exists(host.state().tlsCaFile));
        QCOMPARE(sqlStatements(host.state()), 2);
        host.stop();
        QTRY_COMPARE_WITH_TIMEOUT(int(host.state().phase), int(session::ServerState::Phase::Stopped), 15000);
    }

private:
    // Sends the N+1 query over loopback like the GraphQL pane and reads "db;…;desc=\"N SQL\"" from Server-Timing.
    static int sqlStatements(const session::ServerState &state) {
        client::GraphQLCaller caller;
        QSignalSpy finished(&caller, &client::GraphQLCaller::callFinished);
        QSignalSpy failed(&caller, &client::GraphQLCaller::callFailed);
        client::GraphQLRequest request;
        request.url = state.httpBaseUrl() + QStringLiteral("/graphql");
        request.query = kNPlusOneQuery;
        caller.send(request);
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 15000) || finished.isEmpty())
            return -1;
        const auto record = finished.first().first().value<client::CallRecord>();
        const QString timing = QString::fromLatin1(record.header("server-timing"));
        const auto match = QRegularExpression(QStringLiteral("(\\d+) SQL")).match(timing);
        if (!match.hasMatch())
            qWarning() << "no SQL count in Server-Timing:" << timing << record.body.left(300);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }
};

QTEST_MAIN(TestServerDialog)
#include "test_serverdialog.moc"
