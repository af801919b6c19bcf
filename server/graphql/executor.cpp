#include "server/graphql/executor.h"

#include "server/graphql/coercion.h"
#include "server/graphql/executorimpl.h"
#include "server/graphql/introspection.h"
#include "server/graphql/limits.h"
#include "server/graphql/parser.h"
#include "server/graphql/validator.h"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <unordered_set>

namespace triptych::graphql {

std::vector<PathSegment> ResolveInfo::pathSegments() const {
    std::vector<PathSegment> segments;
    for (const PathNode *p = path; p; p = p->parent) {
        if (p->key.empty())
            segments.emplace_back(p->index);
        else
            segments.emplace_back(std::string(p->key));
    }
    std::reverse(segments.begin(), segments.end());
    return segments;
}

std::string ResolveInfo::pathString() const {
    std::string out;
    for (const auto &segment : pathSegments()) {
        if (!out.empty())
            out += '.';
        out += std::holds_alternative<std::string>(segment) ? std::get<std::string>(segment)
                                                            : std::to_string(std::get<std::int64_t>(segment));
    }
    return out;
}

namespace {

using FieldNodes = std::vector<const SelectionNode *>;
// One response key of a grouped field set with its field definition, resolved once per object type.
struct GroupedField {
    std::string_view first;
    FieldNodes second;
    const Field *def = nullptr;
};
using Grouped = std::vector<GroupedField>;

struct Container {
    rapidjson::Value *value;
    Container *parent;
    bool nonNull;
    const PathNode *path;
};

struct Task {
    const NamedType *parentType;
    ObjectRef parent;
    const FieldNodes *nodes;
    const Field *def;
    rapidjson::Value *slot;
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

std::vector<std::uint32_t> keyOf(const PathNode *path) {
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
    void collectInto(const NamedType *type, const std::vector<SelectionNode> &set, Grouped &out,
                     std::unordered_set<std::string_view> &visited, std::size_t depth);
    bool included(const std::vector<DirectiveNode> &directives) const;
    bool fragmentApplies(const NamedType *type, const std::string &condition) const;
    void resolveDefinitions(const NamedType *type, Grouped &fields) const;
    void runLevels();
    void executeField(const Task &task);
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
    std::vector<Task> m_current;
    std::vector<Task> m_next;
    std::vector<Pending> m_pending;
    std::deque<PathNode> m_paths;
    std::deque<Container> m_containers;
    std::deque<Grouped> m_groupedStore;
    std::map<std::pair<const NamedType *, const FieldNodes *>, const Grouped *> m_subfields;
    std::vector<RecordedError> m_errors;
    Container *m_root = nullptr;
};

const PathNode *Executor::child(const PathNode *parent, std::string_view key, std::int64_t index,
                                std::uint32_t ordinal) {
    return &m_paths.emplace_back(PathNode{parent, key, index, ordinal});
}

bool Executor::included(const std::vector<DirectiveNode> &directives) const {
    for (const auto &d : directives) {
        if (d.name != "skip" && d.name != "include")
            continue;
        for (const auto &arg : d.arguments) {
            if (arg.name != "if")
                continue;
            bool value = false;
            if (arg.value.kind == ValueKind::Boolean) {
                value = arg.value.boolean;
            } else if (arg.value.kind == ValueKind::Variable) {
                const Value *v = m_variables.find(arg.value.text);
                value = v && v->kind() == Value::Kind::Boolean && v->asBool();
            }
            if ((d.name == "skip" && value) || (d.name == "include" && !value))
                return false;
        }
    }
    return true;
}

bool Executor::fragmentApplies(const NamedType *type, const std::string &condition) const {
    if (condition.empty())
        return true;
    const NamedType *conditionType = m_schema.type(condition);
    if (!conditionType)
        return false;
    return conditionType == type || (conditionType->isAbstract() && m_schema.isPossibleType(conditionType, type));
}

// CollectFields (spec §6.3.2): response keys in selection order, fragments expanded once each.
void Executor::collectInto(const NamedType *type, const std::vector<SelectionNode> &set, Grouped &out,
                           std::unordered_set<std::string_view> &visited, std::size_t depth) {
    if (depth > kMaxFragmentDepthLevels)
        return;
    for (const auto &s : set) {
        if (!included(s.directives))
            continue;
        if (s.kind == SelectionKind::Field) {
            const std::string_view key = s.responseKey();
            auto it = std::find_if(out.begin(), out.end(), [&](const auto &g) { return g.first == key; });
            if (it == out.end())
                out.push_back({key, {&s}});
            else
                it->second.push_back(&s);
        } else if (s.kind == SelectionKind::InlineFragment) {
            if (fragmentApplies(type, s.typeCondition))
                collectInto(type, s.selectionSet, out, visited, depth + 1);
        } else if (visited.insert(s.name).second) {
            const FragmentDefinitionNode *f = m_request.document->fragment(s.name);
            if (f && fragmentApplies(type, f->typeCondition))
                collectInto(type, f->selectionSet, out, visited, depth + 1);
        }
    }
}

void Executor::resolveDefinitions(const NamedType *type, Grouped &fields) const {
    for (auto &entry : fields) {
        const std::string &name = entry.second.front()->name;
        if (name == "__typename")
            entry.def = &m_schema.typenameField();
        else if (type == m_schema.queryType() && name == "__schema")
            entry.def = &m_schema.schemaField();
        else if (type == m_schema.queryType() && name == "__type")
            entry.def = &m_schema.typeField();
        else
            entry.def = type->field(name);
    }
}

const Grouped &Executor::collect(const NamedType *type, const FieldNodes &nodes) {
    const auto key = std::make_pair(type, &nodes);
    const auto it = m_subfields.find(key);
    if (it != m_subfields.end())
        return *it->second;
    Grouped &grouped = m_groupedStore.emplace_back();
    std::unordered_set<std::string_view> visited;
    for (const SelectionNode *node : nodes)
        collectInto(type, node->selectionSet, grouped, visited, 0);
    resolveDefinitions(type, grouped);
    m_subfields.emplace(key, &grouped);
    return grouped;
}

void Executor::run(const OperationDefinitionNode &op, const Value &variables) {
    m_variables = variables;
    const NamedType *root = m_schema.rootType(op.operation);
    std::unordered_set<std::string_view> visited;
    Grouped &fields = m_groupedStore.emplace_back();
    collectInto(root, op.selectionSet, fields, visited, 0);
    resolveDefinitions(root, fields);
    runRootFields(root, fields, op.operation == OperationType::Mutation);
}

void Executor::runRootFields(const NamedType *root, const Grouped &fields, bool serial) {
    rapidjson::Value &data = m_out.json;
    data.SetObject();
    for (const auto &entry : fields)
        data.AddMember(rapidjson::StringRef(entry.first.data(), entry.first.size()), rapidjson::Value(), m_alloc);
    m_root = &m_containers.emplace_back(Container{&data, nullptr, true, nullptr});
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const PathNode *path = child(nullptr, fields[i].first, 0, static_cast<std::uint32_t>(i));
        m_current.push_back(Task{root, m_request.rootValue, &fields[i].second, fields[i].def,
                                 &data.MemberBegin()[i].value, m_root, path});
        if (serial) {
            runLevels();
            if (m_out.dataNull)
                break;
        }
    }
    runLevels();
    m_out.hasData = true;
}

void Executor::runLevels() {
    std::size_t depth = 0;
    while (!m_current.empty()) {
        for (const Task &task : m_current)
            executeField(task);
        while (!m_pending.empty()) {
            std::vector<Pending> batch = std::move(m_pending);
            m_pending.clear();
            std::vector<BatchSource *> sources;
            for (const auto &p : batch)
                if (p.value.deferredSource() &&
                    std::find(sources.begin(), sources.end(), p.value.deferredSource()) == sources.end())
                    sources.push_back(p.value.deferredSource());
            for (BatchSource *source : sources)
                source->dispatch();
            for (auto &p : batch) {
                Resolved value = p.value.resolveDeferred();
                if (!complete(p.task, *p.def, p.type, value, *p.slot, p.container, p.path))
                    propagate(p.container);
            }
        }
        m_current.swap(m_next);
        m_next.clear();
        if (++depth > kMaxExecutionDepthLevels)
            break;
    }
}

void Executor::executeField(const Task &task) {
    const SelectionNode &node = *task.nodes->front();
    const Field *def = task.def;
    if (!def)
        return;
    static const Value kNoArguments = Value::fromObject({});
    std::optional<Value> args;
    if (!def->args.empty() || !node.arguments.empty()) {
        args.emplace();
        if (auto error = coerceArgumentValues(m_schema, def->args, node.arguments, m_variables, *args)) {
            addError(task, error->message, task.path);
            if (error->valueLoc)
                m_errors.back().error.locations = {*error->valueLoc};
            if (!def->type.isNonNull())
                task.slot->SetNull();
            else
                propagate(task.container);
            return;
        }
    }
    Resolved value = resolve(task, *def, task.path, args ? *args : kNoArguments);
    if (!complete(task, *def, def->type, value, *task.slot, task.container, task.path))
        propagate(task.container);
}

Resolved Executor::resolve(const Task &task, const Field &def, const PathNode *path, const Value &args) {
    const SelectionNode &node = *task.nodes->front();
    if (&def == &m_schema.typenameField())
        return Resolved::view(task.parentType->name);
    if (&def == &m_schema.schemaField())
        return introspection::schemaRef(m_schema);
    if (&def == &m_schema.typeField())
        return introspection::typeByName(m_schema, args.find("name") ? args.find("name")->asString() : "");
    const Resolver &resolver = def.resolver ? def.resolver : m_schema.defaultResolver();
    if (!resolver)
        return Resolved();
    const ResolveInfo info{task.parent, args, m_request.context, def, *task.parentType, node, m_variables, path};
    if (m_request.observer)
        m_request.observer->resolverStarted(info);
    Resolved result;
    try {
        result = resolver(info);
    } catch (const std::exception &e) {
        result = Resolved::error(e.what());
    } catch (...) {
        result = Resolved::error("Unexpected error.");
    }
    if (m_request.observer)
        m_request.observer->resolverFinished(info, result);
    return result;
}

void Executor::addError(const Task &task, std::string message, const PathNode *path, Value extensions) {
    RecordedError e;
    e.error.message = std::move(message);
    for (const SelectionNode *node : *task.nodes)
        e.error.locations.push_back(node->loc);
    for (const PathNode *p = path; p; p = p->parent) {
        if (p->key.empty())
            e.error.path.emplace_back(p->index);
        else
            e.error.path.emplace_back(std::string(p->key));
    }
    std::reverse(e.error.path.begin(), e.error.path.end());
    e.error.hasPath = true;
    e.error.extensions = std::move(extensions);
    e.key = keyOf(path);
    e.absorbedAt = e.key;
    m_errors.push_back(std::move(e));
}

void Executor::absorbLocally(const PathNode *path) {
    if (!m_errors.empty())
        m_errors.back().absorbedAt = keyOf(path);
}

void Executor::propagate(Container *container) {
    for (Container *c = container; c; c = c->parent) {
        if (c == m_root) {
            m_out.dataNull = true;
            if (!m_errors.empty())
                m_errors.back().absorbedAt.clear();
            return;
        }
        c->value->SetNull();
        if (!c->nonNull) {
            if (!m_errors.empty())
                m_errors.back().absorbedAt = keyOf(c->path);
            return;
        }
    }
}

bool Executor::complete(const Task &task, const Field &def, TypeRef type, Resolved &value, rapidjson::Value &slot,
                        Container *container, const PathNode *path) {
    const bool nonNull = type.isNonNull();
    const TypeRef t = type.nullable();
    const auto fail = [&] {
        if (nonNull)
            return false;
        slot.SetNull();
        absorbLocally(path);
        return true;
    };
    switch (value.kind()) {
    case Resolved::Kind::Error:
        addError(task, value.asError().message, path, value.asError().extensions);
        return fail();
    case Resolved::Kind::Deferred:
        m_pending.push_back(Pending{task, &def, type, std::move(value), &slot, container, path});
        return true;
    case Resolved::Kind::Null:
        if (nonNull) {
            addError(task, "Cannot return null for non-nullable field " + task.parentType->name + "." + def.name + ".",
                     path);
            return false;
        }
        slot.SetNull();
        return true;
    default:
        break;
    }
    if (t.isList()) {
        if (value.kind() != Resolved::Kind::List) {
            addError(task,
                     "Expected Iterable, but did not find one for field \"" + task.parentType->name + "." + def.name +
                         "\".",
                     path);
            return fail();
        }
        auto &items = value.list();
        slot.SetArray();
        slot.Reserve(static_cast<rapidjson::SizeType>(items.size()), m_alloc);
        for (std::size_t i = 0; i < items.size(); ++i)
            slot.PushBack(rapidjson::Value(), m_alloc);
        Container *list = &m_containers.emplace_back(Container{&slot, container, nonNull, path});
        for (std::size_t i = 0; i < items.size(); ++i) {
            const PathNode *itemPath = child(path, {}, static_cast<std::int64_t>(i), static_cast<std::uint32_t>(i));
            if (!complete(task, def, t.ofType(), items[i], slot[static_cast<rapidjson::SizeType>(i)], list, itemPath))
                return fail();
        }
        return true;
    }
    if (t.named()->isLeaf())
        return completeLeaf(task, *t.named(), value, slot, path) || fail();
    return completeObject(task, def, t, nonNull, value, slot, container, path) || fail();
}

bool Executor::completeLeaf(const Task &task, const NamedType &type, const Resolved &value, rapidjson::Value &slot,
                            const PathNode *path) {
    const bool isString = type.builtIn == BuiltInScalar::String || type.builtIn == BuiltInScalar::Id;
    if (value.kind() == Resolved::Kind::String && isString) {
        const std::string_view s = value.asString();
        slot.SetString(s.data(), static_cast<rapidjson::SizeType>(s.size()), m_alloc);
        return true;
    }
    if (value.kind() == Resolved::Kind::Int && type.builtIn == BuiltInScalar::Int && value.asInt() <= 2147483647 &&
        value.asInt() >= -2147483648LL) {
        slot.SetInt(static_cast<int>(value.asInt()));
        return true;
    }
    Value out;
    if (auto error = serializeLeaf(type, value, out)) {
        addError(task, *error, path);
        return false;
    }
    toJson(out, slot, m_alloc);
    return true;
}

bool Executor::completeObject(const Task &task, const Field &def, TypeRef type, bool nonNull, const Resolved &value,
                              rapidjson::Value &slot, Container *container, const PathNode *path) {
    if (value.kind() != Resolved::Kind::Object) {
        std::string message = "Expected value of type \"";
        message.append(type.toString()).append("\" but got: ");
        if (value.kind() == Resolved::Kind::String)
            message.append("\"").append(value.asString()).append("\".");
        else
            message.append("a non-object value.");
        addError(task, std::move(message), path);
        return false;
    }
    const ObjectRef &object = value.asObject();
    const NamedType *concrete = type.named();
    if (concrete->isAbstract()) {
        const NamedType *runtime = object.typeName.empty() ? nullptr : m_schema.type(object.typeName);
        if (!runtime) {
            addError(task,
                     "Abstract type \"" + concrete->name + "\" must resolve to an Object type at runtime for field \"" +
                         task.parentType->name + "." + def.name + "\". Either the \"" + concrete->name +
                         "\" type should provide a \"resolveType\" function or each possible type should "
                         "provide an \"isTypeOf\" function.",
                     path);
            return false;
        }
        if (runtime->kind != TypeKind::Object || !m_schema.isPossibleType(concrete, runtime)) {
            addError(task,
                     "Runtime Object type \"" + runtime->name + "\" is not a possible type for \"" + concrete->name +
                         "\".",
                     path);
            return false;
        }
        concrete = runtime;
    }
    const Grouped &fields = collect(concrete, *task.nodes);
    slot.SetObject();
    for (const auto &entry : fields)
        slot.AddMember(rapidjson::StringRef(entry.first.data(), entry.first.size()), rapidjson::Value(), m_alloc);
    Container *c = &m_containers.emplace_back(Container{&slot, container, nonNull, path});
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const PathNode *fieldPath = child(path, fields[i].first, 0, static_cast<std::uint32_t>(i));
        m_next.push_back(
            Task{concrete, object, &fields[i].second, fields[i].def, &slot.MemberBegin()[i].value, c, fieldPath});
    }
    return true;
}

// graphql-js executes depth first and stops a subtree at the first error that nulls it; levels run here
// breadth first, so errors are put in depth-first order and those graphql-js would never reach dropped.
std::vector<GraphQLError> Executor::takeErrors() {
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const auto &a, const auto &b) { return a.key < b.key; });
    std::vector<GraphQLError> errors;
    std::vector<const std::vector<std::uint32_t> *> killed;
    for (auto &e : m_errors) {
        const bool dead = std::any_of(killed.begin(), killed.end(), [&](const auto *region) {
            return e.key.size() >= region->size() && std::equal(region->begin(), region->end(), e.key.begin());
        });
        if (dead)
            continue;
        killed.push_back(&e.absorbedAt);
        errors.push_back(std::move(e.error));
    }
    return errors;
}

