#include "app/workspace/yamlnode.h"

#include <QHash>

#include <yaml.h>

#include <vector>

namespace triptych::workspace {

struct YamlNode::Data {
    Type type = Type::Undefined;
    YamlMark mark;
    QString text;
    bool quoted = false;
    QList<YamlNode> items;
    QList<Entry> entries;
};

YamlNode::Type YamlNode::type() const {
    return m_data ? m_data->type : Type::Undefined;
}

YamlMark YamlNode::mark() const {
    return m_data ? m_data->mark : YamlMark();
}

const QString &YamlNode::scalar() const {
    static const QString none;
    return m_data ? m_data->text : none;
}

bool YamlNode::isQuoted() const {
    return m_data && m_data->quoted;
}

const QList<YamlNode> &YamlNode::items() const {
    static const QList<YamlNode> none;
    return m_data ? m_data->items : none;
}

const QList<YamlNode::Entry> &YamlNode::entries() const {
    static const QList<Entry> none;
    return m_data ? m_data->entries : none;
}

qsizetype YamlNode::size() const {
    return isMap() ? entries().size() : items().size();
}

namespace {

YamlMark markOf(const yaml_mark_t &mark) {
    return {int(mark.line), int(mark.column)};
}

QByteArray bytesOf(const yaml_char_t *text) {
    return text ? QByteArray(reinterpret_cast<const char *>(text)) : QByteArray();
}

// The core schema's null: a plain scalar with no tag spelled like this (quoted, it is text).
bool isNullWord(const QString &text) {
    return text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL";
}

} // namespace

// Turns libyaml's events into nodes with a stack of the collections still open, so nesting costs no recursion.
class YamlLoader {
public:
    YamlLoader(const QByteArray &bytes, int maxDepth)
        : m_bytes(bytes)
        , m_maxDepth(maxDepth) {
        yaml_parser_initialize(&m_parser);
        yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char *>(m_bytes.constData()),
                                     size_t(m_bytes.size()));
    }
    ~YamlLoader() { yaml_parser_delete(&m_parser); }
    YamlLoader(const YamlLoader &) = delete;
    YamlLoader &operator=(const YamlLoader &) = delete;

    YamlLoadResult run() {
        bool more = true;
        while (more && m_result.error.isEmpty()) {
            yaml_event_t event;
            if (!yaml_parser_parse(&m_parser, &event)) {
                parserFailed();
                break;
            }
            more = take(event);
            yaml_event_delete(&event);
        }
        if (!m_result.error.isEmpty())
            m_result.documents.clear();
        return std::move(m_result);
    }

private:
    struct Open {
        std::shared_ptr<YamlNode::Data> data;
        QByteArray anchor;
        std::optional<YamlNode> key; // a mapping's key waiting for its value
    };

    // Handles one event; false once there is nothing more worth reading.
    bool take(const yaml_event_t &event) {
        const bool startsNode = event.type == YAML_ALIAS_EVENT || event.type == YAML_SCALAR_EVENT ||
                                event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT;
        if (startsNode && m_open.empty() && m_result.documents.size() == 1) {
            // Where a second document starts is all a caller needs to know about it.
            auto data = std::make_shared<YamlNode::Data>();
            data->type = YamlNode::Type::Null;
            data->mark = markOf(event.start_mark);
            m_result.documents.append(YamlNode(std::move(data)));
            return false;
        }
        switch (event.type) {
        case YAML_DOCUMENT_START_EVENT:
            m_anchors.clear(); // anchors name nodes of their own document only
            m_root.reset();
            return true;
        case YAML_DOCUMENT_END_EVENT:
            m_result.documents.append(m_root.value_or(YamlNode()));
            return true;
        case YAML_ALIAS_EVENT:
            alias(event);
            break;
        case YAML_SCALAR_EVENT:
            scalar(event);
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            open(event);
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            close();
            break;
        case YAML_STREAM_END_EVENT:
            return false;
        default:
            break;
        }
        return true;
    }

