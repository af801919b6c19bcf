-- POSTs one GraphQL preset (GRAPHQL_PRESET=orders|name) and prints req/s and latency percentiles.
local presets = {
    orders = '{"query":"{ user(id: 42) { orders { id product quantity totalCents } } }"}',
    name = '{"query":"{ user(id: 42) { name avatarUrl } }"}',
}

wrk.method = "POST"
wrk.body = presets[os.getenv("GRAPHQL_PRESET") or "orders"]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"

local non2xx = 0
function response(status)
    if status ~= 200 then
        non2xx = non2xx + 1
    end
end

function done(summary, latency)
    local seconds = summary.duration / 1e6
    io.write(string.format("requests/s %.0f\n", summary.requests / seconds))
    io.write(string.format("p50 %.2f ms\n", latency:percentile(50) / 1000))
    io.write(string.format("p99 %.2f ms\n", latency:percentile(99) / 1000))
    io.write(string.format("bytes/req %.0f\n", summary.bytes / math.max(summary.requests, 1)))
    io.write(string.format("errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write +
                                           summary.errors.timeout))
end
