// Environment ▸ Cookies…: the dialog lists the jar and its edits reach the jar.
#include "app/model/cookiemodel.h"
#include "app/session/environmentcookies.h"
#include "app/ui/cookiesdialog.h"

#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace triptych;
using namespace triptych::ui;

namespace {
constexpr int kWaitMs = 10'000;
}

class TestCookiesDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsAndEditsTheJar() {
        session::EnvironmentCookies cookies;
        QSignalSpy changed(&cookies, &session::EnvironmentCookies::cookiesChanged);
        cookies.select(QString(), QStringLiteral("dialog test"));
        client::Cookie theme;
        theme.domain = QStringLiteral("127.0.0.1");
        theme.name = "theme";
        theme.value = "dark";
        cookies.replace({theme});
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() && changed.last().at(0).value<QList<client::Cookie>>().size() == 1,
                                 kWaitMs);

        CookiesDialog dialog(&cookies, QStringLiteral("dialog test"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->rowCount(), 1, kWaitMs);
        QCOMPARE(dialog.model()->index(0, model::CookieModel::Value).data().toString(), QStringLiteral("dark"));

        const auto lastJar = [&] { return changed.last().at(0).value<QList<client::Cookie>>(); };
        QVERIFY(dialog.model()->setData(dialog.model()->index(0, model::CookieModel::Value), QStringLiteral("light")));
        QTRY_VERIFY_WITH_TIMEOUT(lastJar().size() == 1 && lastJar().first().value == "light", kWaitMs);

        dialog.addCookie();
        QTRY_COMPARE_WITH_TIMEOUT(lastJar().size(), 2, kWaitMs);

        dialog.table()->selectionModel()->select(dialog.model()->index(0, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        dialog.deleteSelected();
        QTRY_VERIFY_WITH_TIMEOUT(lastJar().size() == 1 && lastJar().first().name == "name", kWaitMs);

        dialog.clearAll();
        QTRY_VERIFY_WITH_TIMEOUT(lastJar().isEmpty(), kWaitMs);
        QCOMPARE(dialog.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestCookiesDialog)
#include "test_cookiesdialog.moc"
