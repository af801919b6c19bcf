// The desktop app: the embedded order server and the window around it (docs/app.md).
#include "app/session/comparisonsession.h"
#include "app/session/datasetcache.h"
#include "app/session/instanceguard.h"
#include "app/session/questioncatalog.h"
#include "app/session/serverhost.h"
#include "app/session/startupprobe.h"
#include "app/ui/appicon.h"
#include "app/ui/mainwindow.h"
#include "app/ui/workspacecontroller.h"
#include "triptych/version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QPixmap>
#include <QScreen>
#include <QTimer>

#include <cstdio>
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

// Names that place the settings in $XDG_CONFIG_HOME/triptych/triptych.conf, the data in
// $XDG_DATA_HOME/triptych/triptych/ and the cache in $XDG_CACHE_HOME/triptych/triptych/ (resources/man/triptych.1); the
// desktop file name lets a Wayland compositor match the window to its menu entry and icon.
void setDesktopIdentity() {
    QApplication::setOrganizationName(QStringLiteral("triptych"));
    QApplication::setApplicationName(QStringLiteral("triptych"));
    QApplication::setApplicationDisplayName(QStringLiteral("Triptych"));
    QApplication::setApplicationVersion(QLatin1String(triptych::kVersion));
    QGuiApplication::setDesktopFileName(QLatin1String(triptych::ui::kAppId));
    QApplication::setWindowIcon(triptych::ui::appIcon());
}

// A second window on the same workspace would share its history and settings with the first: say so and show the
// first one instead. False: this process should end.
bool claimWorkspace(triptych::session::InstanceGuard &guard, triptych::ui::MainWindow *&window) {
    using Claim = triptych::session::InstanceGuard::Claim;
    switch (guard.claim()) {
    case Claim::First:
        QObject::connect(&guard, &triptych::session::InstanceGuard::activationRequested, &guard, [&window] {
            if (!window)
                return;
            window->setWindowState(window->windowState() & ~Qt::WindowMinimized);
            window->show();
            window->raise();
            window->activateWindow();
        });
        return true;
    case Claim::AlreadyOpen:
        std::fprintf(stderr, "triptych: workspace %s is already open in another Triptych window (process %lld)%s\n",
                     qPrintable(guard.workspaceKey()), static_cast<long long>(guard.holderPid()),
                     guard.holderNotified() ? "; it was asked to come to the front" : "");
        return false;
    case Claim::Unguarded:
        std::fprintf(stderr, "triptych: cannot tell whether workspace %s is open elsewhere; opening it anyway\n",
                     qPrintable(guard.workspaceKey()));
        return true;
    }
    return true;
}
} // namespace

int main(int argc, char *argv[]) {
    triptych::session::ServerHost::keepFreedMemoryForReuse(); // the embedded server answers faster
    QApplication app(argc, argv);
    setDesktopIdentity();

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
    const QCommandLineOption workspace(
        QStringLiteral("workspace"),
        QStringLiteral("The workspace folder; one window per workspace (default: the default workspace)."),
        QStringLiteral("folder"));
    const QCommandLineOption tls(
        QStringLiteral("tls"),
        QStringLiteral("Embedded server in TLS mode: HTTPS, WSS, gRPC over TLS (docs/contract.md)."));
    parser.addOptions({httpPort, grpcPort, screenshot, question, startupProbe, workspace, tls});
    parser.process(app);

    // --screenshot and --startup-probe are measurements, not a person's window: they may run beside one.
    triptych::ui::MainWindow *window = nullptr;
    triptych::session::InstanceGuard guard(parser.value(workspace));
    if (!parser.isSet(screenshot) && !parser.isSet(startupProbe) && !claimWorkspace(guard, window))
        return 0;

    triptych::session::ServerSettings settings;
    settings.httpPort = int(parser.value(httpPort).toUInt());
    settings.grpcPort = int(parser.value(grpcPort).toUInt());
    settings.tls = parser.isSet(tls);

    triptych::session::DatasetCache::enable(); // later starts copy the data set instead of generating it
    triptych::session::ServerHost host;
    // The server opens its database and binds its ports on its worker while the window is built.
    host.start(settings);
    triptych::ui::MainWindow mainWindow(&host);
    window = &mainWindow;
    mainWindow.resize(1600, 1000);
    // The folder named on the command line, instead of the one the window had last.
    if (parser.isSet(workspace))
        mainWindow.workspaceController()->openWorkspace(parser.value(workspace));
    if (parser.isSet(screenshot))
        arrangeScreenshot(mainWindow, host, parser.value(screenshot), parser.value(question).toInt());
    if (parser.isSet(startupProbe))
        new triptych::session::StartupProbe(&host, parser.value(startupProbe).toInt(), &app);
    // A screenshot shows the window as large as the screen it is taken on (docs/window-1920x1080.png).
    if (parser.isSet(screenshot))
        mainWindow.resize(mainWindow.screen()->availableGeometry().size());
    mainWindow.show();
    return QApplication::exec();
}
