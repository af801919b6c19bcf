// buildInfo(): the version of project(VERSION) and the versions of the libraries the process has loaded.
#include "app/session/buildinfo.h"

#include <QTest>

#include <curl/curl.h>
#include <google/protobuf/stubs/common.h>
#include <grpcpp/grpcpp.h>
#include <sqlite3.h>

using namespace triptych::session;

namespace {
const ComponentVersion *find(const BuildInfo &info, const QString &name) {
    for (const auto &component : info.components) {
        if (component.name == name)
            return &component;
    }
    return nullptr;
}
} // namespace

class TestBuildInfo : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void versionLicenceAndHomepage() {
        const BuildInfo info = buildInfo();
        QCOMPARE(info.version, QStringLiteral(TRIPTYCH_EXPECTED_VERSION));
        QCOMPARE(info.licence, QStringLiteral("MIT"));
        QVERIFY2(info.homepage.startsWith(QLatin1String("https://")), qPrintable(info.homepage));
    }

    // What this test process loaded, asked directly, must be what Help ▸ About says.
    void componentsAreTheLoadedLibraries_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("running");
        QTest::newRow("Qt") << "Qt" << QString::fromLatin1(qVersion());
        QTest::newRow("gRPC") << "gRPC" << QString::fromStdString(grpc::Version());
        QTest::newRow("Protobuf") << "Protobuf"
                                  << QStringLiteral("%1.%2.%3")
                                         .arg(GOOGLE_PROTOBUF_VERSION / 1000000)
                                         .arg(GOOGLE_PROTOBUF_VERSION / 1000 % 1000)
                                         .arg(GOOGLE_PROTOBUF_VERSION % 1000);
        QTest::newRow("libcurl") << "libcurl" << QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version);
        QTest::newRow("SQLite") << "SQLite" << QString::fromLatin1(sqlite3_libversion());
    }
    void componentsAreTheLoadedLibraries() {
        QFETCH(QString, name);
        QFETCH(QString, running);
        const BuildInfo info = buildInfo();
        const ComponentVersion *component = find(info, name);
        QVERIFY2(component, qPrintable(name));
        QCOMPARE(component->running, running);
        QVERIFY(!component->builtWith.isEmpty());
    }

    void textForABugReport_data() {
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("builtWith");
        QTest::addColumn<QString>("line");
        QTest::newRow("same") << "6.4.2"
                              << "6.4.2"
                              << "Qt 6.4.2\n";
        QTest::newRow("newer at run time") << "6.4.3"
                                           << "6.4.2"
                                           << "Qt 6.4.3 (built with 6.4.2)\n";
    }
    void textForABugReport() {
        QFETCH(QString, running);
        QFETCH(QString, builtWith);
        QFETCH(QString, line);
        const BuildInfo info{"1.2.3", "MIT", "https://example.org/t", {{"Qt", running, builtWith}}};
        QCOMPARE(info.toText(), QStringLiteral("Triptych 1.2.3 (MIT licence, https://example.org/t)\n") + line);
    }
};

QTEST_GUILESS_MAIN(TestBuildInfo)
#include "test_buildinfo.moc"
