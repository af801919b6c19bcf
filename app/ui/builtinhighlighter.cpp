#include "app/ui/builtinhighlighter.h"

#include <QEvent>
#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

namespace triptych::ui {

namespace {
// Highlighting a huge body line by line costs more than it helps; such bodies stay plain.
constexpr int kMaxHighlightedCharacters = 2 * 1024 * 1024;

QColor pick(bool dark, const char *light, const char *darkColour) {
    return QColor(QString::fromLatin1(dark ? darkColour : light));
}

// One application-wide filter for QEvent::ApplicationPaletteChange (Qt 6.4 has no colour-scheme signal) that tells
// every live highlighter; one filter rather than one per highlighter, since an application filter sees every event.
class PaletteWatcher : public QObject {
public:
    static PaletteWatcher &instance() {
        static PaletteWatcher watcher;
        return watcher;
    }
    void add(BuiltinHighlighter *highlighter) {
        if (m_highlighters.isEmpty() && qApp)
            qApp->installEventFilter(this);
        m_highlighters.append(highlighter);
    }
    void remove(BuiltinHighlighter *highlighter) {
        m_highlighters.removeOne(highlighter);
        if (m_highlighters.isEmpty() && qApp)
            qApp->removeEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp) {
            for (auto *highlighter : std::as_const(m_highlighters))
                highlighter->followPalette();
        }
        return false;
    }

private:
    QList<BuiltinHighlighter *> m_highlighters;
};
} // namespace

BuiltinHighlighter::BuiltinHighlighter(QTextDocument *document, SyntaxLanguage language)
    : QSyntaxHighlighter(document)
    , m_language(language)
    , m_dark(paletteIsDark()) {
    setUpRules();
    PaletteWatcher::instance().add(this);
}

BuiltinHighlighter::~BuiltinHighlighter() {
    PaletteWatcher::instance().remove(this);
}

bool BuiltinHighlighter::paletteIsDark() {
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

void BuiltinHighlighter::followPalette() {
    const bool dark = paletteIsDark();
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_rules.clear();
    setUpRules();
    rehighlight();
}

void BuiltinHighlighter::setUpRules() {
    switch (m_language) {
    case SyntaxLanguage::Json:
        setUpJson();
        break;
    case SyntaxLanguage::GraphQL:
        setUpGraphQL();
        break;
    case SyntaxLanguage::ProtobufText:
        setUpProtobuf();
        break;
    case SyntaxLanguage::HttpHeaders:
        setUpHeaders();
        break;
    case SyntaxLanguage::Plain:
        break;
    }
}

void BuiltinHighlighter::addRule(const QString &pattern, const QColor &colour, int group, bool bold) {
    Rule rule{QRegularExpression(pattern), {}, group};
    rule.format.setForeground(colour);
    if (bold)
        rule.format.setFontWeight(QFont::Bold);
    m_rules.append(rule);
}

void BuiltinHighlighter::setUpJson() {
    addRule(QStringLiteral(R"(-?\b\d+(\.\d+)?([eE][+-]?\d+)?\b)"), pick(m_dark, "#0b7a75", "#6fd3c9"));
    addRule(QStringLiteral(R"(\b(true|false|null)\b)"), pick(m_dark, "#8a3ffc", "#c5a3ff"));
    addRule(QStringLiteral(R"("(?:[^"\\]|\\.)*")"), pick(m_dark, "#a3410a", "#f0a868"));
    addRule(QStringLiteral(R"(("(?:[^"\\]|\\.)*")\s*:)"), pick(m_dark, "#1f5fbf", "#7fb2ff"), 1);
}

void BuiltinHighlighter::setUpGraphQL() {
    addRule(QStringLiteral(R"(\b(query|mutation|subscription|fragment|on|true|false|null)\b)"),
            pick(m_dark, "#8a3ffc", "#c5a3ff"), 0, true);
    addRule(QStringLiteral(R"(\$\w+)"), pick(m_dark, "#0b7a75", "#6fd3c9"));
    addRule(QStringLiteral(R"(@\w+)"), pick(m_dark, "#a3410a", "#f0a868"));
    addRule(QStringLiteral(R"(\b\d+\b)"), pick(m_dark, "#0b7a75", "#6fd3c9"));
    addRule(QStringLiteral(R"("(?:[^"\\]|\\.)*")"), pick(m_dark, "#a3410a", "#f0a868"));
    addRule(QStringLiteral(R"(#.*$)"), pick(m_dark, "#6b7280", "#9ca3af"));
}

void BuiltinHighlighter::setUpProtobuf() {
    addRule(QStringLiteral(R"(\b(syntax|package|import|message|service|rpc|returns|stream|enum|repeated|optional|)"
                           R"(map|oneof|reserved)\b)"),
            pick(m_dark, "#8a3ffc", "#c5a3ff"), 0, true);
    addRule(QStringLiteral(R"(\b(int32|int64|uint32|uint64|sint32|sint64|bool|string|bytes|double|float|fixed32|)"
                           R"(fixed64)\b)"),
            pick(m_dark, "#1f5fbf", "#7fb2ff"));
    addRule(QStringLiteral(R"(\b\d+\b)"), pick(m_dark, "#0b7a75", "#6fd3c9"));
    addRule(QStringLiteral(R"("(?:[^"\\]|\\.)*")"), pick(m_dark, "#a3410a", "#f0a868"));
    // "//" in .proto files, "#" in the protobuf text format.
    addRule(QStringLiteral(R"((//|#).*$)"), pick(m_dark, "#6b7280", "#9ca3af"));
}

void BuiltinHighlighter::setUpHeaders() {
    addRule(QStringLiteral(R"(^HTTP/\S+\s+\d+.*$)"), pick(m_dark, "#8a3ffc", "#c5a3ff"), 0, true);
    addRule(QStringLiteral(R"(^([\w-]+):)"), pick(m_dark, "#1f5fbf", "#7fb2ff"), 1, true);
}

void BuiltinHighlighter::highlightBlock(const QString &text) {
    for (const auto &rule : std::as_const(m_rules)) {
        auto matches = rule.pattern.globalMatch(text);
        while (matches.hasNext()) {
            const auto match = matches.next();
            setFormat(int(match.capturedStart(rule.group)), int(match.capturedLength(rule.group)), rule.format);
        }
    }
}

void BuiltinSyntaxHighlighting::setLanguage(QTextDocument *document, SyntaxLanguage language) {
    if (!document)
        return;
    delete document->findChild<BuiltinHighlighter *>(QString(), Qt::FindDirectChildrenOnly);
    if (language == SyntaxLanguage::Plain || document->characterCount() > kMaxHighlightedCharacters)
        return;
    new BuiltinHighlighter(document, language);
}

#ifndef TRIPTYCH_HAVE_KF6_SYNTAX_HIGHLIGHTING
SyntaxHighlighting &SyntaxHighlighting::instance() {
    static BuiltinSyntaxHighlighting builtin;
    return builtin;
}
#endif

} // namespace triptych::ui
