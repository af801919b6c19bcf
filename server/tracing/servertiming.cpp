#include "server/tracing/servertiming.h"

#include <cstdio>

namespace triptych::tracing {
namespace {

// A metric name must be an HTTP token: keep letters, digits and a few marks, map everything else to '-'.
std::string tokenOf(const std::string &name) {
    std::string token;
    for (char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '_' || c == '-';
        token += keep ? c : '-';
    }
    return token.empty() ? std::string("phase") : token;
}

void appendMetric(std::string &out, const std::string &name, double millis, const std::string &description = {}) {
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", millis);
    if (!out.empty())
        out += ", ";
    out += name + ";dur=" + duration;
    if (!description.empty())
        out += ";desc=\"" + description + "\"";
}

} // namespace

std::string serverTimingHeader(double totalMillis, const PhaseTimings &timings) {
    std::string header;
    appendMetric(header, "total", totalMillis);
    if (timings.sqlStatements > 0)
        appendMetric(header, "db", timings.sqlMillis, std::to_string(timings.sqlStatements) + " SQL");
    for (const auto &phase : timings.phases)
        appendMetric(header, tokenOf(phase.name), phase.millis);
    return header;
}

} // namespace triptych::tracing
