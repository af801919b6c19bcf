// graphql-transport-ws: the input is a sequence of messages separated by RS (0x1E, as JSON text sequences separate
// them) sent over one connection, which then closes. Every message the server sends back must be valid UTF-8 JSON,
// and nothing may crash or outlive the connection.
#include "server/graphqlapi/graphqlapi.h"
#include "server/graphqlapi/graphqlservice.h"
#include "server/graphqlapi/wsconnection.h"
#include "server/http/scheduler.h"
#include "tests/fuzz/fuzzchecks.h"
#include "tests/fuzz/serverfixture.h"

#include <cstddef>
#include <cstdint>
#include <mutex>

using namespace triptych;

namespace {

// The socket side: checks each message as it is sent (events may come from the scheduler's thread).
class CheckingSocket : public http::WebSocketConnection {
public:
    bool sendText(std::string message) override {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return false;
        fuzz::requireValidJson(message, "invalid JSON sent over graphql-transport-ws");
        return true;
    }
    void close(std::uint16_t, std::string) override {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }

private:
    std::mutex m_mutex;
    bool m_closed = false;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static auto *fixture = new fuzz::ServerFixture;
    static auto *service = new graphqlapi::GraphqlService;
    static auto *options = new graphqlapi::GraphqlApiOptions;
    static auto scheduler = std::make_shared<http::Scheduler>();
    auto connection = std::make_shared<graphqlapi::WsConnection>(*fixture->context, *service, *options, scheduler,
                                                                 nullptr, std::nullopt);
    connection->onOpen(std::make_shared<CheckingSocket>());
    std::string_view input(reinterpret_cast<const char *>(data), size);
    while (!input.empty()) {
        const auto end = input.find('\x1e');
        connection->onMessage(std::string(input.substr(0, end)), false);
        input.remove_prefix(end == std::string_view::npos ? input.size() : end + 1);
    }
    connection->onClosed(1000);
    return 0;
}
