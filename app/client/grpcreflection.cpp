#include "app/client/grpcreflection.h"

#include "app/client/callerrors.h"
#include "app/client/embeddedtls.h"
#include "app/client/grpcchannels.h"
#include "app/client/protoparsing.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <deque>
#include <set>

namespace triptych::client {

namespace gp = google::protobuf;

namespace {

struct ReflectionResult {
    std::vector<std::string> files;
    QStringList services;
    grpc::Status status;
};

// The reflection conversation, one request then its response at a time: list the services, fetch the file of each,
// then every dependency not yet seen.
class ReflectionStream : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
public:
    using Done = std::function<void(ReflectionResult)>;

    ReflectionStream(const ReflectionRequest &request, bool alpha, Done done)
        : m_done(std::move(done))
        , m_factory(&embeddedPool()) {
        const auto *requestType = embeddedPool().FindMessageTypeByName("grpc.reflection.v1.ServerReflectionRequest");
        const auto *responseType = embeddedPool().FindMessageTypeByName("grpc.reflection.v1.ServerReflectionResponse");
        m_request.reset(m_factory.GetPrototype(requestType)->New());
        m_response.reset(m_factory.GetPrototype(responseType)->New());
        m_context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(request.deadlineMs));
        for (const auto &[key, value] : request.metadata)
            m_context.AddMetadata(key.toLower().toStdString(), value.toStdString());
        m_stub = std::make_unique<grpc::GenericStub>(grpcChannel(request.target, request.tls));
        m_path = alpha ? "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"
                       : "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
        m_queue.push_back({"list_services", "*"});
    }

    void start() {
        m_stub->PrepareBidiStreamingCall(&m_context, m_path, grpc::StubOptions(), this);
        writeNext();
        StartCall();
    }

    void OnWriteDone(bool ok) override {
        if (ok)
            StartRead(&m_readBuffer);
    }

    void OnReadDone(bool ok) override {
        if (!ok)
            return;
        grpc::Slice slice;
        m_readBuffer.DumpToSingleSlice(&slice);
        if (m_response->ParseFromArray(slice.begin(), int(slice.size())))
            takeResponse();
        writeNext();
    }

    void OnWritesDoneDone(bool) override {}

    void OnDone(const grpc::Status &status) override {
        m_result.status = status;
        m_done(std::move(m_result));
        delete this;
    }

private:
    void writeNext() {
        if (m_queue.empty()) {
            StartWritesDone();
            return;
        }
        const auto [field, value] = m_queue.front();
        m_queue.pop_front();
        m_request->Clear();
        const auto *descriptor = m_request->GetDescriptor()->FindFieldByName(field);
        m_request->GetReflection()->SetString(m_request.get(), descriptor, value);
        const std::string bytes = m_request->SerializeAsString();
        grpc::Slice out(bytes);
        m_writeBuffer = grpc::ByteBuffer(&out, 1);
        StartWrite(&m_writeBuffer);
    }

    void takeResponse() {
        const auto *reflection = m_response->GetReflection();
        const auto *type = m_response->GetDescriptor();
        if (reflection->HasField(*m_response, type->FindFieldByName("list_services_response"))) {
            const auto &list = reflection->GetMessage(*m_response, type->FindFieldByName("list_services_response"));
            const auto *serviceField = list.GetDescriptor()->FindFieldByName("service");
            for (int i = 0; i < list.GetReflection()->FieldSize(list, serviceField); ++i) {
                const auto &service = list.GetReflection()->GetRepeatedMessage(list, serviceField, i);
                const auto name = service.GetReflection()->GetString(service, service.GetDescriptor()->field(0));
                m_result.services.append(QString::fromStdString(name));
                m_queue.push_back({"file_containing_symbol", name});
            }
        }
        if (reflection->HasField(*m_response, type->FindFieldByName("file_descriptor_response"))) {
            const auto &files = reflection->GetMessage(*m_response, type->FindFieldByName("file_descriptor_response"));
            const auto *bytesField = files.GetDescriptor()->field(0);
            for (int i = 0; i < files.GetReflection()->FieldSize(files, bytesField); ++i)
                takeFile(files.GetReflection()->GetRepeatedString(files, bytesField, i));
        }
        // error_response: a symbol without a descriptor (health on 1.51); the schema carries its own copy.
    }

    void takeFile(const std::string &bytes) {
        gp::FileDescriptorProto file;
        if (!file.ParseFromString(bytes) || !m_seen.insert(file.name()).second)
            return;
        m_result.files.push_back(bytes);
        for (const auto &dependency : file.dependency()) {
            if (!m_seen.count(dependency) && m_requested.insert(dependency).second)
                m_queue.push_back({"file_by_filename", dependency});
        }
    }

    Done m_done;
    gp::DynamicMessageFactory m_factory;
    std::unique_ptr<gp::Message> m_request;
    std::unique_ptr<gp::Message> m_response;
    grpc::ClientContext m_context;
    std::unique_ptr<grpc::GenericStub> m_stub;
    std::string m_path;
    std::deque<std::pair<std::string, std::string>> m_queue; // (request field, value)
    std::set<std::string> m_seen;
    std::set<std::string> m_requested;
    grpc::ByteBuffer m_readBuffer;
    grpc::ByteBuffer m_writeBuffer;
    ReflectionResult m_result;
};

} // namespace

GrpcReflection::GrpcReflection(QObject *parent)
    : QObject(parent)
    , m_relay(std::make_shared<ResultRelay>(this)) {}

GrpcReflection::~GrpcReflection() {
    m_relay->detach();
}

void GrpcReflection::load(const ReflectionRequest &request) {
    ++m_generation;
    ReflectionRequest trusted = request;
    trustEmbeddedServer(trusted);
    start(trusted, false);
}

void GrpcReflection::start(const ReflectionRequest &request, bool alpha) {
    const quint64 generation = m_generation;
    auto relay = m_relay;
    auto *stream =
        new ReflectionStream(request, alpha, [relay, this, request, alpha, generation](ReflectionResult result) {
            relay->post([this, request, alpha, generation, result = std::move(result)] {
                if (generation != m_generation)
                    return;
                if (!alpha && result.status.error_code() == grpc::StatusCode::UNIMPLEMENTED) {
                    start(request, true);
                    return;
                }
                if (!result.status.ok()) {
                    const auto error = describeGrpcStatus(int(result.status.error_code()),
                                                          QString::fromStdString(result.status.error_message()),
                                                          request.target, request.deadlineMs);
                    Q_EMIT loadFailed({error.kind, QStringLiteral("Server reflection failed: ") + error.message,
                                       error.hint.isEmpty()
                                           ? QStringLiteral("does the server offer reflection? Else "
                                                            "give its .proto files with --proto and -I")
                                           : error.hint});
                    return;
                }
                QString problem;
                auto schema = GrpcSchema::fromFileDescriptors(result.files, result.services, &problem);
                if (!schema) {
                    Q_EMIT loadFailed({ErrorKind::InvalidRequest, problem, {}});
                    return;
                }
                Q_EMIT schemaLoaded(schema, alpha ? QStringLiteral("v1alpha") : QStringLiteral("v1"));
            });
        });
    stream->start();
}

} // namespace triptych::client
