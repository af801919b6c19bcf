-- wrk report: requests per second and latency percentiles in milliseconds, one figure per line.
done = function(summary, latency, requests)
    local seconds = summary.duration / 1e6
    io.write(string.format("requests/s  %.0f\n", summary.requests / seconds))
    io.write(string.format("p50         %.3f ms\n", latency:percentile(50) / 1000))
    io.write(string.format("p99         %.3f ms\n", latency:percentile(99) / 1000))
    io.write(string.format("bytes/req   %.0f\n", summary.bytes / math.max(summary.requests, 1)))
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
    io.write(string.format("errors      %d (non-2xx %d)\n", errors, summary.errors.status))
end
