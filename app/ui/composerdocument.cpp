// What the three panes share about saved requests: resolving {{variables}} before a send, and the name/value tables.
#include "app/ui/composerpane.h"
#include "app/ui/documentfields.h"
#include "app/workspace/variableresolver.h"

namespace triptych::ui {

namespace documentfields {

model::KeyValueModel::Pairs enabledPairs(const QList<workspace::KeyValue> &entries) {
    model::KeyValueModel::Pairs pairs;
    for (const auto &entry : entries) {
        if (entry.enabled)
            pairs.append({entry.name, entry.value});
    }
    return pairs;
}

QList<workspace::KeyValue> mergeEntries(const QList<workspace::KeyValue> &loaded,
                                        const model::KeyValueModel::Pairs &shown) {
    if (enabledPairs(loaded) == shown)
        return loaded;
    QList<workspace::KeyValue> merged;
    for (const auto &[name, value] : shown)
        merged.append({name, value, true});
    for (const auto &entry : loaded) {
        if (!entry.enabled)
            merged.append(entry);
    }
    return merged;
}

} // namespace documentfields

std::optional<workspace::RequestDocument> ComposerPane::resolvedDocument(QString *problem) const {
    const workspace::RequestDocument document = toDocument();
    if (!m_resolver)
        return document;
    workspace::ResolveResult resolved = m_resolver->resolve(document);
    if (!resolved.ok()) {
        if (problem)
            *problem = resolved.errorText() + QLatin1Char('.');
        return std::nullopt;
    }
    return std::move(resolved.document);
}

QString ComposerPane::resolvedText(const QString &text) const {
    return m_resolver ? m_resolver->resolveText(text) : text;
}

} // namespace triptych::ui
