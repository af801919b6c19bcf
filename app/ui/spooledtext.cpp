#include "app/ui/spooledtext.h"

#include "app/ui/findbar.h"

#include <QFile>

#include <algorithm>
#include <cstring>

namespace triptych::ui {

namespace {
// Bytes read per block when indexing or searching a file: large enough for few system calls, small in memory.
constexpr qint64 kBlockBytes = 8LL * 1024 * 1024;

// The open file and its mapping, alive as long as a copy of the text uses them; the spool keeps the file itself.
struct Mapping {
    client::BodySpoolPtr spool;
    QFile file;
    uchar *data = nullptr;
};

// Appends the starts of the lines in [from, from + size) of `data` (the text's bytes from offset `from`).
void indexLines(IndexedText &indexed, const char *data, qint64 from, qint64 size) {
    qint64 at = 0;
    while (at < size) {
        const void *found = std::memchr(data + at, '\n', std::size_t(size - at));
        if (!found)
            break;
        const qint64 end = static_cast<const char *>(found) - data;
        indexed.longestLineBytes = std::max(indexed.longestLineBytes, from + end - indexed.lineStarts.last());
        indexed.lineStarts.push_back(from + end + 1);
        at = end + 1;
    }
}
} // namespace

IndexedText mapSpooledBody(const client::BodySpoolPtr &spool, qint64 indexBytes) {
    auto mapping = std::make_shared<Mapping>();
    mapping->spool = spool;
    mapping->file.setFileName(spool->path());
    const qint64 size = spool->size();
    if (size == 0 || !mapping->file.open(QIODevice::ReadOnly) || !(mapping->data = mapping->file.map(0, size)))
        return IndexedText::fromUtf8({});
    IndexedText indexed;
    indexed.text = QByteArray::fromRawData(reinterpret_cast<const char *>(mapping->data), qsizetype(size));
    indexed.filePath = spool->path();
    const qint64 head = std::min(indexBytes, size);
    indexLines(indexed, indexed.text.constData(), 0, head);
    indexed.longestLineBytes = std::max(indexed.longestLineBytes, size - indexed.lineStarts.last());
    indexed.storage = std::move(mapping);
    return indexed;
}

IndexedText indexSpooledText(const IndexedText &mapped) {
    IndexedText indexed;
    indexed.text = mapped.text;
    indexed.filePath = mapped.filePath;
    indexed.storage = mapped.storage;
    QFile file(mapped.filePath);
    if (!file.open(QIODevice::ReadOnly))
        return mapped;
    QByteArray block;
    for (qint64 from = 0; from < mapped.text.size(); from += block.size()) {
        block = file.read(kBlockBytes);
        if (block.isEmpty())
            break;
        indexLines(indexed, block.constData(), from, block.size());
    }
    indexed.longestLineBytes = std::max(indexed.longestLineBytes, mapped.text.size() - indexed.lineStarts.last());
    return indexed;
}

std::vector<qint64> findAllMatchesInFile(const QString &path, const QByteArray &needle, std::size_t limit,
                                         const std::atomic_bool &stop) {
    std::vector<qint64> matches;
    QFile file(path);
    if (needle.isEmpty() || !file.open(QIODevice::ReadOnly))
        return matches;
    // Each block starts with the last needle-length-minus-one bytes of the one before, so no match is cut in two.
    const qsizetype overlap = needle.size() - 1;
    QByteArray block;
    qint64 blockStart = 0;
    qint64 nextFree = 0; // matches do not overlap, as in one pass over the whole text
    while (!file.atEnd() && matches.size() < limit && !stop.load()) {
        const QByteArray carried = block.right(std::min(overlap, block.size()));
        blockStart += block.size() - carried.size();
        block = carried + file.read(kBlockBytes);
        for (const qint64 at : findAllMatches(block, needle, limit - matches.size(), stop)) {
            if (blockStart + at < nextFree)
                continue;
            matches.push_back(blockStart + at);
            nextFree = blockStart + at + needle.size();
        }
    }
    return stop.load() ? std::vector<qint64>{} : matches;
}

} // namespace triptych::ui
