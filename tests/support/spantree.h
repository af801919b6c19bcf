#pragma once

// A trace's spans as the server's store returns them, looked up by name and followed up to their root: for the
// tests that check how spans nest.
#include "server/tracing/span.h"

#include <algorithm>
#include <string>
#include <vector>

namespace triptych::testing {

class SpanTree {
public:
    explicit SpanTree(std::vector<tracing::SpanRecord> spans)
        : m_spans(std::move(spans)) {}

    const std::vector<tracing::SpanRecord> &spans() const { return m_spans; }
    // The first span of that name; null when there is none.
    const tracing::SpanRecord *named(std::string_view name) const {
        const auto found = std::find_if(m_spans.begin(), m_spans.end(), [&](const auto &s) { return s.name == name; });
        return found == m_spans.end() ? nullptr : &*found;
    }
    const tracing::SpanRecord *parentOf(const tracing::SpanRecord &span) const {
        const auto found =
            std::find_if(m_spans.begin(), m_spans.end(), [&](const auto &s) { return s.spanId == span.parentSpanId; });
        return found == m_spans.end() ? nullptr : &*found;
    }
    std::string parentName(std::string_view name) const {
        const auto *span = named(name);
        const auto *parent = span ? parentOf(*span) : nullptr;
        return parent ? parent->name : std::string();
    }
    // The names from the span's parent up to the root of the trace, nearest first.
    std::vector<std::string> ancestors(const tracing::SpanRecord &span) const {
        std::vector<std::string> names;
        for (const auto *parent = parentOf(span); parent && names.size() <= m_spans.size(); parent = parentOf(*parent))
            names.push_back(parent->name);
        return names;
    }
    // Spans whose parent is not in the trace: the server's root spans (children of the caller's span).
    std::vector<const tracing::SpanRecord *> roots() const {
        std::vector<const tracing::SpanRecord *> out;
        for (const auto &span : m_spans)
            if (!parentOf(span))
                out.push_back(&span);
        return out;
    }

private:
    std::vector<tracing::SpanRecord> m_spans;
};

} // namespace triptych::testing
