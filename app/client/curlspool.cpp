// CurlTransfer's body spool: a body past the request's threshold goes to a temporary file as it arrives, so a 1 GB
// answer costs disk, not memory; the record keeps the body's start for history and previews.
#include "app/client/bodyspool.h"
#include "app/client/curltransfer.h"

namespace triptych::client {

namespace {
// What a spooled record keeps in `body`: enough for a history entry's capped body and a first glance.
constexpr qsizetype kSpooledHeadBytes = 64 * 1024;

CallError spoolError() {
    return {ErrorKind::Network, QStringLiteral("The response could not be written to a temporary file"),
            QStringLiteral("free some space in the temporary folder, or lower the response size limit")};
}
} // namespace

bool CurlTransfer::spoolsBody(qsizetype incomingBytes) const {
    return m_record.spooledBody || (!m_isEventStream && m_request.spoolAboveBytes > 0 &&
                                    m_record.body.size() + incomingBytes > m_request.spoolAboveBytes);
}

void CurlTransfer::spoolBody(const QByteArray &chunk) {
    if (!m_record.spooledBody) {
        auto spool = BodySpool::create();
        if (!spool || !spool->append(m_record.body.constData(), m_record.body.size())) {
            stop(spoolError());
            return;
        }
        m_record.spooledBody = std::move(spool);
        m_record.body.truncate(kSpooledHeadBytes);
        m_record.body.squeeze();
    }
    if (!m_record.spooledBody->append(chunk.constData(), chunk.size()))
        stop(spoolError());
}

} // namespace triptych::client
