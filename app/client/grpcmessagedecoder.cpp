#include "app/client/grpcmessagedecoder.h"

#include <string>

namespace triptych::client {

QByteArray GrpcMessageDecoder::toJson(const QByteArray &wire) const {
    return m_schema->binaryToJson(m_type, std::string(wire.constData(), std::size_t(wire.size())));
}

} // namespace triptych::client
