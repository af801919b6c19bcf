// gRPC-Web with an outside client: @connectrpc/connect-node's gRPC-Web transport (HTTP/1.1) calls a unary and a
// server-streaming method of triptych-server's HTTP port, and an error's status and details, with the service
// described by a FileDescriptorSet that protoc made from proto/ (no generated code).
// Usage: node grpcweb-client.mjs http://127.0.0.1:PORT path/to/orders.binpb
import { readFileSync } from "node:fs";
import { createFileRegistry, fromBinary, toJson } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { createClient, ConnectError, Code } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-node";

const [baseUrl, descriptorSet] = process.argv.slice(2);
const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(descriptorSet)));
const service = registry.getService("orders.v1.OrderService");
const transport = createGrpcWebTransport({ baseUrl, httpVersion: "1.1", useBinaryFormat: true });
const client = createClient(service, transport);
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
};

const user = await client.getUser({ userId: 42, readMask: { paths: ["name", "email"] } });
const userJson = toJson(registry.getMessage("orders.v1.User"), user, { registry });
check(user.id === 0 && user.name.length > 0, `GetUser(42, read_mask name,email) → ${JSON.stringify(userJson)}`);

const list = await client.getUserOrders({ userId: 42 });
let streamed = 0;
let lastId = 0;
let ascending = true;
for await (const order of client.streamOrders({ userId: 42 })) {
  ascending &&= order.id > lastId;
  lastId = order.id;
  streamed++;
}
check(streamed === list.orders.length && streamed > 0 && ascending,
  `StreamOrders(42) → ${streamed} orders in ascending id order, as many as GetUserOrders gave (${list.orders.length})`);

const paced = [];
const started = Date.now();
try {
  for await (const order of client.streamOrders({ userId: 42, follow: true }, { timeoutMs: 300 })) paced.push(order);
  check(false, "StreamOrders(42, follow) with a 300 ms timeout ended without an error");
} catch (error) {
  const e = ConnectError.from(error);
  check(e.code === Code.DeadlineExceeded && paced.length === list.orders.length,
    `StreamOrders(42, follow, timeout 300 ms) → ${paced.length} orders, then ${Code[e.code]} after ${Date.now() - started} ms`);
}

try {
  await client.getUser({ userId: 0 });
  check(false, "GetUser(0) answered OK");
} catch (error) {
  const e = ConnectError.from(error);
  const badRequest = registry.getMessage("google.rpc.BadRequest");
  const details = badRequest ? e.findDetails(badRequest) : [];
  const fields = details.flatMap((d) => d.fieldViolations.map((v) => v.field));
  check(e.code === Code.InvalidArgument && fields.includes("user_id"),
    `GetUser(0) → ${Code[e.code]} "${e.rawMessage}", BadRequest fields [${fields.join(", ")}]`);
}
process.exit(failures === 0 ? 0 : 1);
