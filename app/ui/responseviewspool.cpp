// ResponseView's spooled bodies: a body the client wrote to a temporary file (app/client/bodyspool.h) is shown from
// that file mapped read-only, so a 1 GB answer shows its first screen at once and costs memory only for its line
// index; bodies small enough are still read and indented on a worker as in-memory ones are.
#include "app/model/formatting.h"
#include "app/ui/findbar.h"
#include "app/ui/responseview.h"
#include "app/ui/spooledtext.h"

#include <QLabel>
#include <QThreadPool>

namespace triptych::ui {

namespace {
// Lines indexed on the GUI thread before the first screen: a screen's worth and more.
constexpr qint64 kFirstScreenIndexBytes = 64 * 1024;
} // namespace

void ResponseView::showSpooledBody(const client::BodySpoolPtr &spool, quint64 generation) {
    m_formatting = true;
    m_formatted = {};
    const IndexedText mapped = mapSpooledBody(spool, kFirstScreenIndexBytes);
    m_body->setText(mapped, false);
    const qint64 size = spool->size();
    const bool indent = size <= responseviewlimits::kMaxIndentedSpooledBytes;
    m_formatNote->setText(indent ? tr("Formatting %1…").arg(model::formatBytes(size))
                                 : tr("Indexing %1 kept on disk…").arg(model::formatBytes(size)));
    m_formatNote->show();
    auto relay = m_relay;
    QThreadPool::globalInstance()->start([this, relay, spool, mapped, indent, generation] {
        FormattedBody body;
        if (indent) {
            body = formatBody(spool->read(0, spool->size()));
        } else {
            body.raw = indexSpooledText(mapped);
            body.pretty = body.raw;
            body.note = tr("Shown as received: a body over %1 stays on disk and is not indented; Find searches all "
                           "of it")
                            .arg(model::formatBytes(responseviewlimits::kMaxIndentedSpooledBytes));
        }
        relay->post([this, generation, body = std::move(body)]() mutable {
            if (generation == m_formatGeneration)
                onFormatFinished(std::move(body));
        });
    });
}

} // namespace triptych::ui
