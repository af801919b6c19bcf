#include "app/workspace/documentformat.h"

namespace triptych::workspace {

QString requestFileSuffix(RequestStyle style) {
    return QLatin1Char('.') + styleName(style) + QStringLiteral(".yaml");
}

std::optional<RequestStyle> styleOfFileName(QStringView fileName) {
    for (const RequestStyle style : {RequestStyle::Rest, RequestStyle::GraphQL, RequestStyle::Grpc}) {
        const QString suffix = requestFileSuffix(style);
        if (fileName.size() > suffix.size() && fileName.endsWith(suffix))
            return style;
    }
    return std::nullopt;
}

QString requestNameOfFileName(QStringView fileName) {
    const auto style = styleOfFileName(fileName);
    return style ? fileName.chopped(requestFileSuffix(*style).size()).toString() : fileName.toString();
}

QString requestFileName(const QString &name, RequestStyle style) {
    return name + requestFileSuffix(style);
}

} // namespace triptych::workspace
