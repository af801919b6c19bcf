// The import figures of docs/interop.md: a generated Postman v2.1 collection of 5,000 requests in 50 folders (12 MB)
// and a generated OpenAPI 3.1 document of 1,000 operations with shared schemas, as JSON and as YAML. Prints the best
// of five imports of each; asserts nothing.
#include "app/interop/openapi.h"
#include "app/interop/postman.h"
#include "app/interop/structuredinput.h"
#include "app/interop/workspaceimport.h"
#include "app/workspace/atomicfile.h"
#include "app/workspace/workspace.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace triptych::interop;

namespace {

constexpr int kFolders = 50;
constexpr int kRequestsPerFolder = 100;
constexpr int kOperations = 1'000;
constexpr int kRuns = 5;

QJsonObject postmanRequest(int folder, int index) {
    // A description and a JSON body of about 600 bytes each make the collection 12 MB (over the figure's 10 MB), as
    // real ones with docs are.
    const QString filler = QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ").repeated(10);
    const QJsonObject body{{QStringLiteral("mode"), QStringLiteral("raw")},
                           {QStringLiteral("raw"), QStringLiteral("{\"product\": \"Keyboard\", \"quantity\": %1, "
                                                                  "\"note\": \"%2\"}")
                                                       .arg(index)
                                                       .arg(filler)},
                           {QStringLiteral("options"),
                            QJsonObject{{QStringLiteral("raw"), QJsonObject{{QStringLiteral("language"), "json"}}}}}};
    const QJsonObject request{
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("url"), QStringLiteral("{{baseUrl}}/v1/users/%1/orders?page=%2").arg(folder).arg(index)},
        {QStringLiteral("header"),
         QJsonArray{
             QJsonObject{{QStringLiteral("key"), "Accept"}, {QStringLiteral("value"), "application/json"}},
             QJsonObject{{QStringLiteral("key"), "X-Request"}, {QStringLiteral("value"), QString::number(index)}}}},
        {QStringLiteral("auth"),
         QJsonObject{{QStringLiteral("type"), "bearer"},
                     {QStringLiteral("bearer"), QJsonArray{QJsonObject{{QStringLiteral("key"), "token"},
                                                                       {QStringLiteral("value"), "{{token}}"}}}}}},
        {QStringLiteral("body"), body},
        {QStringLiteral("description"), filler}};
    return {{QStringLiteral("name"), QStringLiteral("Request %1").arg(index)}, {QStringLiteral("request"), request}};
}

QByteArray postmanCollection(int folderCount = kFolders) {
    QJsonArray folders;
    for (int folder = 0; folder < folderCount; ++folder) {
        QJsonArray items;
        for (int index = 0; index < kRequestsPerFolder; ++index)
            items.append(postmanRequest(folder, index));
        folders.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Folder %1").arg(folder)},
                                   {QStringLiteral("item"), items}});
    }
    const QJsonObject info{{QStringLiteral("name"), QStringLiteral("Benchmark")},
                           {QStringLiteral("schema"),
                            QStringLiteral("https://schema.getpostman.com/json/collection/v2.1.0/collection.json")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("info"), info}, {QStringLiteral("item"), folders}}).toJson();
}

// YAML is written by hand: the operations differ only in their numbers, and the schemas are shared through $ref.
QByteArray openApiYaml() {
    QByteArray out =
        "openapi: 3.1.0\ninfo: {title: Benchmark, version: '1'}\nservers: [{url: 'http://127.0.0.1:8080'}]\n"
        "components:\n  securitySchemes: {bearerAuth: {type: http, scheme: bearer}}\n  schemas:\n"
        "    Item:\n      type: object\n      properties:\n        id: {type: integer, minimum: 1}\n"
        "        name: {type: string, example: Keyboard}\n        tags: {type: array, items: {type: string}}\n"
        "        parent: {$ref: '#/components/schemas/Item'}\n"
        "  parameters:\n    Limit: {name: limit, in: query, schema: {type: integer, default: 20}}\n"
        "security: [{bearerAuth: []}]\npaths:\n";
    for (int i = 0; i < kOperations / 2; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += "  /things" + n +
               "/{id}:\n    parameters: [{name: id, in: path, required: true, schema: {type: integer}, "
               "example: " +
               n +
               "}]\n"
               "    get:\n      tags: [group" +
               QByteArray::number(i % 20) + "]\n      summary: Get thing " + n +
               "\n      parameters: [{$ref: '#/components/parameters/Limit'}]\n"
               "      responses: {'200': {description: ok}}\n"
               "    put:\n      tags: [group" +
               QByteArray::number(i % 20) + "]\n      summary: Put thing " + n +
               "\n      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}\n"
               "      responses: {'200': {description: ok}}\n";
    }
    return out;
}

void measure(const char *what, qint64 bytes, const std::function<int()> &import) {
    qint64 best = -1;
    int requests = 0;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        requests = import();
        const qint64 ns = timer.nsecsElapsed();
        best = best < 0 ? ns : std::min(best, ns);
    }
    std::printf("%-44s %8.2f MB  %6d requests  best of %d: %7.1f ms\n", what, double(bytes) / (1024 * 1024), requests,
                kRuns, double(best) / 1e6);
}

} // namespace

int main() {
    const QByteArray postman = postmanCollection();
    measure("Postman v2.1 collection, 50 folders", postman.size(),
            [&] { return int(importPostmanCollection(postman, QStringLiteral("bench.json")).requests.size()); });
    const QByteArray yaml = openApiYaml();
    measure("OpenAPI 3.1, 1,000 operations, YAML", yaml.size(),
            [&] { return int(importOpenApi(yaml, QStringLiteral("bench.yaml")).requests.size()); });
    // The same document as JSON, read through the YAML reader once.
    triptych::workspace::Diagnostics diagnostics;
    const QByteArray json =
        QJsonDocument(parseJsonOrYamlObject(yaml, QStringLiteral("bench.yaml"), diagnostics).value_or(QJsonObject()))
            .toJson();
    measure("OpenAPI 3.1, 1,000 operations, JSON", json.size(),
            [&] { return int(importOpenApi(json, QStringLiteral("bench.json")).requests.size()); });
    // The window's whole path (File ▸ Import…): read the file, import it, write one file per request. Each file is
    // written whole and renamed into place, the tree listed and the file system flushed once at the end (a batch of
    // writes); the whole collection, once.
    QTemporaryDir folder;
    const QByteArray whole = postmanCollection();
    const QString file = folder.filePath(QStringLiteral("bench.postman_collection.json"));
    triptych::workspace::writeFileAtomically(file, whole);
    const QString root = folder.filePath(QStringLiteral("workspace"));
    triptych::workspace::Workspace::create(root, QStringLiteral("bench"));
    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = importIntoWorkspace(file, root);
    std::printf("%-44s %8.2f MB  %6d requests  once:       %7.1f ms%s\n", "Postman, written to a workspace",
                double(whole.size()) / (1024 * 1024), int(summary.requests.size()), double(timer.nsecsElapsed()) / 1e6,
                summary.ok() ? "" : " (failed)");
    const ImportResult check = importOpenApi(yaml, QStringLiteral("bench.yaml"));
    if (!check.ok())
        std::printf("the generated OpenAPI document does not import: %s\n",
                    qPrintable(check.diagnostics.first().text()));
    return 0;
}
