// Prints the editor's figures: completion at several cursor positions and validation of a 500-line document on a
// generated 5,000-type schema, and the schema built from an introspection result of about 5 MB.
// Usage: bench_editor [runs]   (median and worst of `runs`, default 30)
#include "app/editor/editorschema.h"
#include "app/editor/fieldinsertion.h"
#include "app/editor/graphqlcompleter.h"
#include "app/editor/graphqldiagnostics.h"
#include "server/graphql/execution/executor.h"
#include "server/graphql/schema/clientschema.h"
#include "tests/support/largeschema.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Figure {
    double medianMs;
    double worstMs;
};

Figure measure(int runs, const std::function<void()> &work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

void print(const char *what, const Figure &figure, double budgetMs) {
    std::printf("%-58s median %7.2f ms  worst %7.2f ms  (budget %.0f ms)\n", what, figure.medianMs, figure.worstMs,
                budgetMs);
}

// A 500-line document over the generated schema: operations with variables, nested selections, fragments.
QString fiveHundredLines() {
    QString doc;
    for (int op = 0; doc.count(QLatin1Char('\n')) < 480; ++op) {
        const QString n = QString::number(op * 97 % 970);
        doc += QStringLiteral("query Q%1($id: ID!, $f: Input%2) {\n  node%2(id: $id, filter: $f) {\n    ...N%1\n"
                              "    next(first: 2, order: A%2) {\n      id\n      name\n      kind\n"
                              "      weight(unit: \"g\")\n    }\n  }\n}\n\nfragment N%1 on Node%2 {\n  id\n  name\n"
                              "  kind\n}\n\n")
                   .arg(op)
                   .arg(n);
    }
    while (doc.count(QLatin1Char('\n')) < 500)
        doc += QStringLiteral("# padding\n");
    return doc;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 30;
    QString error;

    // 5,000 types for completion and validation.
    const triptych::editor::EditorSchema schema = triptych::editor::EditorSchema::fromSdl(
        QByteArray::fromStdString(triptych::tests::largeSchemaSdl(5000)), &error);
    if (schema.isNull()) {
        std::fprintf(stderr, "schema: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("schema: %d types\n", schema.typeCount());
    struct Case {
        const char *name;
        QString document;
    };
    const std::vector<Case> cases{
        {"completion: root fields", QStringLiteral("{ ")},
        {"completion: nested fields", QStringLiteral("{ node0(id: 1) { next { next { ")},
        {"completion: arguments", QStringLiteral("{ node0(id: 1) { next(")},
        {"completion: every type name (fragment on)", QStringLiteral("fragment F on ")},
        {"completion: input type names (variable definitions)", QStringLiteral("query ($a: ")},
        {"completion: at the end of the 500-line document", fiveHundredLines() + QStringLiteral("{ node0(id: 1) { ")},
    };
    for (const Case &c : cases) {
        int count = 0;
        const Figure figure = measure(runs, [&] {
            count = int(triptych::editor::completeGraphQL(schema, c.document, int(c.document.size())).items.size());
        });
        char label[128];
        std::snprintf(label, sizeof label, "%s (%d entries)", c.name, count);
        print(label, figure, 16);
    }

    const QString document = fiveHundredLines();
    int errors = 0;
    const Figure validation =
        measure(runs, [&] { errors = int(triptych::editor::diagnoseGraphQL(schema, document).size()); });
    char label[128];
    std::snprintf(label, sizeof label, "validate a %lld-line document (%d errors)",
                  static_cast<long long>(document.count(QLatin1Char('\n'))), errors);
    print(label, validation, 10);

    // A click in the explorer parses the document to find the selection of the field's type (16 ms: one frame).
    int inserted = -1;
    const Figure placing = measure(runs, [&] {
        inserted =
            triptych::editor::placeField(schema, document, 0, QStringLiteral("Node0"), QStringLiteral("name")).position;
    });
    print(inserted >= 0 ? "explorer click: place a field in the 500-line document" : "explorer click: NOT PLACED",
          placing, 16);

    // An introspection result of about 5 MB: the generated schema, grown until its answer is that large.
    int types = 5000;
    std::string json;
    for (;; types += 1000) {
        const auto built = triptych::graphql::Schema::fromSdl(triptych::tests::largeSchemaSdl(types));
        json = triptych::graphql::executeQuery(*built.schema, triptych::graphql::kFullIntrospectionQuery, {}).toJson();
        if (json.size() >= 5'000'000)
            break;
    }
    const QByteArray body = QByteArray::fromStdString(json);
    const Figure build = measure(std::max(3, runs / 3), [&] {
        if (triptych::editor::EditorSchema::fromIntrospection(body, &error).isNull())
            std::fprintf(stderr, "introspection: %s\n", qPrintable(error));
    });
    std::snprintf(label, sizeof label, "build from introspection (%.1f MB, %d types)", double(body.size()) / 1e6,
                  types);
    print(label, build, 200);
    return 0;
}
