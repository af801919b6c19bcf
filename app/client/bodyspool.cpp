#include "app/client/bodyspool.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace triptych::client {

std::shared_ptr<BodySpool> BodySpool::create() {
    auto spool = std::make_shared<BodySpool>();
    spool->m_file.setFileTemplate(QDir::tempPath() + QStringLiteral("/triptych-body-XXXXXX"));
    if (!spool->m_file.open())
        return nullptr;
    return spool;
}

bool BodySpool::append(const char *data, qint64 size) {
    if (m_file.write(data, size) != size || !m_file.flush())
        return false;
    m_size += size;
    return true;
}

QByteArray BodySpool::read(qint64 offset, qint64 length) const {
    // A handle of its own: readers on several threads never share a file position.
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return {};
    return file.read(std::max<qint64>(0, std::min(length, m_size - offset)));
}

} // namespace triptych::client
