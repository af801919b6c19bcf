#pragma once

#include "app/session/stylesender.h"

#include <limits>

namespace triptych::ui {

class ComposerPane;

// Serves a ComparisonSession with a pane: the question goes into the pane's editors and the pane sends it, so a
// person sees what was sent and what came back; the pane's records and stream messages go back to the session.
class PaneSender : public session::StyleSender {
    Q_OBJECT
public:
    explicit PaneSender(ComposerPane *pane);

    client::CallKind style() const override;
    void load(const session::Question &question) override;
    // The pane keeps its own URLs: setServer() moved them to the embedded server's ports already.
    bool send(const session::Endpoints &endpoints) override;
    void cancel() override;
    bool isBusy() const override;

private:
    ComposerPane *m_pane;
    bool m_cancelled = false; // the session cancelled the call sent last: its record is a cancelled one
    quint64 m_idBeforeSend = std::numeric_limits<quint64>::max(); // the calls of the last send have larger ids
};

} // namespace triptych::ui