const OperationDefinitionNode *selectOperation(const Document &doc, const std::string &name,
                                               std::vector<GraphQLError> &errors) {
    if (name.empty()) {
        if (doc.operations.size() == 1)
            return &doc.operations.front();
        errors.push_back({doc.operations.empty() ? "Must provide an operation."
                                                 : "Must provide operation name if query contains multiple operations.",
                          {}});
        return nullptr;
    }
    for (const auto &op : doc.operations)
        if (op.name == name)
            return &op;
    errors.push_back({"Unknown operation named \"" + name + "\".", {}});
    return nullptr;
}

} // namespace

ExecutionResult execute(const Schema &schema, const ExecutionRequest &request) {
    ExecutionResult result;
    result.m_impl->document = request.document;
    const OperationDefinitionNode *op = selectOperation(*request.document, request.operationName, result.errors);
    if (!op)
        return result;
    const NamedType *root = schema.rootType(op->operation);
    if (!root) {
        const char *names[] = {"query", "mutation", "subscription"};
        result.errors.push_back({std::string("Schema is not configured to execute ") +
                                     names[static_cast<int>(op->operation)] + " operation.",
                                 {op->loc}});
        return result;
    }
    Value variables;
    if (!coerceVariableValues(schema, *op, request.variables, variables, result.errors))
        return result;
    Executor executor(schema, request, *result.m_impl);
    executor.run(*op, variables);
    result.errors = executor.takeErrors();
    return result;
}

ExecutionResult executeQuery(const Schema &schema, std::string_view query, ExecutionRequest request) {
    ParseResult parsed = parse(query);
    if (!parsed.ok()) {
        ExecutionResult result;
        result.errors.push_back({parsed.error->message, {parsed.error->loc}});
        return result;
    }
    std::vector<GraphQLError> errors = validate(schema, *parsed.document);
    if (!errors.empty()) {
        ExecutionResult result;
        result.errors = std::move(errors);
        return result;
    }
    request.document = parsed.document;
    return execute(schema, request);
}

} // namespace triptych::graphql
