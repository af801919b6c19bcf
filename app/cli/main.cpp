// triptych-cli: REST, GraphQL and gRPC calls from the shell, with timings, sizes and traces (docs/client.md).
#include "app/cli/clirunner.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    triptych::cli::CliRunner runner(triptych::cli::CliPrinter::standard());
    // Queued: a usage error finishes inside run(), before exec() is there to be told to exit.
    QObject::connect(&runner, &triptych::cli::CliRunner::runFinished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    runner.run(app.arguments().mid(1));
    return app.exec();
}
