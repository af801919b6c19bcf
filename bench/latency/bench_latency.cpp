// The latency of one small request on one keep-alive HTTP/1.1 connection: send, read the whole answer, repeat;
// prints p50/p90/p99 in µs. `--echo-server` instead serves a loopback echo (the floor any answer stands on), so the
// wrapper bench/load/latency.sh can measure both with the same client, pinned the same way.
// Plain POSIX sockets and blocking calls: the client should add as little as it can to what it measures.
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Options {
    int port = 0;
    std::string path = "/v1/users/42";
    std::string body; // a POST with a JSON body when set
    int requests = 10000;
    int warmup = 1000;
    bool echo = false;       // the client side of the echo baseline: the answer is the request itself
    bool echoServer = false; // serve the echo baseline
};

[[noreturn]] void fail(const char *what) {
    std::perror(what);
    std::exit(1);
}

int connectTo(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
        fail("connect");
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// Serves echo on a free loopback port, one connection at a time; prints the port first.
int serveEcho() {
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (listener < 0 || ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(listener, 4) != 0 || ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        fail("listen");
    std::printf("echo port %d\n", ntohs(address.sin_port));
    std::fflush(stdout);
    for (;;) {
        const int fd = ::accept(listener, nullptr, nullptr);
        if (fd < 0)
            fail("accept");
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        char buffer[16384];
        for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
            if (::send(fd, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n)
                break;
        ::close(fd);
    }
}

std::size_t contentLength(std::string_view head) {
    for (std::size_t line = head.find("\r\n"); line != std::string_view::npos; line = head.find("\r\n", line + 2)) {
        const auto field = head.substr(line + 2, 15);
        if (field.size() == 15 && ::strncasecmp(field.data(), "content-length:", 15) == 0)
            return std::strtoul(head.data() + line + 17, nullptr, 10);
    }
    return 0;
}

// Reads one whole answer: the head, then Content-Length bytes (the echo: as many bytes as were sent).
void readAnswer(int fd, std::string &buffer, const Options &options, std::size_t sent) {
    buffer.clear();
    std::size_t wanted = options.echo ? sent : std::string::npos;
    char chunk[65536];
    while (buffer.size() < wanted) {
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            fail("recv (the server closed the connection)");
        buffer.append(chunk, static_cast<std::size_t>(n));
        if (wanted == std::string::npos) {
            if (const auto end = buffer.find("\r\n\r\n"); end != std::string::npos) {
                if (buffer.compare(0, 12, "HTTP/1.1 200") != 0) {
                    std::fprintf(stderr, "unexpected answer: %.60s\n", buffer.c_str());
                    std::exit(1);
                }
                wanted = end + 4 + contentLength(std::string_view(buffer).substr(0, end + 2));
            }
        }
    }
}

double percentile(const std::vector<double> &sorted, double q) {
    return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * double(sorted.size())))];
}

[[noreturn]] void usage() {
    std::fprintf(stderr, "usage: bench_latency --echo-server | --port N [--path P] [--post JSON] "
                         "[--requests 10000] [--warmup 1000] [--echo]\n");
    std::exit(2);
}

Options parse(int argc, char **argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--port" && hasValue)
            options.port = std::atoi(argv[++i]);
        else if (arg == "--path" && hasValue)
            options.path = argv[++i];
        else if (arg == "--post" && hasValue)
            options.body = argv[++i];
        else if (arg == "--requests" && hasValue)
            options.requests = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--warmup" && hasValue)
            options.warmup = std::max(0, std::atoi(argv[++i]));
        else if (arg == "--echo")
            options.echo = true;
        else if (arg == "--echo-server")
            options.echoServer = true;
        else
            usage();
    }
    return options;
}

} // namespace

int main(int argc, char **argv) {
    const Options options = parse(argc, argv);
    if (options.echoServer)
        return serveEcho();
    if (options.port <= 0)
        usage();
    std::string request = (options.body.empty() ? "GET " : "POST ") + options.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!options.body.empty())
        request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(options.body.size()) + "\r\n";
    request += "\r\n" + options.body;

    const int fd = connectTo(options.port);
    std::string answer;
    std::vector<double> micros;
    micros.reserve(static_cast<std::size_t>(options.requests));
    for (int i = 0; i < options.warmup + options.requests; ++i) {
        const auto start = std::chrono::steady_clock::now();
        if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size()))
            fail("send");
        readAnswer(fd, answer, options, request.size());
        const auto end = std::chrono::steady_clock::now();
        if (i >= options.warmup)
            micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    ::close(fd);
    std::sort(micros.begin(), micros.end());
    std::printf("%zu requests, answer %zu bytes: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, max %.1f µs\n", micros.size(),
                answer.size(), percentile(micros, 0.5), percentile(micros, 0.9), percentile(micros, 0.99),
                micros.back());
    return 0;
}
