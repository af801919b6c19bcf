#pragma once

#include "app/workspace/requestdocument.h"

#include <QString>
#include <QStringList>

#include <optional>

// The words the request files use for enumerations; shared by the writer and the reader so both stay in step.
namespace triptych::workspace::formatnames {

template <typename Enum> struct Name {
    Enum value;
    const char16_t *text;
};

inline constexpr Name<BodyKind> kBodyKinds[] = {
    {BodyKind::None, u"none"}, {BodyKind::Json, u"json"},           {BodyKind::Raw, u"raw"},
    {BodyKind::Form, u"form"}, {BodyKind::Multipart, u"multipart"}, {BodyKind::File, u"file"}};
inline constexpr Name<AuthKind> kAuthKinds[] = {{AuthKind::None, u"none"},
                                                {AuthKind::Basic, u"basic"},
                                                {AuthKind::Bearer, u"bearer"},
                                                {AuthKind::ApiKey, u"apikey"}};
inline constexpr Name<ApiKeyPlacement> kApiKeyPlacements[] = {{ApiKeyPlacement::Header, u"header"},
                                                              {ApiKeyPlacement::Query, u"query"}};
inline constexpr Name<HttpVersion> kHttpVersions[] = {{HttpVersion::Auto, u"auto"},
                                                      {HttpVersion::Http1_1, u"http1.1"},
                                                      {HttpVersion::Http2, u"http2"},
                                                      {HttpVersion::Http2PriorKnowledge, u"http2-prior-knowledge"}};
inline constexpr Name<GraphQLTransport> kTransports[] = {
    {GraphQLTransport::HttpPost, u"http-post"},
    {GraphQLTransport::HttpGet, u"http-get"},
    {GraphQLTransport::TransportWs, u"graphql-transport-ws"},
    {GraphQLTransport::SubscriptionsTransportWs, u"subscriptions-transport-ws"}};
inline constexpr Name<ProtoSource> kProtoSources[] = {{ProtoSource::Reflection, u"reflection"},
                                                      {ProtoSource::ProtoFiles, u"files"},
                                                      {ProtoSource::DescriptorSet, u"descriptor-set"}};

inline constexpr Name<GrpcTransport> kGrpcTransports[] = {{GrpcTransport::Grpc, u"grpc"},
                                                          {GrpcTransport::GrpcWeb, u"grpc-web"},
                                                          {GrpcTransport::GrpcWebText, u"grpc-web-text"}};

template <typename Enum, std::size_t N> QString nameOf(const Name<Enum> (&table)[N], Enum value) {
    for (const auto &entry : table) {
        if (entry.value == value)
            return QString::fromUtf16(entry.text);
    }
    return {};
}

template <typename Enum, std::size_t N> std::optional<Enum> valueOf(const Name<Enum> (&table)[N], QStringView text) {
    for (const auto &entry : table) {
        if (text == QStringView(entry.text))
            return entry.value;
    }
    return std::nullopt;
}

// "none, json, raw, …" for a message that lists what is allowed.
template <typename Enum, std::size_t N> QString allNames(const Name<Enum> (&table)[N]) {
    QStringList names;
    for (const auto &entry : table)
        names.append(QString::fromUtf16(entry.text));
    return names.join(QStringLiteral(", "));
}

} // namespace triptych::workspace::formatnames
