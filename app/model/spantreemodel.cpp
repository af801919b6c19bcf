#include "app/model/spantreemodel.h"

#include "app/model/formatting.h"

#include <QHash>

#include <algorithm>

namespace triptych::model {

namespace {
constexpr auto kClientTotal = "client total"; // the name tracemerge.h gives the client's whole call

bool isSql(const client::TraceSpan &span) {
    return std::any_of(span.attributes.begin(), span.attributes.end(),
                       [](const auto &attribute) { return attribute.first == QLatin1String("db.statement"); });
}
} // namespace

SpanTreeModel::SpanTreeModel(QObject *parent)
    : QAbstractItemModel(parent) {
    m_nodes.append(Node{});
}

void SpanTreeModel::setRecord(const client::CallRecord &record) {
    beginResetModel();
    m_spans = record.spans;
    build();
    endResetModel();
}

void SpanTreeModel::clear() {
    beginResetModel();
    m_spans.clear();
    build();
    endResetModel();
}

void SpanTreeModel::build() {
    m_nodes.clear();
    m_nodes.append(Node{});
    m_axisUs = 1;
    QHash<QString, int> serverNodes; // span id → node
    int clientRoot = -1;
    for (int i = 0; i < m_spans.size(); ++i) {
        const auto &span = m_spans.at(i);
        m_nodes.append(Node{i, -1, 0, {}});
        const int node = int(m_nodes.size()) - 1;
        if (span.fromServer && !span.spanId.isEmpty())
            serverNodes.insert(span.spanId, node);
        else if (!span.fromServer && span.name == QLatin1String(kClientTotal) && clientRoot < 0)
            clientRoot = node;
        m_axisUs = std::max(m_axisUs, span.startUs + span.durationUs);
    }
    const int fallback = clientRoot >= 0 ? clientRoot : 0;
    for (int node = 1; node < m_nodes.size(); ++node) {
        const auto &span = m_spans.at(m_nodes.at(node).span);
        int parent = node == clientRoot ? 0 : fallback;
        if (span.fromServer && span.parentSpanId != span.spanId)
            parent = serverNodes.value(span.parentSpanId, fallback);
        m_nodes[node].parent = parent;
    }
    // A parent chain that loops (a broken trace) would hide its spans: hang such a span under the fallback.
    for (int node = 1; node < m_nodes.size(); ++node) {
        int up = m_nodes.at(node).parent;
        for (int step = 0; up > 0 && step < m_nodes.size(); ++step)
            up = m_nodes.at(up).parent;
        if (up > 0)
            m_nodes[node].parent = fallback;
    }
    for (int node = 1; node < m_nodes.size(); ++node)
        m_nodes[m_nodes.at(node).parent].children.append(node);
    for (auto &node : m_nodes) {
        std::stable_sort(node.children.begin(), node.children.end(), [this](int a, int b) {
            return m_spans.at(m_nodes.at(a).span).startUs < m_spans.at(m_nodes.at(b).span).startUs;
        });
        for (int row = 0; row < node.children.size(); ++row)
            m_nodes[node.children.at(row)].row = row;
    }
}

int SpanTreeModel::nodeOf(const QModelIndex &index) const {
    return index.isValid() ? int(index.internalId()) : 0;
}

const client::TraceSpan *SpanTreeModel::spanAt(const QModelIndex &index) const {
    const int node = nodeOf(index);
    return node > 0 ? &m_spans.at(m_nodes.at(node).span) : nullptr;
}

QModelIndex SpanTreeModel::indexOfSpan(const QString &spanId) const {
    for (int node = 1; node < m_nodes.size(); ++node) {
        if (m_spans.at(m_nodes.at(node).span).spanId == spanId)
            return createIndex(m_nodes.at(node).row, 0, quintptr(node));
    }
    return {};
}

QList<QPair<QString, QString>> SpanTreeModel::details(const QModelIndex &index) const {
    const auto *item = spanAt(index);
    if (!item)
        return {};
    QList<QPair<QString, QString>> rows{
        {tr("side"), item->fromServer ? tr("server") : tr("client")},
        {tr("start"), formatDuration(item->startUs)},
        {tr("duration"), formatDuration(item->durationUs)},
    };
    if (!item->spanId.isEmpty())
        rows.append({tr("span id"), item->spanId});
    if (!item->parentSpanId.isEmpty())
        rows.append({tr("parent span id"), item->parentSpanId});
    rows += item->attributes;
    return rows;
}

QModelIndex SpanTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, quintptr(m_nodes.at(nodeOf(parent)).children.at(row)));
}

QModelIndex SpanTreeModel::parent(const QModelIndex &child) const {
    const int node = nodeOf(child);
    if (node <= 0)
        return {};
    const int parent = m_nodes.at(node).parent;
    return parent <= 0 ? QModelIndex() : createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int SpanTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(m_nodes.at(nodeOf(parent)).children.size());
}

int SpanTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant SpanTreeModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &item = *spanAt(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return item.name;
        case Start:
            return formatDuration(item.startUs);
        case Duration:
            return formatDuration(item.durationUs);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        for (const auto &[key, value] : item.attributes) {
            if (key == QLatin1String("db.statement"))
                return value;
        }
        return tr("%1: %2 from %3").arg(item.name, formatDuration(item.durationUs), formatDuration(item.startUs));
    case Qt::TextAlignmentRole:
        return index.column() == Start || index.column() == Duration ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                                     : QVariant();
    case StartUsRole:
        return item.startUs;
    case DurationUsRole:
        return item.durationUs;
    case AxisUsRole:
        return m_axisUs;
    case FromServerRole:
        return item.fromServer;
    case IsSqlRole:
        return isSql(item);
    case SpanIdRole:
        return item.spanId;
    case ParentSpanIdRole:
        return item.parentSpanId;
    default:
        return {};
    }
}

QVariant SpanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Span");
    case Start:
        return tr("Start");
    case Duration:
        return tr("Duration");
    case Timeline:
        return tr("Timeline");
    default:
        return {};
    }
}

} // namespace triptych::model
