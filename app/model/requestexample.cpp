#include "app/model/requestexample.h"

#include "app/model/jsonpretty.h"

#include <QRegularExpression>

namespace triptych::model {

namespace {
struct Example {
    const char *pattern; // a field at its zero value, as the template writes it
    const char *value;
};
// Field names as the contract's requests spell them (docs/grpc.md); camelCase for templates printed with JSON names.
const Example kExamples[] = {
    {R"re("(user_id|userId)": 0\b)re", R"re("\1": 42)re"},
    {R"re("(order_id|orderId)": 0\b)re", R"re("\1": 1)re"},
    {R"re("(quantity)": 0\b)re", R"re("\1": 1)re"},
    {R"re("(product)": "")re", R"re("\1": "Wireless Mouse")re"},
};
} // namespace

QByteArray exampleRequest(const QByteArray &templateJson) {
    QString filled = QString::fromUtf8(templateJson);
    for (const auto &example : kExamples) {
        filled.replace(QRegularExpression(QString::fromLatin1(example.pattern)), QString::fromLatin1(example.value));
    }
    auto pretty = prettyPrintJson(filled.toUtf8());
    return pretty.ok ? pretty.text : filled.toUtf8();
}

} // namespace triptych::model
