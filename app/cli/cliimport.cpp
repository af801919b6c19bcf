#include "app/cli/cliimport.h"

#include "app/cli/clirunner.h"
#include "app/interop/importformat.h"
#include "app/interop/workspaceimport.h"

#include <QDir>
#include <QFileInfo>

namespace triptych::cli {

namespace {

QString summaryText(const interop::ImportSummary &summary, const QString &root) {
    QString text = QStringLiteral("Imported %1 request(s) from %2 (%3) into %4\n")
                       .arg(summary.requests.size())
                       .arg(QFileInfo(summary.file).fileName(), summary.format,
                            summary.collection.isEmpty() ? root : QDir(root).absoluteFilePath(summary.collection));
    for (const QString &request : summary.requests)
        text += QStringLiteral("  ") + request + QLatin1Char('\n');
    for (const QString &environment : summary.environments)
        text += QStringLiteral("  environment  environments/%1.yaml\n").arg(environment);
    if (!summary.skipped.isEmpty()) {
        text += QStringLiteral("Skipped or changed (%1):\n").arg(summary.skipped.size());
        for (const QString &finding : summary.skipped)
            text += QStringLiteral("  ") + finding + QLatin1Char('\n');
    }
    return text;
}

} // namespace

int runImport(const CliOptions &options, CliPrinter &printer) {
    if (options.positional.size() != 1 || options.into.isEmpty()) {
        printer.printError(QStringLiteral("import needs FILE --into WORKSPACE_DIR, e.g. import collection.json "
                                          "--into my-workspace"));
        return kExitUsage;
    }
    std::optional<interop::ImportFormat> format;
    if (!options.format.isEmpty()) {
        format = interop::importFormatFromName(options.format);
        if (!format) {
            printer.printError(
                QStringLiteral("--format must be one of %1, not %2").arg(interop::importFormatNames(), options.format));
            return kExitUsage;
        }
    }
    const QString root = QDir(options.into).absolutePath();
    const auto summary =
        interop::importIntoWorkspace(options.positional.first(), root, format, interop::NewWorkspace::CreateWhenEmpty);
    if (summary.requests.isEmpty() && summary.environments.isEmpty() && !summary.ok()) {
        for (const QString &finding : summary.skipped)
            printer.printError(finding);
        printer.printError(summary.error);
        return kExitCallFailed;
    }
    printer.printOut(summaryText(summary, root));
    if (!summary.ok()) {
        printer.printError(summary.error);
        return kExitCallFailed;
    }
    return kExitSuccess;
}

} // namespace triptych::cli
