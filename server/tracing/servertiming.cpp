#include "server/tracing/servertiming.h"

#include <charconv>

namespace triptych::tracing {
namespace {

// A metric name must be an HTTP token: keep letters, digits and a few marks, map everything else to '-'.
void appendToken(std::string &out, std::string_view name) {
    if (name.empty()) {
        out += "phase";
        return;
    }
    for (char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '_' || c == '-';
        out += keep ? c : '-';
    }
}

void appendMetric(std::string &out, std::string_view name, double millis, int statements = 0) {
    if (!out.empty())
        out += ", ";
    appendToken(out, name);
    char number[32];
    auto end = std::to_chars(number, number + sizeof number, millis, std::chars_format::fixed, 3).ptr;
    out.append(";dur=").append(number, end);
    if (statements > 0) {
        end = std::to_chars(number, number + sizeof number, statements).ptr;
        out.append(";desc=\"").append(number, end).append(" SQL\"");
    }
}

} // namespace

std::string serverTimingHeader(double totalMillis, const PhaseTimings &timings) {
    std::string header;
    header.reserve(64 + 32 * timings.phases.size());
    appendMetric(header, "total", totalMillis);
    if (timings.sqlStatements > 0)
        appendMetric(header, "db", timings.sqlMillis, timings.sqlStatements);
    for (const auto &phase : timings.phases)
        appendMetric(header, phase.name.view(), phase.millis);
    return header;
}

} // namespace triptych::tracing
