// Help ▸ About: the version, each library's version (and the one built with when they differ), licence, homepage.
#include "app/ui/aboutdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace triptych;

namespace {
session::BuildInfo sample(const QString &running, const QString &builtWith) {
    return {
        "9.8.7", "MIT", "https://example.org/triptych", {{"Qt", running, builtWith}, {"SQLite", "3.40.1", "3.40.1"}}};
}

QString labelText(const QWidget &dialog, const QString &name) {
    const auto *label = dialog.findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no label %1>").arg(name);
}
} // namespace

class TestAboutDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsWhatTheProcessRuns() {
        ui::AboutDialog dialog(session::buildInfo());
        QVERIFY2(labelText(dialog, "title").contains(QStringLiteral("Triptych " TRIPTYCH_EXPECTED_VERSION)),
                 qPrintable(labelText(dialog, "title")));
        QVERIFY(labelText(dialog, "Qt").startsWith(QString::fromLatin1(qVersion())));
        for (const char *name : {"gRPC", "Protobuf", "libcurl", "SQLite"}) {
            const QString text = labelText(dialog, QString::fromLatin1(name));
            QVERIFY2(!text.isEmpty() && text.front().isDigit(), qPrintable(QStringLiteral("%1: %2").arg(name, text)));
        }
    }

    void eachVersionRow_data() {
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("builtWith");
        QTest::addColumn<QString>("shown");
        QTest::newRow("same") << "6.4.2"
                              << "6.4.2"
                              << "6.4.2";
        QTest::newRow("other at run time") << "6.4.3"
                                           << "6.4.2"
                                           << "6.4.3 (built with 6.4.2)";
    }
    void eachVersionRow() {
        QFETCH(QString, running);
        QFETCH(QString, builtWith);
        QFETCH(QString, shown);
        ui::AboutDialog dialog(sample(running, builtWith));
        QCOMPARE(labelText(dialog, "Qt"), shown);
        QCOMPARE(labelText(dialog, "SQLite"), QStringLiteral("3.40.1"));
        QVERIFY(labelText(dialog, "title").contains(QStringLiteral("Triptych 9.8.7")));
    }

    void licenceAndHomepage() {
        ui::AboutDialog dialog(sample("6.4.2", "6.4.2"));
        const auto *licence = dialog.findChild<QLabel *>("licence");
        QVERIFY(licence);
        QVERIFY2(licence->text().contains(QStringLiteral("MIT licence")), qPrintable(licence->text()));
        QVERIFY2(licence->text().contains(QStringLiteral("href=\"https://example.org/triptych\"")),
                 qPrintable(licence->text()));
        QVERIFY(licence->openExternalLinks());
    }

    void copyPutsTheVersionsOnTheClipboard() {
        ui::AboutDialog dialog(sample("6.4.3", "6.4.2"));
        QGuiApplication::clipboard()->clear();
        QPushButton *copy = nullptr;
        for (auto *button : dialog.findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("&Copy versions"))
                copy = button;
        }
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.buildInfo().toText());
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("Qt 6.4.3 (built with 6.4.2)")));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "test_aboutdialog.moc"
