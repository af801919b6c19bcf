#pragma once

#include <QObject>

class QSocketNotifier;

namespace triptych::cli {

// Turns the first Ctrl+C (SIGINT) into a signal on the event loop, so a subscription can be completed properly;
// a second Ctrl+C kills the process as usual. One per process.
class InterruptNotifier : public QObject {
    Q_OBJECT
public:
    explicit InterruptNotifier(QObject *parent = nullptr);
    ~InterruptNotifier() override;

Q_SIGNALS:
    void interrupted();

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace triptych::cli
