#pragma once

#include "app/client/callrecord.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace triptych::model {

namespace comparisonlimits {
// Bodies up to this size are gzipped on the spot (about 3 ms); bigger ones on a worker thread, so a 50 MB answer
// never stalls the window.
constexpr qsizetype kInlineGzipBytes = 256 * 1024;
} // namespace comparisonlimits

// One style's figures for one question, summed over every call it took (51 for REST's N+1).
struct StyleFigures {
    client::CallKind kind = client::CallKind::Rest;
    int calls = 0;
    int failedCalls = 0;
    qint64 wallUs = 0;            // first call's start to last call's end, gaps between calls included
    client::ClientTimings phases; // each phase summed over the calls; totalUs: the calls' own time, shown
    qint64 requestBytes = 0;      // headers + bodies sent
    qint64 responseHeaderBytes = 0;
    qint64 responseBodyBytes = 0;                // identity (decoded)
    std::optional<qint64> responseBodyGzipBytes; // on the wire when gzipped, else measured here; none for gRPC
    int gzipPending = 0;                         // bodies still being gzipped on a worker thread
    int serverSpans = 0;
    int sqlStatements = 0;
    int streamMessages = 0;     // received by streams that ended
    int liveMessages = 0;       // received so far by a stream still open
    qint64 liveBytes = 0;       // their payload bytes
    qint64 firstMessageUs = -1; // since the stream's start
    bool streaming = false;     // a stream is open
    bool cancelled = false;     // a call was cancelled (Esc): its figures are what it had until then

    qint64 startUnixUs = 0; // bookkeeping for wallUs
    qint64 endUnixUs = 0;
};

// The comparison strip's numbers (docs/compare-and-trace.md): one row per style, fed with the CallRecords of one
// question.
class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Style, Time, Phases, Requests, Sent, Received, Gzip, Spans, Sql, ColumnCount };
    enum Role {
        FiguresRole = Qt::UserRole + 1, // QVariant<StyleFigures>
        ScaleRole,                      // the longest wall time of all rows, for the phase bars
    };

    explicit ComparisonModel(QObject *parent = nullptr);

    // Starts a new question: every style's figures go back to zero.
    void reset();
    void addRecord(const client::CallRecord &record);
    // A message of a stream that is still open (the record comes when it ends).
    void addStreamMessage(client::CallKind kind, const client::StreamMessage &message);
    // Many at once (a batch of rows of a fast stream): one change signal for all of them.
    void addStreamMessages(client::CallKind kind, const QList<client::StreamMessage> &messages);
    void setStreaming(client::CallKind kind, bool open);

    const StyleFigures &figures(client::CallKind kind) const;
    qint64 scaleUs() const;

    // The gzip size of a body, measured with zlib at the default level.
    // The style a call is compared as: a subscription over WebSocket counts as GraphQL.
    static client::CallKind styleOf(client::CallKind kind);
    static qint64 gzipSize(const QByteArray &body);
    static int sqlStatementCount(const client::CallRecord &record);
    // A question's notice with its placeholders filled from the figures: {rest.time}, {graphql.sql}, {grpc.calls}
    // … (styles rest, graphql, grpc; figures time, calls, sql, spans, received); "…" while a style has no call yet.
    QString fillNotice(const QString &notice) const;
    // One sentence about connection setup when a style paid for it ("gRPC's first call set up its channel: …").
    QString setupNotice() const;
    // True when gzip made a style's bodies bigger than they are (tiny bodies: gzip's header and trailer outweigh
    // what it saves).
    static bool gzipIsLarger(const StyleFigures &figures);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    int rowFor(client::CallKind kind) const;
    QVariant display(const StyleFigures &figures, int column) const;
    QVariant toolTip(const StyleFigures &figures, int column) const;
    void rowChanged(int row);
    bool countStreamMessage(StyleFigures &figures, const client::StreamMessage &message);
    void measureGzipLater(int row, const QByteArray &body);
    void onGzipMeasured(quint64 generation, int row, qint64 size);

    QList<StyleFigures> m_rows; // REST, GraphQL, gRPC
    quint64 m_generation = 0;   // reset() drops the gzip sizes still being measured for the question before
};

} // namespace triptych::model

Q_DECLARE_METATYPE(triptych::model::StyleFigures)
