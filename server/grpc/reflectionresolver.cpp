#include "server/grpc/reflectionresolver.h"

#include "grpc/reflection/v1/reflection.pb.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <grpcpp/support/status.h>

#include <algorithm>
#include <set>

namespace triptych::rpc {
namespace {

namespace v1 = grpc::reflection::v1;
using google::protobuf::FileDescriptor;

void setError(v1::ServerReflectionResponse &response, grpc::StatusCode code, const std::string &message) {
    auto *error = response.mutable_error_response();
    error->set_error_code(static_cast<std::int32_t>(code));
    error->set_error_message(message);
}

// The file first, then what it imports, each once (the order gRPC's own reflection uses).
void addFileWithDependencies(const FileDescriptor &file, std::set<std::string> &seen, v1::FileDescriptorResponse &out) {
    if (!seen.insert(file.name()).second)
        return;
    google::protobuf::FileDescriptorProto proto;
    file.CopyTo(&proto);
    proto.SerializeToString(out.add_file_descriptor_proto());
    for (int i = 0; i < file.dependency_count(); ++i)
        addFileWithDependencies(*file.dependency(i), seen, out);
}

void answerFile(const FileDescriptor *file, const std::string &notFound, v1::ServerReflectionResponse &response) {
    if (!file)
        return setError(response, grpc::StatusCode::NOT_FOUND, notFound);
    std::set<std::string> seen;
    addFileWithDependencies(*file, seen, *response.mutable_file_descriptor_response());
}

} // namespace

ReflectionResolver::ReflectionResolver(std::vector<std::string> serviceNames,
                                       const google::protobuf::DescriptorPool &pool)
    : m_serviceNames(std::move(serviceNames))
    , m_pool(pool) {}

void ReflectionResolver::answer(const v1::ServerReflectionRequest &request,
                                v1::ServerReflectionResponse &response) const {
    response.set_valid_host(request.host());
    *response.mutable_original_request() = request;
    switch (request.message_request_case()) {
    case v1::ServerReflectionRequest::kListServices:
        for (const auto &name : m_serviceNames)
            response.mutable_list_services_response()->add_service()->set_name(name);
        return;
    case v1::ServerReflectionRequest::kFileByFilename:
        return answerFile(m_pool.FindFileByName(request.file_by_filename()), "File not found.", response);
    case v1::ServerReflectionRequest::kFileContainingSymbol:
        return answerFile(m_pool.FindFileContainingSymbol(request.file_containing_symbol()), "Symbol not found.",
                          response);
    case v1::ServerReflectionRequest::kFileContainingExtension: {
        const auto &wanted = request.file_containing_extension();
        const auto *type = m_pool.FindMessageTypeByName(wanted.containing_type());
        if (!type)
            return setError(response, grpc::StatusCode::NOT_FOUND, "Type not found.");
        const auto *extension = m_pool.FindExtensionByNumber(type, wanted.extension_number());
        return answerFile(extension ? extension->file() : nullptr, "Extension not found.", response);
    }
    case v1::ServerReflectionRequest::kAllExtensionNumbersOfType: {
        const auto *type = m_pool.FindMessageTypeByName(request.all_extension_numbers_of_type());
        if (!type)
            return setError(response, grpc::StatusCode::NOT_FOUND, "Type not found.");
        std::vector<const google::protobuf::FieldDescriptor *> extensions;
        m_pool.FindAllExtensions(type, &extensions);
        auto *numbers = response.mutable_all_extension_numbers_response();
        numbers->set_base_type_name(type->full_name());
        std::vector<int> sorted;
        for (const auto *extension : extensions)
            sorted.push_back(extension->number());
        std::sort(sorted.begin(), sorted.end());
        for (int number : sorted)
            numbers->add_extension_number(number);
        return;
    }
    case v1::ServerReflectionRequest::MESSAGE_REQUEST_NOT_SET:
        break;
    }
    setError(response, grpc::StatusCode::INVALID_ARGUMENT, "The request names no question (message_request is empty).");
}

} // namespace triptych::rpc
