// After a spike of allocations is freed, the trimmer gives the pages back: RSS falls near where it was, although
// the process keeps freed memory for reuse (keepFreedMemoryForReuse, as triptych-server does).
#include "server/host/malloctuning.h"
#include "server/host/memorytrimmer.h"

#include <QFile>
#include <QtTest>

#include <memory>
#include <vector>

using namespace triptych;

namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;         // under the mmap threshold: these live in the heap
constexpr std::size_t kSpikeBytes = 128 * 1024 * 1024; // under the tuned trim threshold

// Resident set size of this process, from /proc/self/statm (pages).
std::size_t residentBytes() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const auto fields = statm.readAll().split(' ');
    return fields.size() > 1 ? std::size_t(fields[1].toULongLong()) * std::size_t(sysconf(_SC_PAGESIZE)) : 0;
}

// Allocates and touches the spike, keeps a small block above it (so the heap's top is never free), frees the spike.
std::unique_ptr<char[]> spikeAndFree() {
    std::vector<std::unique_ptr<char[]>> chunks;
    for (std::size_t i = 0; i < kSpikeBytes / kChunkBytes; ++i) {
        chunks.push_back(std::make_unique<char[]>(kChunkBytes));
        std::memset(chunks.back().get(), 1, kChunkBytes);
    }
    auto above = std::make_unique<char[]>(kChunkBytes * 3 + 17); // a size no free list holds: from the top
    chunks.clear();
    return above;
}

} // namespace

class TestMemoryTrimmer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { keepFreedMemoryForReuse(); }

    void freedSpikeStaysWithoutTrimming() {
        // The premise: with the server's malloc tuning, freed memory stays resident.
        const std::size_t before = residentBytes();
        auto above = spikeAndFree();
        QVERIFY(MemoryTrimmer::freeHeapBytes() >= kSpikeBytes / 2);
        QVERIFY2(residentBytes() > before + kSpikeBytes / 2, qPrintable(QString::number(residentBytes())));
        MemoryTrimmer trimmer(std::chrono::milliseconds(20));
        QTRY_VERIFY_WITH_TIMEOUT(trimmer.trims() >= 1 && residentBytes() < before + kSpikeBytes / 4, 5000);
    }

    void freeHeapWithinTheSlackIsLeftAlone() {
        MemoryTrimmer trimmer(std::chrono::hours(1), std::size_t(1) << 40);
        QVERIFY(!trimmer.trimIfWorthIt()); // no heap holds a terabyte free
        QCOMPARE(trimmer.trims(), std::size_t(0));
        MemoryTrimmer eager(std::chrono::hours(1), 0);
        auto above = spikeAndFree();
        QVERIFY(eager.trimIfWorthIt());
        QCOMPARE(eager.trims(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestMemoryTrimmer)
#include "test_memorytrimmer.moc"
