// Validates real answers of a running server against the schemas its /openapi.json declares (ajv, JSON Schema 2020-12).
// Not part of ctest (needs Node): in a scratch folder run `npm i ajv ajv-formats`, copy this file there, then
// `node openapi-answers.mjs http://127.0.0.1:PORT` against a fresh `triptych-server --http-port 0 --grpc-port 0`.
// The document itself: `npx @seriousme/openapi-schema-validator`-style check (see docs/rest.md).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
const base = process.argv[2];
const doc = await (await fetch(base + "/openapi.json")).json();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "doc", components: doc.components }, "doc");
const fix = (s) => JSON.parse(JSON.stringify(s).replaceAll('"#/components/', '"doc#/components/'));
const cases = [
  ["GET", "/v1/users?limit=5", "/v1/users"], ["GET", "/v1/users?limit=0", "/v1/users"],
  ["GET", "/v1/users/42", "/v1/users/{id}"], ["GET", "/v1/users/abc", "/v1/users/{id}"],
  ["GET", "/v1/users/42/orders", "/v1/users/{id}/orders"],
  ["GET", "/v1/users/42/orders", "/v1/users/{id}/orders", { Accept: "application/vnd.orders.v2+json" }],
  ["GET", "/v1/users/42/friends", "/v1/users/{id}/friends"], ["GET", "/v1/orders/1", "/v1/orders/{id}"],
  ["GET", "/v2/users/42/orders?limit=3", "/v2/users/{id}/orders"], ["GET", "/v2/users/7/orders", "/v2/users/{id}/orders"],
  ["POST", "/v1/users/46/orders", "/v1/users/{id}/orders", { Authorization: "Bearer demo-token", "Content-Type": "application/json" }, '{"product":"Desk Lamp","quantity":1}'],
  ["POST", "/v1/users/46/orders", "/v1/users/{id}/orders", { Authorization: "Bearer demo-token", "Content-Type": "application/json" }, '{"quantity":0}'],
  ["POST", "/v1/users/46/orders", "/v1/users/{id}/orders", { "Content-Type": "application/json" }, '{}'],
  ["POST", "/v1/users/46/orders", "/v1/users/{id}/orders", { Authorization: "Bearer demo-token", "Content-Type": "text/plain" }, '{}'],
  ["POST", "/v1/users/46/orders", "/v1/users/{id}/orders", { Authorization: "Bearer demo-token", "Content-Type": "application/json" }, '{'],
  ["POST", "/v1/orders/1/cancel", "/v1/orders/{id}/cancel", { "X-API-Key": "demo-key" }],
  ["GET", "/healthz", "/healthz"], ["GET", "/debug/dataset", "/debug/dataset"], ["GET", "/openapi.json", "/openapi.json"],
];
let failures = 0;
for (const [method, path, documented, headers = {}, body] of cases) {
  const res = await fetch(base + path, { method, headers, body });
  const type = (res.headers.get("content-type") || "").split(";")[0];
  const responses = doc.paths[documented][method.toLowerCase()].responses;
  let response = responses[String(res.status)];
  if (!response) { console.log("UNDOCUMENTED", res.status, method, path); failures++; continue; }
  if (response.$ref) response = doc.components.responses[response.$ref.split("/").pop()];
  const media = response.content?.[type];
  if (!media) { console.log("UNDOCUMENTED MEDIA", type, method, path); failures++; continue; }
  const validate = ajv.compile(fix(media.schema));
  const ok = validate(await res.json());
  if (!ok) { failures++; console.log("INVALID", method, path, res.status, JSON.stringify(validate.errors).slice(0, 300)); }
  else console.log("ok", res.status, type, method, path);
}
console.log(failures === 0 ? "all answers valid" : failures + " failures");
