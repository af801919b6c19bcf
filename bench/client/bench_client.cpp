// 2,000 sequential small calls to the in-process server, each way: bare libcurl easy handle vs RestCaller, bare
// GenericStub unary call vs GrpcCaller. The difference per call is the engine's overhead (target < 30 µs).
// Each pair runs kRounds times, interleaved, and the fastest round of each counts: on a shared, loaded machine the
// minimum is the figure least disturbed by other processes.
#include "app/client/grpccaller.h"
#include "app/client/restcaller.h"
#include "server/host/orderserver.h"

#include <QCoreApplication>

#include <curl/curl.h>
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>

using namespace triptych;
using namespace triptych::client;

namespace {

constexpr int kCalls = 2'000;
constexpr int kRounds = 5;
using Clock = std::chrono::steady_clock;

double microsPerCall(Clock::time_point start) {
    return double(std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count()) / kCalls;
}

size_t discard(char *, size_t size, size_t count, void *) {
    return size * count;
}

double bareCurl(const std::string &url) {
    CURL *easy = curl_easy_init();
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &discard);
    const auto start = Clock::now();
    for (int i = 0; i < kCalls; ++i)
        curl_easy_perform(easy);
    const double result = microsPerCall(start);
    curl_easy_cleanup(easy);
    return result;
}

double bareGrpc(const std::string &target) {
    grpc::GenericStub stub(grpc::CreateChannel(target, grpc::InsecureChannelCredentials()));
    const auto start = Clock::now();
    for (int i = 0; i < kCalls; ++i) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        grpc::ByteBuffer request;
        grpc::Slice empty("", 0);
        request = grpc::ByteBuffer(&empty, 1);
        grpc::ByteBuffer response;
        std::promise<void> done;
        stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                       [&done](grpc::Status) { done.set_value(); });
        done.get_future().wait();
    }
    return microsPerCall(start);
}

// Runs kCalls sequential calls through an engine caller on the event loop; each result starts the next call.
template <typename Caller, typename Send> double engineCalls(Send send) {
    Caller caller;
    int remaining = kCalls;
    QObject::connect(&caller, &Caller::callFinished, &caller, [&] {
        if (--remaining == 0)
            QCoreApplication::exit(0);
        else
            send(caller);
    });
    QObject::connect(&caller, &Caller::callFailed, &caller, [](const CallRecord &record) {
        std::fprintf(stderr, "call failed: %s\n", qPrintable(record.error.text()));
        QCoreApplication::exit(1);
    });
    const auto start = Clock::now();
    send(caller);
    QCoreApplication::exec();
    return microsPerCall(start);
}

// The engine's JSON work for one unary call (request JSON → bytes, response bytes → JSON), the way it was (protobuf's
// JsonStringToMessage / MessageToJsonString, a type resolver built per call) and the way it is (one cached resolver,
// no message in between). CPU-bound, so the fastest round is a fair figure even on a loaded machine.
std::pair<double, double> conversionMicros(const GrpcSchema &schema) {
    const auto *method = schema.findMethod(QStringLiteral("grpc.health.v1.Health/Check"));
    const QByteArray request = R"({"service":"orders.v1.OrderService"})";
    std::string response;
    QString error;
    schema.jsonToBinary(method->output_type(), R"({"status":"SERVING"})", &response, &error);
    double perMessage = 1e9, cached = 1e9;
    for (int round = 0; round < kRounds; ++round) {
        auto start = Clock::now();
        for (int i = 0; i < kCalls; ++i) {
            auto in = schema.newMessage(method->input_type());
            (void)google::protobuf::util::JsonStringToMessage(request.toStdString(), in.get());
            const std::string bytes = in->SerializeAsString();
            (void)GrpcSchema::messageToJson(*in);
            auto out = schema.newMessage(method->output_type());
            out->ParseFromString(response);
            (void)GrpcSchema::messageToJson(*out);
        }
        perMessage = std::min(perMessage, microsPerCall(start));
        start = Clock::now();
        for (int i = 0; i < kCalls; ++i) {
            std::string bytes;
            schema.jsonToBinary(method->input_type(), request, &bytes, &error);
            (void)schema.binaryToJson(method->output_type(), response);
        }
        cached = std::min(cached, microsPerCall(start));
    }
    return {perMessage, cached};
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    ServerOptions options;
    options.httpPort = 0;
    options.grpcPort = 0;
    options.users = 100;
    options.tracing = false; // measure the client, not the server's span recording
    OrderServer server(options);
    if (!server.start().ok())
        return 1;
    const std::string url = "http://127.0.0.1:" + std::to_string(server.httpPort()) + "/healthz";
    const std::string target = "127.0.0.1:" + std::to_string(server.grpcPort());

    RestRequest rest;
    rest.url = QString::fromStdString(url);
    rest.sendTraceparent = false;
    rest.fetchServerTrace = false;
    QString error;
    const auto schema = GrpcSchema::fromFileDescriptors({}, {QStringLiteral("grpc.health.v1.Health")}, &error);
    GrpcRequest grpcCall;
    grpcCall.target = QString::fromStdString(target);
    grpcCall.method = QStringLiteral("grpc.health.v1.Health/Check");
    grpcCall.messages.append("{}");
    grpcCall.sendTraceparent = false;

    bareCurl(url); // warm up both servers and connections
    bareGrpc(target);
    double curlUs = 1e9, restUs = 1e9, grpcUs = 1e9, engineGrpcUs = 1e9;
    for (int round = 0; round < kRounds; ++round) {
        curlUs = std::min(curlUs, bareCurl(url));
        restUs = std::min(restUs, engineCalls<RestCaller>([&](RestCaller &caller) { caller.send(rest); }));
        grpcUs = std::min(grpcUs, bareGrpc(target));
        engineGrpcUs =
            std::min(engineGrpcUs, engineCalls<GrpcCaller>([&](GrpcCaller &caller) { caller.call(schema, grpcCall); }));
    }

    const auto [perMessageUs, cachedUs] = conversionMicros(*schema);

    std::printf("%d sequential calls each, microseconds per call, fastest of %d rounds\n", kCalls, kRounds);
    std::printf("gRPC JSON work per unary call: per-call resolver and messages %6.1f, cached resolver %6.1f\n",
                perMessageUs, cachedUs);
    std::printf("REST  bare libcurl easy %8.1f  RestCaller %8.1f  overhead %8.1f\n", curlUs, restUs, restUs - curlUs);
    std::printf("gRPC  bare GenericStub  %8.1f  GrpcCaller %8.1f  overhead %8.1f\n", grpcUs, engineGrpcUs,
                engineGrpcUs - grpcUs);
    server.stop();
    return 0;
}
