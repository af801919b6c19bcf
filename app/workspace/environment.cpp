#include "app/workspace/environment.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/yamlreader.h"
#include "app/workspace/yamlwriter.h"

#include <QRegularExpression>

namespace triptych::workspace {

bool isValidVariableName(QStringView name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]*$"));
    return valid.match(name).hasMatch();
}

const Variable *Environment::find(QStringView variable) const {
    for (const Variable &entry : variables) {
        if (entry.name == variable)
            return &entry;
    }
    return nullptr;
}

namespace {

void writeVariables(YamlWriter &out, const QList<Variable> &variables) {
    if (variables.isEmpty())
        return;
    out.beginMap(u"variables");
    for (const Variable &variable : variables) {
        if (variable.secret) {
            out.beginMap(variable.name);
            out.boolean(u"secret", true);
            out.endMap();
        } else {
            out.scalar(variable.name, variable.value);
        }
    }
    out.endMap();
}

void readVariables(MapReader &top, QList<Variable> &out) {
    const YamlNode node = top.take(u"variables");
    if (!node.isDefined() || node.isNull())
        return;
    MapReader variables(top.context(), node, QStringLiteral("variables"));
    if (!variables.isMap())
        return;
    for (const QString &name : variables.keys()) {
        const YamlNode value = variables.take(name);
        Variable variable{name, {}, false};
        if (!isValidVariableName(name))
            top.context().error(variables.keyMark(name), QStringLiteral("%1 is not a variable name: use letters, "
                                                                        "digits, _ - and ., starting with a letter "
                                                                        "or _")
                                                             .arg(name));
        if (value.isMap()) {
            MapReader entry(top.context(), value, variables.path(name));
            entry.flag(u"secret", variable.secret);
            entry.text(u"value", variable.value);
            if (variable.secret && !variable.value.isEmpty())
                top.context().warning(value.mark(), QStringLiteral("the value of secret %1 belongs in the keyring; "
                                                                   "it is used, and moved there on the next save")
                                                        .arg(name));
            entry.finish();
        } else if (const auto text = scalarText(value)) {
            variable.value = *text;
        } else {
            top.context().error(
                value.mark(),
                QStringLiteral("variable %1 must be text or {secret: true}, not %2").arg(name, describeNode(value)));
        }
        out.append(variable);
    }
}

void readOrder(MapReader &top, QStringList &order) {
    top.textList(u"order", order);
}

void readVersion(MapReader &top) {
    const YamlNode node = top.take(u"version");
    if (!node.isDefined())
        return; // these small files are often written by hand; version 1 is assumed
    const auto text = scalarText(node);
    if (!text || text->toInt() != format::kVersion)
        top.context().error(node.mark(), QStringLiteral("version must be %1").arg(format::kVersion));
}

// Reads a file whose top level is a mapping; `read` takes the keys it knows, the rest are reported as unknown.
template <typename T, typename Read> ReadResult<T> readFile(const QByteArray &bytes, const QString &file, Read read) {
    ReadResult<T> result;
    YamlReadContext context(file);
    const auto root = bytes.trimmed().isEmpty() ? std::optional<YamlNode>() : context.parse(bytes);
    if (root) {
        MapReader top(context, *root, QString());
        if (top.isMap()) {
            readVersion(top);
            read(top, result.value);
            top.finish();
        }
    }
    result.diagnostics = context.diagnostics();
    return result;
}

} // namespace

QByteArray writeEnvironment(const Environment &environment) {
    YamlWriter out;
    out.integer(u"version", format::kVersion);
    writeVariables(out, environment.variables);
    return out.bytes();
}

ReadResult<Environment> readEnvironment(const QByteArray &bytes, const QString &name, const QString &file) {
    auto result = readFile<Environment>(
        bytes, file, [](MapReader &top, Environment &environment) { readVariables(top, environment.variables); });
    result.value.name = name;
    return result;
}

QByteArray writeWorkspaceSettings(const WorkspaceSettings &settings) {
    YamlWriter out;
    out.integer(u"version", format::kVersion);
    if (!settings.name.isEmpty())
        out.scalar(u"name", settings.name);
    writeVariables(out, settings.variables);
    if (!settings.order.isEmpty()) {
        out.beginList(u"order");
        for (const QString &entry : settings.order)
            out.itemScalar(entry);
        out.endList();
    }
    return out.bytes();
}

ReadResult<WorkspaceSettings> readWorkspaceSettings(const QByteArray &bytes, const QString &file) {
    return readFile<WorkspaceSettings>(bytes, file, [](MapReader &top, WorkspaceSettings &settings) {
        top.text(u"name", settings.name);
        readVariables(top, settings.variables);
        readOrder(top, settings.order);
    });
}

QByteArray writeFolderOrder(const QStringList &order) {
    YamlWriter out;
    out.integer(u"version", format::kVersion);
    if (!order.isEmpty()) {
        out.beginList(u"order");
        for (const QString &entry : order)
            out.itemScalar(entry);
        out.endList();
    }
    return out.bytes();
}

ReadResult<QStringList> readFolderOrder(const QByteArray &bytes, const QString &file) {
    return readFile<QStringList>(bytes, file, [](MapReader &top, QStringList &order) { readOrder(top, order); });
}

} // namespace triptych::workspace
