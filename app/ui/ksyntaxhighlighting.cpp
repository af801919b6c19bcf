// Built only when find_package(KF6SyntaxHighlighting) succeeds (not on Debian 12): the same interface on KDE's engine.
#include "app/ui/syntaxhighlighting.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

#include <QGuiApplication>
#include <QPalette>
#include <QTextDocument>

namespace triptych::ui {

namespace {
class KSyntaxHighlighting6 : public SyntaxHighlighting {
public:
    void setLanguage(QTextDocument *document, SyntaxLanguage language) override {
        delete document->findChild<KSyntaxHighlighting::SyntaxHighlighter *>(QString(), Qt::FindDirectChildrenOnly);
        if (language == SyntaxLanguage::Plain)
            return;
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        highlighter->setTheme(m_repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                             : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(m_repository.definitionForName(definitionName(language)));
    }

private:
    static QString definitionName(SyntaxLanguage language) {
        switch (language) {
        case SyntaxLanguage::Json:
            return QStringLiteral("JSON");
        case SyntaxLanguage::GraphQL:
            return QStringLiteral("GraphQL");
        case SyntaxLanguage::ProtobufText:
            return QStringLiteral("Protobuf");
        case SyntaxLanguage::HttpHeaders:
            return QStringLiteral("HTTP");
        case SyntaxLanguage::Plain:
            break;
        }
        return {};
    }

    KSyntaxHighlighting::Repository m_repository;
};
} // namespace

SyntaxHighlighting &SyntaxHighlighting::instance() {
    static KSyntaxHighlighting6 engine;
    return engine;
}

} // namespace triptych::ui
