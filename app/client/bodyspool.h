#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryFile>

#include <memory>

namespace triptych::client {

// A response body too large to hold in memory, written to a temporary file as it arrives (docs/speed.md). Records
// that carry it share it; the file is removed when the last of them goes. Written by one thread while the call runs,
// read by any once the record is handed over.
class BodySpool {
public:
    // A new empty spool file in the system's temporary folder; null when none can be created.
    static std::shared_ptr<BodySpool> create();

    // False when the disk refuses the bytes. Flushed at once, so readers of the path see all that was appended.
    bool append(const char *data, qint64 size);

    QString path() const { return m_file.fileName(); }
    qint64 size() const { return m_size; }
    // Up to `length` bytes from `offset` (fewer at the end), read from the file.
    QByteArray read(qint64 offset, qint64 length) const;

private:
    QTemporaryFile m_file;
    qint64 m_size = 0;
};

using BodySpoolPtr = std::shared_ptr<BodySpool>;

} // namespace triptych::client
