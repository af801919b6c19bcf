"""A gRPC client that knows nothing of orders.v1: it learns the service by server reflection (v1) and calls it
with dynamic messages, as grpcurl or a new user's script would."""
import importlib.util, json, os, subprocess, sys, tempfile
import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format
from google.protobuf import message_factory
_factory = message_factory.MessageFactory()
def GetMessageClass(descriptor):
    return _factory.GetPrototype(descriptor)

# Only the reflection protocol itself is compiled here (from Debian's grpc-proto), as grpcurl has it built in.
generated = tempfile.mkdtemp()
subprocess.run([sys.executable, "-m", "grpc_tools.protoc", "-I/usr/share/grpc-proto", f"--python_out={generated}",
                "grpc/reflection/v1/reflection.proto"], check=True)
spec = importlib.util.spec_from_file_location("reflection_pb2",
                                              os.path.join(generated, "grpc/reflection/v1/reflection_pb2.py"))
reflection = importlib.util.module_from_spec(spec); spec.loader.exec_module(reflection)

target = sys.argv[1]
channel = grpc.insecure_channel(target)
info = channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                             request_serializer=reflection.ServerReflectionRequest.SerializeToString,
                             response_deserializer=reflection.ServerReflectionResponse.FromString)

def ask(**kwargs):
    return next(iter(info(iter([reflection.ServerReflectionRequest(**kwargs)]))))

services = [s.name for s in ask(list_services="").list_services_response.service]
print("services:", services)

pool = descriptor_pool.DescriptorPool()
_factory = message_factory.MessageFactory(pool)
added = set()
def add_files(symbol):
    response = ask(file_containing_symbol=symbol)
    protos = [descriptor_pb2.FileDescriptorProto.FromString(b) for b in response.file_descriptor_response.file_descriptor_proto]
    pending = {p.name: p for p in protos}
    def add(name):
        if name in added: return
        p = pending.get(name)
        if p is None:  # a dependency not sent with this answer: ask for it by file name
            r = ask(file_by_filename=name)
            for b in r.file_descriptor_response.file_descriptor_proto:
                q = descriptor_pb2.FileDescriptorProto.FromString(b); pending[q.name] = q
            p = pending[name]
        for dep in p.dependency: add(dep)
        pool.Add(p); added.add(name)
    for p in protos: add(p.name)

add_files("orders.v1.OrderService")
service = pool.FindServiceByName("orders.v1.OrderService")
print("methods:", [(m.name, "client-stream" if m.client_streaming else "unary", "server-stream" if m.server_streaming else "unary") for m in service.methods])

def call(method_name, request_json, metadata=(), stream=False):
    m = service.methods_by_name[method_name]
    req_cls, resp_cls = GetMessageClass(m.input_type), GetMessageClass(m.output_type)
    path = f"/{service.full_name}/{m.name}"
    request = json_format.Parse(json.dumps(request_json), req_cls())
    if stream:
        return [json_format.MessageToDict(r) for r in channel.unary_stream(path, request_serializer=req_cls.SerializeToString,
                response_deserializer=resp_cls.FromString)(request, metadata=metadata, timeout=10)]
    return json_format.MessageToDict(channel.unary_unary(path, request_serializer=req_cls.SerializeToString,
            response_deserializer=resp_cls.FromString)(request, metadata=metadata, timeout=10))

user = call("GetUser", {"userId": 42, "readMask": "name,avatarUrl"})
print("GetUser(42, read_mask=name,avatar_url):", user)
orders = call("GetUserOrders", {"userId": 42})
print("GetUserOrders(42):", len(orders["orders"]), "orders, first", orders["orders"][0])
streamed = call("StreamOrders", {"userId": 42, "intervalMs": 0}, stream=True)
print("StreamOrders(42):", len(streamed), "messages")
try:
    call("CreateOrder", {"userId": 42, "product": "Wireless Mouse", "quantity": 1})
except grpc.RpcError as e:
    print("CreateOrder without a token:", e.code().name, "-", e.details())
created = call("CreateOrder", {"userId": 42, "product": "Wireless Mouse", "quantity": 1}, metadata=[("authorization", "Bearer demo-token")])
print("CreateOrder with the token:", created)
try:
    call("CreateOrder", {"userId": 42, "product": "Wireless Mouse", "quantity": 0}, metadata=[("authorization", "Bearer demo-token")])
except grpc.RpcError as e:
    details = dict(e.trailing_metadata()).get("grpc-status-details-bin")
    print("CreateOrder quantity 0:", e.code().name, "-", e.details(), "- details bytes:", len(details or b""))
    try:
        add_files("google.rpc.Status"); add_files("google.rpc.BadRequest")
        status = GetMessageClass(pool.FindMessageTypeByName("google.rpc.Status")).FromString(details)
        for any_detail in status.details:
            cls = GetMessageClass(pool.FindMessageTypeByName(any_detail.type_url.split("/")[-1]))
            print("  detail", any_detail.type_url, json_format.MessageToDict(cls.FromString(any_detail.value)))
    except KeyError as missing:
        print("  google.rpc types are not served by reflection:", missing)
