#pragma once

#include "app/ui/syntaxhighlighting.h"

#include <QList>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace triptych::ui {

// A line-based highlighter driven by regular expressions; later rules win where they overlap. Its colours follow the
// application palette, also when it switches between light and dark while the window is open.
class BuiltinHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    BuiltinHighlighter(QTextDocument *document, SyntaxLanguage language);
    ~BuiltinHighlighter() override;

    // Picks the light or dark colours for the palette now and recolours the document when they changed.
    void followPalette();
    bool isDark() const { return m_dark; }
    static bool paletteIsDark();

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void setUpRules();
    void addRule(const QString &pattern, const QColor &colour, int group = 0, bool bold = false);
    void setUpJson();
    void setUpGraphQL();
    void setUpProtobuf();
    void setUpHeaders();

    QList<Rule> m_rules;
    SyntaxLanguage m_language;
    bool m_dark = false;
};

// The fallback implementation of SyntaxHighlighting.
class BuiltinSyntaxHighlighting : public SyntaxHighlighting {
public:
    void setLanguage(QTextDocument *document, SyntaxLanguage language) override;
};

} // namespace triptych::ui
