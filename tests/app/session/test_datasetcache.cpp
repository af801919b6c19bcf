#include "app/session/datasetcache.h"
#include "app/session/serverhost.h"
#include "server/host/orderserver.h"
#include "server/store/database.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace triptych;
using triptych::session::DatasetCache;

namespace {
ServerOptions smallServer() {
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 60;
    return options;
}
} // namespace

class TestDatasetCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // the cache folder under ~/.qttest

    void offItGeneratesEveryTime() {
        QVERIFY(!DatasetCache::enabled());
        QVERIFY(DatasetCache::copyFor(smallServer()).empty());
    }

    void aGeneratedDataSetIsCopiedAtTheNextStart() {
        DatasetCache::enable();
        OrderServer first(smallServer());
        QVERIFY(first.start().ok());
        QVERIFY(first.database()->generatedAtOpen());
        DatasetCache::storeFrom(first, smallServer());
        first.stop();

        const std::string copy = DatasetCache::copyFor(smallServer());
        QVERIFY(!copy.empty());
        ServerOptions options = smallServer();
        options.databasePath = copy;
        auto second = std::make_unique<OrderServer>(options);
        QVERIFY(second->start().ok());
        QVERIFY(!second->database()->generatedAtOpen()); // the copy had the data set already
        second->stop();
        second.reset();
        DatasetCache::removeCopy(copy);
        QVERIFY(!QFile::exists(QString::fromStdString(copy)));

        ServerOptions other = smallServer();
        other.users = 61; // another data set: none cached
        QVERIFY(DatasetCache::copyFor(other).empty());
    }

    void removesOnlyItsOwnCopies() {
        QTemporaryFile named;
        QVERIFY(named.open());
        DatasetCache::removeCopy(named.fileName().toStdString());
        QVERIFY(QFile::exists(named.fileName()));
    }

    void theHostStartsFromTheCacheAndCleansUp() {
        DatasetCache::enable();
        session::ServerSettings settings;
        settings.httpPort = 0;
        settings.grpcPort = 0;
        settings.users = 60;
        session::ServerHost host;
        QSignalSpy changed(&host, &session::ServerHost::stateChanged);
        host.start(settings);
        QTRY_COMPARE(host.state().phase, session::ServerState::Phase::Running);
        host.stop();
        QTRY_COMPARE(host.state().phase, session::ServerState::Phase::Stopped);
        QVERIFY(!changed.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDatasetCache)
#include "test_datasetcache.moc"