    void alias(const yaml_event_t &event) {
        const QByteArray name = bytesOf(event.data.alias.anchor);
        const auto found = m_anchors.constFind(name);
        if (found == m_anchors.constEnd()) {
            fail(markOf(event.start_mark), QStringLiteral("the alias *%1 names no anchor written before it (an alias "
                                                          "may not name a list or mapping that holds it)")
                                               .arg(QString::fromUtf8(name)));
            return;
        }
        add(*found);
    }

    void scalar(const yaml_event_t &event) {
        auto data = std::make_shared<YamlNode::Data>();
        data->mark = markOf(event.start_mark);
        data->text = QString::fromUtf8(reinterpret_cast<const char *>(event.data.scalar.value),
                                       qsizetype(event.data.scalar.length));
        const QByteArray tag = bytesOf(event.data.scalar.tag);
        data->quoted = event.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || tag == "!" || tag == YAML_STR_TAG;
        const bool plainNull = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && tag.isEmpty();
        data->type = plainNull && isNullWord(data->text) ? YamlNode::Type::Null : YamlNode::Type::Scalar;
        finish(std::move(data), bytesOf(event.data.scalar.anchor));
    }

    void open(const yaml_event_t &event) {
        if (int(m_open.size()) >= m_maxDepth) {
            fail(markOf(event.start_mark),
                 QStringLiteral("lists and mappings are nested more than %1 deep").arg(m_maxDepth));
            return;
        }
        const bool isMap = event.type == YAML_MAPPING_START_EVENT;
        auto data = std::make_shared<YamlNode::Data>();
        data->type = isMap ? YamlNode::Type::Map : YamlNode::Type::Sequence;
        data->mark = markOf(event.start_mark);
        m_open.push_back(
            {std::move(data), bytesOf(isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor), {}});
    }

    void close() {
        Open done = std::move(m_open.back());
        m_open.pop_back();
        finish(std::move(done.data), done.anchor);
    }

    void finish(std::shared_ptr<YamlNode::Data> data, const QByteArray &anchor) {
        const YamlNode node(std::move(data));
        if (!anchor.isEmpty())
            m_anchors.insert(anchor, node);
        add(node);
    }

    void add(const YamlNode &node) {
        if (m_open.empty()) {
            m_root = node;
            return;
        }
        Open &parent = m_open.back();
        if (parent.data->type == YamlNode::Type::Sequence) {
            parent.data->items.append(node);
        } else if (parent.key) {
            parent.data->entries.append({*parent.key, node});
            parent.key.reset();
        } else {
            parent.key = node;
        }
    }

    void parserFailed() {
        QString message = QString::fromUtf8(m_parser.problem ? m_parser.problem : "unreadable text");
        if (m_parser.context)
            message += QStringLiteral(" (%1)").arg(QString::fromUtf8(m_parser.context));
        YamlMark mark = markOf(m_parser.problem_mark);
        if (m_parser.error == YAML_READER_ERROR) { // the reader knows a byte offset, not a line
            const QByteArray before = m_bytes.left(qsizetype(m_parser.problem_offset));
            mark.line = int(before.count('\n'));
            mark.column = int(before.size() - (before.lastIndexOf('\n') + 1));
        }
        fail(mark, message);
    }

    void fail(YamlMark mark, const QString &message) {
        m_result.error = message;
        m_result.errorMark = mark;
    }

    QByteArray m_bytes;
    int m_maxDepth;
    yaml_parser_t m_parser{};
    std::vector<Open> m_open;
    QHash<QByteArray, YamlNode> m_anchors;
    std::optional<YamlNode> m_root;
    YamlLoadResult m_result;
};

YamlLoadResult loadYaml(const QByteArray &bytes, int maxDepth) {
    YamlLoader loader(bytes, maxDepth);
    return loader.run();
}

} // namespace triptych::workspace
