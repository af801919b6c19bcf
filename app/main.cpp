// The desktop app: the embedded order server and the window around it (docs/app.md).
#include "app/session/comparisonsession.h"
#include "app/session/questioncatalog.h"
#include "app/session/serverhost.h"
#include "app/session/startupprobe.h"
#include "app/ui/mainwindow.h"
#include "triptych/version.h"

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
void arrangeScreenshot(triptych::ui::MainWindow &window, triptych::session::ServerHost &host, const QString &file,
                       int question) {
    using triptych::session::ServerState;
    auto take = [&window, file] {
        QTimer::singleShot(kScreenshotSettleMs, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    };
    auto asked = std::make_shared<bool>(false);
    QObject::connect(&host, &triptych::session::ServerHost::stateChanged, &window,
                     [&window, question, asked, take](const ServerState &state) {
                         // Only the first start: asking may restart the server with another DataLoader setting.
                         if (state.phase != ServerState::Phase::Running || std::exchange(*asked, true))
                             return;
                         window.askQuestion(question);
                         const auto questions = triptych::session::QuestionCatalog::builtIn().askAll();
                         if (question >= 0 && question < questions.size() && questions.at(question).streaming)
                             QTimer::singleShot(kStreamingSettleMs, &window, take);
                     });
    QObject::connect(window.session(), &triptych::session::ComparisonSession::comparisonFinished, &window, take);
    QTimer::singleShot(kScreenshotTimeoutMs, &window, take);
}
} // namespace

int main(int argc, char *argv[]) {
    triptych::session::ServerHost::keepFreedMemoryForReuse(); // the embedded server answers faster
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Triptych"));
    QApplication::setApplicationVersion(QLatin1String(triptych::kVersion));

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
        QStringLiteral(
            "Which comparison question --screenshot asks (0-4, as Alt+1 … Alt+5; resources/questions.json)."),
        QStringLiteral("index"), QStringLiteral("0"));
    const QCommandLineOption startupProbe(
        QStringLiteral("startup-probe"),
        QStringLiteral("Print the time to a shown window with the server listening, then the memory MS later; quit."),
        QStringLiteral("ms"));
    parser.addOptions({httpPort, grpcPort, screenshot, question, startupProbe});
    parser.process(app);

    triptych::session::ServerSettings settings;
    settings.httpPort = int(parser.value(httpPort).toUInt());
    settings.grpcPort = int(parser.value(grpcPort).toUInt());

    triptych::session::ServerHost host;
    // The server opens its database and binds its ports on its worker while the window is built.
    host.start(settings);
    triptych::ui::MainWindow window(&host);
    window.resize(1600, 1000);
    if (parser.isSet(screenshot))
        arrangeScreenshot(window, host, parser.value(screenshot), parser.value(question).toInt());
    if (parser.isSet(startupProbe))
        new triptych::session::StartupProbe(&host, parser.value(startupProbe).toInt(), &app);
    window.show();
    return QApplication::exec();
}
