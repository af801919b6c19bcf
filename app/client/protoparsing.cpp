#include "app/client/protoparsing.h"

#include "app/client/embeddedprotos.h"
#include "app/client/wellformedutf8.h"

#include <google/protobuf/any.pb.h>
#include <google/protobuf/compiler/parser.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

namespace triptych::client {

namespace {

class CollectingErrors : public google::protobuf::io::ErrorCollector {
public:
    void AddError(int line, int column, const std::string &message) override {
        if (m_text.empty())
            m_text = std::to_string(line + 1) + ":" + std::to_string(column + 1) + ": " + message;
    }
    std::string m_text;
};

void addGenerated(google::protobuf::DescriptorPool &pool, const google::protobuf::FileDescriptor *file) {
    google::protobuf::FileDescriptorProto proto;
    file->CopyTo(&proto);
    pool.BuildFile(proto);
}

google::protobuf::DescriptorPool *buildEmbeddedPool() {
    auto *pool = new google::protobuf::DescriptorPool;
    addGenerated(*pool, google::protobuf::Any::descriptor()->file());
    addGenerated(*pool, google::protobuf::Duration::descriptor()->file());
    for (const auto &file : embeddedProtos()) {
        google::protobuf::FileDescriptorProto proto;
        std::string error;
        if (parseProtoText(file.name, file.text, &proto, &error))
            pool->BuildFile(proto);
    }
    return pool;
}

} // namespace

bool parseProtoText(const std::string &name, const std::string &text, google::protobuf::FileDescriptorProto *out,
                    std::string *error) {
    google::protobuf::io::ArrayInputStream input(text.data(), int(text.size()));
    CollectingErrors errors;
    google::protobuf::io::Tokenizer tokenizer(&input, &errors);
    google::protobuf::compiler::Parser parser;
    parser.RecordErrorsTo(&errors);
    const bool ok = parser.Parse(&tokenizer, out);
    out->set_name(name);
    if (!ok && error) // the tokenizer quotes the file's bytes, which need not be UTF-8
        *error = toWellFormedUtf8(QByteArray::fromStdString(name + ":" + errors.m_text)).toStdString();
    return ok;
}

const google::protobuf::DescriptorPool &embeddedPool() {
    static const google::protobuf::DescriptorPool *pool = buildEmbeddedPool();
    return *pool;
}

} // namespace triptych::client
