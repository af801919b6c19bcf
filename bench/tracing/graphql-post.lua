-- wrk script: POST one GraphQL query (the "a user's orders" preset) with keep-alive.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ user(id: 42) { orders { id product quantity totalCents } } }"}'
