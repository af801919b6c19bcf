#include "app/model/cookiemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace triptych;
using namespace triptych::model;

class TestCookieModel : public QObject {
    Q_OBJECT

    static client::Cookie cookie(const QByteArray &name) {
        client::Cookie c;
        c.domain = QStringLiteral("127.0.0.1");
        c.name = name;
        c.value = "v";
        return c;
    }

private Q_SLOTS:
    void showsEveryField() {
        CookieModel model;
        QAbstractItemModelTester tester(&model);
        client::Cookie c = cookie("session");
        c.secure = true;
        c.httpOnly = true;
        c.expires = 1893456000; // 2030-01-01 00:00 UTC
        model.setCookies({c});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, CookieModel::Domain).data().toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(model.index(0, CookieModel::Path).data().toString(), QStringLiteral("/"));
        QCOMPARE(model.index(0, CookieModel::Name).data().toString(), QStringLiteral("session"));
        QCOMPARE(model.index(0, CookieModel::Expires).data().toString(), QStringLiteral("2030-01-01 00:00"));
        QCOMPARE(model.index(0, CookieModel::Flags).data().toString(), QStringLiteral("Secure, HttpOnly"));
    }

    void editsAreCheckedAndReported_data() {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("value") << int(CookieModel::Value) << QStringLiteral("dark") << true;
        QTest::addRow("value with ;") << int(CookieModel::Value) << QStringLiteral("a;b") << false;
        QTest::addRow("name") << int(CookieModel::Name) << QStringLiteral("theme") << true;
        QTest::addRow("name with =") << int(CookieModel::Name) << QStringLiteral("a=b") << false;
        QTest::addRow("empty name") << int(CookieModel::Name) << QString() << false;
        QTest::addRow("path") << int(CookieModel::Path) << QStringLiteral("/v1") << true;
        QTest::addRow("relative path") << int(CookieModel::Path) << QStringLiteral("v1") << false;
        QTest::addRow("expiry") << int(CookieModel::Expires) << QStringLiteral("2031-05-06 07:08") << true;
        QTest::addRow("session expiry") << int(CookieModel::Expires) << QStringLiteral("session") << true;
        QTest::addRow("bad expiry") << int(CookieModel::Expires) << QStringLiteral("tomorrow") << false;
        QTest::addRow("flags") << int(CookieModel::Flags) << QStringLiteral("Secure") << false;
    }
    void editsAreCheckedAndReported() {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        CookieModel model;
        QAbstractItemModelTester tester(&model);
        model.setCookies({cookie("a")});
        QSignalSpy edited(&model, &CookieModel::cookiesEdited);
        QCOMPARE(model.setData(model.index(0, column), text), accepted);
        QCOMPARE(edited.count(), accepted ? 1 : 0);
        if (accepted)
            QCOMPARE(model.index(0, column).data().toString(), text);
    }

    void addAndRemove() {
        CookieModel model;
        QAbstractItemModelTester tester(&model);
        model.setCookies({cookie("a"), cookie("b")});
        QSignalSpy edited(&model, &CookieModel::cookiesEdited);
        QCOMPARE(model.addCookie(QStringLiteral("example.com")), 2);
        QCOMPARE(model.cookies().last().domain, QStringLiteral("example.com"));
        model.removeCookie(0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.cookies().first().name, QByteArray("b"));
        QCOMPARE(edited.count(), 2);
    }

    void expiryRoundTrips() {
        QCOMPARE(CookieModel::parseExpiry(CookieModel::formatExpiry(0)), std::optional<qint64>(0));
        QCOMPARE(CookieModel::parseExpiry(CookieModel::formatExpiry(1893456000)), std::optional<qint64>(1893456000));
    }
};

QTEST_GUILESS_MAIN(TestCookieModel)
#include "test_cookiemodel.moc"
