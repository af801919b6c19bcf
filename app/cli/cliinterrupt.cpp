#include "app/cli/cliinterrupt.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace triptych::cli {

namespace {
// The self-pipe: the handler may only write(); the event loop reads the other end.
int g_pipe[2] = {-1, -1};

void onSigint(int) {
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
    std::signal(SIGINT, SIG_DFL); // a second Ctrl+C ends the process at once
}
} // namespace

InterruptNotifier::InterruptNotifier(QObject *parent)
    : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_pipe) != 0)
        return;
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptNotifier::onReadable);
    struct sigaction action {};
    action.sa_handler = &onSigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
}

InterruptNotifier::~InterruptNotifier() {
    std::signal(SIGINT, SIG_DFL);
    for (int &fd : g_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void InterruptNotifier::onReadable() {
    char byte = 0;
    [[maybe_unused]] const auto read = ::read(g_pipe[0], &byte, 1);
    Q_EMIT interrupted();
}

} // namespace triptych::cli
