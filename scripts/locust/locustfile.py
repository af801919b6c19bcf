"""Load on the requests of a Triptych folder, exported by `triptych-cli locust` (docs/checks.md, "Locust").

REST and GraphQL requests are tasks of an HttpUser; gRPC requests are tasks of a plain User that calls through
python3-grpcio and reports each call to Locust. The requests, resolved at export, are in requests.json; the .proto
files of the gRPC ones are in protos/ and compiled when Locust starts (python3-grpc-tools or protoc), or, without
either, imported from modules generated beforehand with `python3 -m grpc_tools.protoc -Iprotos --python_out=protos
protos/...`. TRIPTYCH_LOCUST_WAIT (seconds, default 0) spaces each user's calls.
"""
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import grpc.experimental.gevent as grpc_gevent

grpc_gevent.init_gevent()  # grpcio must cooperate with gevent, which Locust runs on, before any channel exists

import grpc  # noqa: E402
from google.protobuf import json_format, message_factory  # noqa: E402
from locust import HttpUser, User, constant, task  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "requests.json"), encoding="utf-8") as source:
    EXPORT = json.load(source)
WAIT = float(os.environ.get("TRIPTYCH_LOCUST_WAIT", "0"))


def compile_protos(files, out):
    """Generates the message modules with the first compiler that takes the files: grpc_tools (python3-grpc-tools),
    else the protoc binary (protobuf-compiler). Debian 12's grpc_tools (1.14) predates proto3 `optional` fields,
    which protoc 3.21 compiles. False when neither can."""
    protos = os.path.join(HERE, "protos")
    includes = [protos, "/usr/include"]
    try:
        from grpc_tools import protoc

        arguments = ["protoc", f"-I{protos}", f"-I{os.path.join(os.path.dirname(protoc.__file__), '_proto')}"]
        if protoc.main(arguments + [f"--python_out={out}"] + files) == 0:
            return True
    except ImportError:
        pass
    binary = shutil.which("protoc")
    if binary:
        arguments = [binary] + [f"-I{path}" for path in includes] + [f"--python_out={out}"] + files
        return subprocess.run(arguments, check=False).returncode == 0
    return False


def load_proto_modules(files):
    """Compiles the .proto files into a temporary folder, or uses modules generated beforehand in protos/; imports
    them."""
    out = tempfile.mkdtemp(prefix="triptych-locust-")
    sys.path.insert(0, out if compile_protos(files, out) else os.path.join(HERE, "protos"))
    return [importlib.import_module(name[: -len(".proto")].replace("/", ".") + "_pb2") for name in files]


def grpc_method(modules, full_name):
    """The request and response classes of "pkg.Service/Method" from the compiled modules."""
    service_name, method_name = full_name.lstrip("/").split("/")
    for module in modules:
        for service in module.DESCRIPTOR.services_by_name.values():
            if service.full_name == service_name:
                method = service.methods_by_name[method_name]
                factory = message_factory.MessageFactory(method.input_type.file.pool)
                return factory.GetPrototype(method.input_type), factory.GetPrototype(method.output_type)
    raise LookupError(f"no method {full_name} in the exported .proto files")


def http_task(entry):
    def run(user):
        if entry["style"] == "graphql":
            with user.client.post(entry["url"], json=entry["graphql"], headers=entry["headers"], name=entry["name"],
                                  catch_response=True) as response:
                errors = response.ok and response.json().get("errors")
                if errors:
                    response.failure(f"GraphQL errors: {errors[0].get('message')}")
            return
        body = entry.get("body")
        user.client.request(entry["method"], entry["url"], headers=entry["headers"],
                            data=body.encode("utf-8") if body is not None else None, name=entry["name"])

    run.__name__ = entry["name"]
    return run


def grpc_task(entry, modules):
    request_class, response_class = grpc_method(modules, entry["method"])
    request = json_format.Parse(entry["message"], request_class())
    path = "/" + entry["method"].lstrip("/")

    def run(user):
        channel = user.channel(entry["target"])
        call = channel.unary_unary(path, request_serializer=request_class.SerializeToString,
                                   response_deserializer=response_class.FromString)
        start = time.perf_counter()
        exception, length = None, 0
        try:
            response = call(request, metadata=entry["metadata"], timeout=entry["deadlineMs"] / 1000)
            length = response.ByteSize()
        except grpc.RpcError as error:
            exception = error
        user.environment.events.request.fire(request_type="grpc", name=entry["name"],
                                             response_time=(time.perf_counter() - start) * 1000,
                                             response_length=length, exception=exception, context={})

    run.__name__ = entry["name"]
    return run


HTTP_REQUESTS = [entry for entry in EXPORT["requests"] if entry["style"] in ("rest", "graphql")]
GRPC_REQUESTS = [entry for entry in EXPORT["requests"] if entry["style"] == "grpc"]


if HTTP_REQUESTS:

    class TriptychHttpUser(HttpUser):
        """The folder's REST and GraphQL requests, one task each."""

        host = EXPORT["host"]
        wait_time = constant(WAIT)
        tasks = [http_task(entry) for entry in HTTP_REQUESTS]


if GRPC_REQUESTS:
    MODULES = load_proto_modules(EXPORT["protoFiles"])

    class TriptychGrpcUser(User):
        """The folder's unary gRPC requests, one task each, on one plaintext channel per target."""

        wait_time = constant(WAIT)
        tasks = [grpc_task(entry, MODULES) for entry in GRPC_REQUESTS]

        def on_start(self):
            self.channels = {}

        def on_stop(self):
            for channel in self.channels.values():
                channel.close()

        def channel(self, target):
            if target not in self.channels:
                self.channels[target] = grpc.insecure_channel(target)
            return self.channels[target]
