// app/interop's importers against hostile files: one target per format (TRIPTYCH_FUZZ_FORMAT names it), all through
// importBytes, as the window and triptych-cli call them. Whatever comes in, an import ends with a result whose
// findings name the file, whose requests have names a workspace accepts and whose folders stay within the limit.
#include "app/client/embeddedprotos.h"
#include "app/interop/importformat.h"
#include "app/interop/limits.h"
#include "tests/fuzz/fuzzchecks.h"

#include <cstddef>
#include <cstdint>

using namespace triptych::interop;

namespace triptych::client {
// The app's build compiles the health and status .proto texts in (embeddedprotos_data.cpp); a descriptor set brings
// its own files, so this target has none.
const std::vector<EmbeddedProto> &embeddedProtos() {
    static const std::vector<EmbeddedProto> none;
    return none;
}
} // namespace triptych::client

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString file = QStringLiteral("fuzz.input");
    const ImportResult result = importBytes(TRIPTYCH_FUZZ_FORMAT, bytes, file);
    for (const auto &diagnostic : result.diagnostics) {
        if (diagnostic.file != file)
            triptych::fuzz::fail("a finding that does not name the file", diagnostic.text().toStdString());
    }
    if (!result.ok() && result.diagnostics.isEmpty())
        triptych::fuzz::fail("a failed import without a message", bytes.toStdString());
    for (const auto &request : result.requests) {
        const QString &name = request.document.name;
        if (name.isEmpty() || safeRequestName(name) != name)
            triptych::fuzz::fail("a request name the workspace refuses", name.toStdString());
        if (request.folder.count(QLatin1Char('/')) > limits::kMaxFolderDepth)
            triptych::fuzz::fail("folders nested beyond the limit", request.folder.toStdString());
    }
    return 0;
}
