#pragma once

#include <google/protobuf/arena.h>
#include <grpcpp/support/message_allocator.h>

namespace triptych::rpc {

// Puts a unary call's request and response on one protobuf Arena: user 42's 1,000 orders become a few block
// allocations instead of thousands of small ones, all freed at once when the call ends.
template <typename Request, typename Response>
class ArenaAllocator final : public grpc::MessageAllocator<Request, Response> {
public:
    grpc::MessageHolder<Request, Response> *AllocateMessages() override { return new Holder; }

private:
    class Holder final : public grpc::MessageHolder<Request, Response> {
    public:
        Holder() {
            this->set_request(google::protobuf::Arena::CreateMessage<Request>(&m_arena));
            this->set_response(google::protobuf::Arena::CreateMessage<Response>(&m_arena));
        }
        void Release() override { delete this; }

    private:
        google::protobuf::Arena m_arena;
    };
};

} // namespace triptych::rpc
