#pragma once

// Internal to execution: the Executor shared by executor.cpp (levels, completion) and collectfields.cpp
// (CollectFields, operation selection, error ordering).
#include "server/graphql/execution/executorimpl.h"
#include "server/graphql/groupindex.h"

#include <deque>
#include <map>
#include <optional>
#include <unordered_set>

namespace triptych::graphql::detail {

using FieldNodes = std::vector<const SelectionNode *>;
// One response key of a grouped field set with its field definition, resolved once per object type.
struct GroupedField {
    std::string_view first;
    FieldNodes second;
    const Field *def = nullptr;
    bool observed = false; // the request's observer is told about this field's resolver
};
using Grouped = std::vector<GroupedField>;

struct Container {
    rapidjson::Value *value;
    Container *parent;
    bool nonNull;
    const PathNode *path;
};

// One field to run. The parent outlives the task: the request's root value, or an ObjectTask of the level running it.
struct Task {
    const NamedType *parentType;
    const ObjectRef *parent;
    const FieldNodes *nodes;
    const Field *def;
    rapidjson::Value *slot;
    Container *container;
    const PathNode *path;
    bool observed;
};

// The fields of one completed object, run at the next level in their order: one entry (and one reference to the
// object) per object instead of one per field, with each field's task made as it runs.
struct ObjectTask {
    const NamedType *type;
    ObjectRef object;
    const Grouped *fields;
    rapidjson::Value::Member *members; // the object's slots, one per field, taken before any field can null it
    Container *container;
    const PathNode *path;
};

struct Pending {
    Task task;
    const Field *def;
    TypeRef type;
    Resolved value;
    rapidjson::Value *slot;
    Container *container;
    const PathNode *path;
};

struct RecordedError {
    GraphQLError error;
    std::vector<std::uint32_t> key;
    std::vector<std::uint32_t> absorbedAt;
};

inline std::vector<std::uint32_t> keyOf(const PathNode *path) {
    std::vector<std::uint32_t> key;
    for (const PathNode *p = path; p; p = p->parent)
        key.push_back(p->ordinal);
    std::reverse(key.begin(), key.end());
    return key;
}

// Runs one operation; fields of a level run first, then deferred values, then the next level.
class Executor {
public:
    Executor(const Schema &schema, const ExecutionRequest &request, ExecutionResult::Impl &out)
        : m_schema(schema)
        , m_request(request)
        , m_out(out)
        , m_alloc(out.json.GetAllocator()) {}

    void run(const OperationDefinitionNode &op, const Value &variables);
    std::vector<GraphQLError> takeErrors();
    const Grouped &collect(const NamedType *type, const FieldNodes &nodes);
    void runRootFields(const NamedType *root, const Grouped &fields, bool serial);

private:
    void collectInto(const NamedType *type, const std::vector<SelectionNode> &set, Grouped &out, GroupIndex &index,
                     std::unordered_set<std::string_view> &visited, std::size_t depth);
    bool included(const std::vector<DirectiveNode> &directives) const;
    bool fragmentApplies(const NamedType *type, const std::string &condition) const;
    void resolveDefinitions(const NamedType *type, Grouped &fields) const;
    void runLevels();
    void executeFields(const ObjectTask &object);
    // ephemeralPath: task.path lives in the caller's frame; it is copied to m_paths if the value completes later.
    void executeField(const Task &task, bool ephemeralPath = false);
    Resolved resolve(const Task &task, const Field &def, const PathNode *path, const Value &args);
    bool complete(const Task &task, const Field &def, TypeRef type, Resolved &value, rapidjson::Value &slot,
                  Container *container, const PathNode *path);
    bool completeLeaf(const Task &task, const NamedType &type, const Resolved &value, rapidjson::Value &slot,
                      const PathNode *path);
    bool completeObject(const Task &task, const Field &def, TypeRef type, bool nonNull, const Resolved &value,
                        rapidjson::Value &slot, Container *container, const PathNode *path);
    void addError(const Task &task, std::string message, const PathNode *path, Value extensions = {});
    void absorbLocally(const PathNode *path);
    void propagate(Container *container);
    const PathNode *child(const PathNode *parent, std::string_view key, std::int64_t index, std::uint32_t ordinal);

    const Schema &m_schema;
    const ExecutionRequest &m_request;
    ExecutionResult::Impl &m_out;
    rapidjson::Document::AllocatorType &m_alloc;
    Value m_variables;
    std::vector<Task> m_current; // the root fields
    std::vector<ObjectTask> m_objects;
    std::vector<ObjectTask> m_nextObjects;
    std::vector<Pending> m_pending;
    std::deque<PathNode> m_paths;
    std::deque<Container> m_containers;
    std::deque<Grouped> m_groupedStore;
    std::map<std::pair<const NamedType *, const FieldNodes *>, const Grouped *> m_subfields;
    std::vector<RecordedError> m_errors;
    std::pair<const NamedType *, const FieldNodes *> m_lastCollectedKey{};
    const Grouped *m_lastCollected = nullptr;
    Container *m_root = nullptr;
};

const OperationDefinitionNode *selectOperation(const Document &doc, const std::string &name,
                                               std::vector<GraphQLError> &errors);

} // namespace triptych::graphql::detail
