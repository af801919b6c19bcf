// triptych-cli: REST, GraphQL and gRPC calls from the shell, with timings, sizes and traces (docs/client.md).
#include "app/cli/clioptions.h"
#include "app/cli/cliprinter.h"
#include "app/cli/clirunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    triptych::cli::CliOptions options;
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        triptych::cli::printOut(triptych::cli::usageText());
        return 0;
    }
    if (const QString error = triptych::cli::parseCommandLine(arguments, &options); !error.isEmpty()) {
        triptych::cli::printError(error + QStringLiteral("\n") + triptych::cli::usageText());
        return 2;
    }
    triptych::cli::CliRunner runner(options);
    QObject::connect(&runner, &triptych::cli::CliRunner::runFinished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    runner.start();
    return app.exec();
}
