#include "app/ui/builtinhighlighter.h"

#include <QApplication>
#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>

using namespace triptych;

namespace {
QPalette paletteWithBase(const QColor &base, const QColor &text) {
    QPalette palette = QApplication::palette();
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Window, base);
    palette.setColor(QPalette::WindowText, text);
    return palette;
}

const QColor kLightBase(0xff, 0xff, 0xff);
const QColor kDarkBase(0x1e, 0x1e, 0x1e);

// WCAG relative luminance and contrast ratio: 4.5 is the bar for body text.
double luminance(const QColor &colour) {
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}
double contrast(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The foreground the highlighter gave the character at column in the first line.
QColor colourAt(QTextDocument &document, int column) {
    for (const auto &range : document.firstBlock().layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}
} // namespace

class TestBuiltinHighlighter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { QApplication::setPalette(paletteWithBase(kLightBase, Qt::black)); }

    void coloursAreReadableOnLightAndDark_data() {
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("column"); // a coloured token
        QTest::addColumn<bool>("dark");
        const QString json = QStringLiteral(R"({"id": 42, "ok": true, "name": "Ada"})");
        const QString graphql = QStringLiteral("query Orders($id: ID!) { user(id: $id) { name } }");
        const QString proto = QStringLiteral("user_id: 42  # the demo user");
        const QString headers = QStringLiteral("content-type: application/json");
        for (const bool dark : {false, true}) {
            const char *theme = dark ? "dark" : "light";
            QTest::addRow("json key, %s", theme) << int(ui::SyntaxLanguage::Json) << json << 2 << dark;
            QTest::addRow("json number, %s", theme) << int(ui::SyntaxLanguage::Json) << json << 8 << dark;
            QTest::addRow("json literal, %s", theme) << int(ui::SyntaxLanguage::Json) << json << 18 << dark;
            QTest::addRow("json string, %s", theme) << int(ui::SyntaxLanguage::Json) << json << 33 << dark;
            QTest::addRow("graphql keyword, %s", theme) << int(ui::SyntaxLanguage::GraphQL) << graphql << 1 << dark;
            QTest::addRow("graphql variable, %s", theme) << int(ui::SyntaxLanguage::GraphQL) << graphql << 14 << dark;
            QTest::addRow("protobuf number, %s", theme) << int(ui::SyntaxLanguage::ProtobufText) << proto << 9 << dark;
            QTest::addRow("protobuf comment, %s", theme)
                << int(ui::SyntaxLanguage::ProtobufText) << proto << 14 << dark;
            QTest::addRow("proto keyword, %s", theme)
                << int(ui::SyntaxLanguage::ProtobufText) << QStringLiteral("message A {}  // why") << 1 << dark;
            QTest::addRow("proto comment, %s", theme)
                << int(ui::SyntaxLanguage::ProtobufText) << QStringLiteral("message A {}  // why") << 16 << dark;
            QTest::addRow("header name, %s", theme) << int(ui::SyntaxLanguage::HttpHeaders) << headers << 2 << dark;
        }
    }
    void coloursAreReadableOnLightAndDark() {
        QFETCH(int, language);
        QFETCH(QString, text);
        QFETCH(int, column);
        QFETCH(bool, dark);
        const QColor base = dark ? kDarkBase : kLightBase;
        QApplication::setPalette(paletteWithBase(base, dark ? Qt::white : Qt::black));
        QTextDocument document(text);
        ui::BuiltinHighlighter highlighter(&document, ui::SyntaxLanguage(language));
        highlighter.rehighlight();
        QCOMPARE(highlighter.isDark(), dark);
        const QColor colour = colourAt(document, column);
        QVERIFY2(colour.isValid(), "the token is not coloured");
        QVERIFY2(
            contrast(colour, base) >= 4.5,
            qPrintable(
                QStringLiteral("%1 on %2: contrast %3").arg(colour.name(), base.name()).arg(contrast(colour, base))));
    }

    // Switching the system between light and dark while the window is open recolours what is shown.
    void followsAPaletteSwitch() {
        QApplication::setPalette(paletteWithBase(kLightBase, Qt::black));
        QTextDocument document(QStringLiteral(R"({"id": 42})"));
        ui::SyntaxHighlighting::instance().setLanguage(&document, ui::SyntaxLanguage::Json);
        auto *highlighter = document.findChild<ui::BuiltinHighlighter *>();
        QVERIFY(highlighter);
        highlighter->rehighlight();
        const QColor light = colourAt(document, 2);
        QVERIFY(light.isValid());

        QApplication::setPalette(paletteWithBase(kDarkBase, Qt::white));
        QTRY_VERIFY(highlighter->isDark());
        const QColor dark = colourAt(document, 2);
        QVERIFY(dark.isValid());
        QVERIFY(dark != light);
        QVERIFY(contrast(dark, kDarkBase) >= 4.5);

        QApplication::setPalette(paletteWithBase(kLightBase, Qt::black));
        QTRY_VERIFY(!highlighter->isDark());
        QCOMPARE(colourAt(document, 2), light);
    }
};

QTEST_MAIN(TestBuiltinHighlighter)
#include "test_builtinhighlighter.moc"
