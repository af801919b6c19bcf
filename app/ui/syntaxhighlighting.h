#pragma once

class QTextDocument;

namespace triptych::ui {

enum class SyntaxLanguage { Plain, Json, GraphQL, ProtobufText, HttpHeaders };

// Colours a text document by language. One small interface with two implementations: KSyntaxHighlighting (KF6) when
// the build finds it, else the built-in QSyntaxHighlighters (Debian 12 has no KF6). Colours follow the palette.
class SyntaxHighlighting {
public:
    virtual ~SyntaxHighlighting() = default;
    // Replaces whatever highlighter the document had; Plain removes it.
    virtual void setLanguage(QTextDocument *document, SyntaxLanguage language) = 0;

    static SyntaxHighlighting &instance();
};

} // namespace triptych::ui
