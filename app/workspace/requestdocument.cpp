#include "app/workspace/requestdocument.h"

namespace triptych::workspace {

QString styleName(RequestStyle style) {
    switch (style) {
    case RequestStyle::Rest:
        return QStringLiteral("rest");
    case RequestStyle::GraphQL:
        return QStringLiteral("graphql");
    case RequestStyle::Grpc:
        return QStringLiteral("grpc");
    }
    return {};
}

QString styleLabel(RequestStyle style) {
    switch (style) {
    case RequestStyle::Rest:
        return QStringLiteral("REST");
    case RequestStyle::GraphQL:
        return QStringLiteral("GraphQL");
    case RequestStyle::Grpc:
        return QStringLiteral("gRPC");
    }
    return {};
}

std::optional<RequestStyle> styleFromName(QStringView name) {
    for (const RequestStyle style : {RequestStyle::Rest, RequestStyle::GraphQL, RequestStyle::Grpc}) {
        if (name == styleName(style))
            return style;
    }
    return std::nullopt;
}

} // namespace triptych::workspace
