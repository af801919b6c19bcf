// The desktop app: the embedded order server and the window around it (DESIGN.md §1).
#include "app/ui/mainwindow.h"
#include "app/ui/serverhost.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QTimer>

namespace {
// Long enough for the three presets against the embedded server; a screenshot is taken even if one hangs.
constexpr int kScreenshotTimeoutMs = 15'000;
constexpr int kScreenshotSettleMs = 400;

// --screenshot FILE: once the server runs, ask all three the first question, then save the window and quit.
void arrangeScreenshot(triptych::ui::MainWindow &window, triptych::ui::ServerHost &host, const QString &file,
                       int question) {
    auto take = [&window, file] {
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    };
    QObject::connect(&host, &triptych::ui::ServerHost::stateChanged, &window,
                     [&window, question](const triptych::ui::ServerState &state) {
                         if (state.phase == triptych::ui::ServerState::Phase::Running) {
                             window.applyQuestion(question);
                             window.sendAll();
                         }
                     });
    QObject::connect(&window, &triptych::ui::MainWindow::sendAllFinished, &window, take);
    QTimer::singleShot(kScreenshotTimeoutMs, &window, take);
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Triptych"));
    QApplication::setApplicationVersion(QStringLiteral("0.1"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Ask one order service the same question as REST, GraphQL and gRPC."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption httpPort(QStringLiteral("http-port"),
                                      QStringLiteral("Embedded server HTTP port (0: any)."), QStringLiteral("port"),
                                      QStringLiteral("8080"));
    const QCommandLineOption grpcPort(QStringLiteral("grpc-port"),
                                      QStringLiteral("Embedded server gRPC port (0: any)."), QStringLiteral("port"),
                                      QStringLiteral("50051"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Send a question in all three panes, save the window, quit."),
                                        QStringLiteral("file"));
    const QCommandLineOption question(QStringLiteral("question"),
                                      QStringLiteral("Which comparison question --screenshot asks (0-4)."),
                                      QStringLiteral("index"), QStringLiteral("0"));
    parser.addOptions({httpPort, grpcPort, screenshot, question});
    parser.process(app);

    triptych::ServerOptions options;
    options.httpPort = std::uint16_t(parser.value(httpPort).toUInt());
    options.grpcPort = std::uint16_t(parser.value(grpcPort).toUInt());

    triptych::ui::ServerHost host;
    triptych::ui::MainWindow window(&host);
    window.resize(1600, 1000);
    if (parser.isSet(screenshot))
        arrangeScreenshot(window, host, parser.value(screenshot), parser.value(question).toInt());
    window.show();
    host.start(options);
    return QApplication::exec();
}
