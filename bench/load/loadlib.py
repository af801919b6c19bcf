"""Shared by the load scripts of bench/load: start triptych-server on free loopback ports, sample its RSS and CPU,
and speak just enough HTTP/1.1 and WebSocket (asyncio streams, the standard library only) to load it.

Every loop of the scripts ends at a deadline and every connection goes to 127.0.0.1."""

import argparse
import asyncio
import base64
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import time

HOST = "127.0.0.1"


def arguments(description, seconds):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--server", default="build/release/server/triptych-server",
                        help="the triptych-server binary (default: the release preset's)")
    parser.add_argument("--seconds", type=float, default=seconds, help=f"how long the load lasts (default {seconds})")
    parser.add_argument("--server-args", default="", help="more triptych-server options, e.g. '--tracing off'")
    parser.add_argument("--no-pin", action="store_true",
                        help="do not pin the server to CPU 1 and the load to CPU 0 (taskset)")
    return parser


class Server:
    """triptych-server on free ports; pinned to the last CPU when taskset is there, the load to the others."""

    def __init__(self, binary, extra=(), pin=True):
        command = [binary, "--http-port", "0", "--grpc-port", "0", *extra]
        cpus = os.cpu_count() or 1
        if pin and shutil.which("taskset") and cpus > 1:
            command = ["taskset", "-c", str(cpus - 1), *command]
            os.sched_setaffinity(0, set(range(cpus - 1)))
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"http=[^ ]*:(\d+) grpc=[^ ]*:(\d+)", line)
        if not match:
            self.process.kill()
            raise SystemExit(f"triptych-server did not start: {line}{self.process.stderr.read()}")
        self.http = int(match.group(1))
        self.grpc = int(match.group(2))
        self.pid = self.process.pid

    def rss_mib(self):
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def threads(self):
        return len(os.listdir(f"/proc/{self.pid}/task"))

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def percentile(values, q):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def latency_line(label, seconds_list):
    if not seconds_list:
        return f"{label}: no answers"
    ms = [s * 1000 for s in seconds_list]
    return (f"{label}: {len(ms)} answers, p50 {percentile(ms, 0.5):.1f} ms, p99 {percentile(ms, 0.99):.1f} ms, "
            f"max {max(ms):.1f} ms, mean {statistics.fmean(ms):.1f} ms")


class HttpConnection:
    """One keep-alive HTTP/1.1 connection: request() sends and reads one whole answer (Content-Length or chunked)."""

    def __init__(self, reader, writer):
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port, timeout=10):
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
        return cls(reader, writer)

    async def request(self, method, path, headers=None, body=b"", timeout=30):
        head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\n"
        for name, value in (headers or {}).items():
            head += f"{name}: {value}\r\n"
        if body:
            head += f"Content-Length: {len(body)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + body)
        await self.writer.drain()
        return await asyncio.wait_for(self.read_answer(method == "HEAD"), timeout)

    async def read_answer(self, head_only=False):
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        headers = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = b""
        if head_only or status in (204, 304):
            return status, headers, body
        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                body += chunk[:-2]
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", "0")))
        return status, headers, body

    def close(self):
        self.writer.close()


async def timed_get(port, path, headers=None, timeout=10):
    """A request on a fresh connection; (status, seconds), status 0 when it failed."""
    started = time.perf_counter()
    connection = None
    try:
        connection = await HttpConnection.open(port, timeout)
        status, _, _ = await connection.request("GET", path, headers, timeout=timeout)
        return status, time.perf_counter() - started
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError):
        return 0, time.perf_counter() - started
    finally:
        if connection:
            connection.close()


class WebSocket:
    """A client WebSocket (RFC 6455) for graphql-transport-ws: text frames, masked as a client must."""

    def __init__(self, reader, writer):
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port, path="/graphql", subprotocol="graphql-transport-ws", timeout=10):
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write((f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Sec-WebSocket-Protocol: {subprotocol}\r\n\r\n").encode())
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), timeout)
        if b" 101 " not in status:
            raise ConnectionError(f"upgrade refused: {status!r}")
        while (await reader.readline()) not in (b"\r\n", b""):
            pass
        return cls(reader, writer)

    async def send(self, text, opcode=0x1):
        payload = text.encode() if isinstance(text, str) else text
        mask = os.urandom(4)
        length = len(payload)
        if length < 126:
            head = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
        elif length < 65536:
            head = struct.pack("!BBH", 0x80 | opcode, 0xFE, length)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 0xFF, length)
        self.writer.write(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
        await self.writer.drain()

    async def receive(self):
        """The next text message; None when the server closed."""
        while True:
            first, second = await self.reader.readexactly(2)
            length = second & 0x7F
            if length == 126:
                length = struct.unpack("!H", await self.reader.readexactly(2))[0]
            elif length == 127:
                length = struct.unpack("!Q", await self.reader.readexactly(8))[0]
            payload = await self.reader.readexactly(length)
            opcode = first & 0x0F
            if opcode == 0x8:
                return None
            if opcode == 0x9:  # the server's keep-alive ping (after 300 s without data from us): a pong, as RFC 6455 says
                await self.send(payload, opcode=0xA)
            if opcode == 0x1:
                return payload.decode()

    def close(self):
        self.writer.close()


async def start_probe(port, seconds):
    """Starts probe.py (the measured working client) for `seconds`; finish_probe collects its answers."""
    return await asyncio.create_subprocess_exec(sys.executable, os.path.join(os.path.dirname(__file__), "probe.py"),
                                                str(port), str(seconds), stdout=asyncio.subprocess.PIPE)


async def finish_probe(process):
    """The probe's answers as (seconds since it started, kind, status, latency in seconds)."""
    lines = (await process.communicate())[0].decode().splitlines()
    return [(float(at), kind, int(status), float(latency))
            for at, kind, status, latency in (line.split() for line in lines if line.strip())]


def probe_report(label, samples):
    """Prints the probe's latencies for samples [(at, kind, status, latency)]."""
    statuses = {}
    for _, kind, status, _ in samples:
        statuses[f"{kind} {status}"] = statuses.get(f"{kind} {status}", 0) + 1
    print(label)
    for kind, name in (("fresh", "fresh connection GET /v1/users/42"), ("kept", "kept-alive GET /healthz")):
        print("  " + latency_line(name, [latency for _, k, status, latency in samples if k == kind and status == 200]))
    print(f"  answers by status: {statuses}")


def raise_file_limit(wanted):
    """Many sockets: the soft limit of open files goes up to what the script needs (bounded by the hard limit)."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(hard, max(soft, wanted))
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return target
