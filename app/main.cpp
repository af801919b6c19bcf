// The desktop app: the embedded order server and the window around it (DESIGN.md §1).
#include "app/model/comparisonquestions.h"
#include "app/ui/mainwindow.h"
#include "app/ui/serverhost.h"
#include "app/ui/startupprobe.h"
#include "server/host/malloctuning.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QTimer>

#include <memory>
#include <utility>

namespace {
// Long enough for the three presets against the embedded server; a screenshot is taken even if one hangs.
constexpr int kScreenshotTimeoutMs = 15'000;
constexpr int kScreenshotSettleMs = 400;
constexpr int kStreamingSettleMs = 2'000; // a streaming question never finishes: its first messages are enough

// --screenshot FILE: once the server runs, ask all three the question, then save the window and quit. A question
// with N+1 follow-ups is taken when the comparison is complete; a streaming one after its first messages.
void arrangeScreenshot(triptych::ui::MainWindow &window, triptych::ui::ServerHost &host, const QString &file,
                       int question) {
    auto take = [&window, file] {
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    };
    auto asked = std::make_shared<bool>(false);
    QObject::connect(&host, &triptych::ui::ServerHost::stateChanged, &window,
                     [&window, question, asked, take](const triptych::ui::ServerState &state) {
                         // Only the first start: asking may restart the server with another DataLoader setting.
                         if (state.phase != triptych::ui::ServerState::Phase::Running || std::exchange(*asked, true))
                             return;
                         window.askQuestion(question);
                         const auto &questions = triptych::model::comparisonQuestions();
                         if (question >= 0 && question < questions.size() && questions.at(question).streaming)
                             QTimer::singleShot(kStreamingSettleMs, &window, take);
                     });
    QObject::connect(&window, &triptych::ui::MainWindow::comparisonFinished, &window, take);
    QTimer::singleShot(kScreenshotTimeoutMs, &window, take);
}
} // namespace

int main(int argc, char *argv[]) {
    triptych::keepFreedMemoryForReuse(); // the embedded server answers faster (server/host/malloctuning.h)
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
    const QCommandLineOption question(
        QStringLiteral("question"),
        QStringLiteral("Which comparison question --screenshot asks (0-4, as Alt+1 … Alt+5)."), QStringLiteral("index"),
        QStringLiteral("0"));
    const QCommandLineOption startupProbe(
        QStringLiteral("startup-probe"),
        QStringLiteral("Print the time to a shown window with the server listening, then the memory MS later; quit."),
        QStringLiteral("ms"));
    parser.addOptions({httpPort, grpcPort, screenshot, question, startupProbe});
    parser.process(app);

    triptych::ServerOptions options;
    options.httpPort = std::uint16_t(parser.value(httpPort).toUInt());
    options.grpcPort = std::uint16_t(parser.value(grpcPort).toUInt());

    triptych::ui::ServerHost host;
    // The server opens its database and binds its ports on its worker while the window is built.
    host.start(options);
    triptych::ui::MainWindow window(&host);
    window.resize(1600, 1000);
    if (parser.isSet(screenshot))
        arrangeScreenshot(window, host, parser.value(screenshot), parser.value(question).toInt());
    if (parser.isSet(startupProbe))
        new triptych::ui::StartupProbe(&window, &host, parser.value(startupProbe).toInt(), &app);
    window.show();
    return QApplication::exec();
}
