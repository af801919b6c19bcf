#pragma once

#include <QHash>
#include <QString>

// The curl options the importer knows (curlimport.cpp): the long name, the short letter and whether a value follows.
namespace triptych::interop::curloptions {

enum class Option {
    Url,
    Request,
    Header,
    Data,
    DataRaw,
    DataBinary,
    DataUrlEncode,
    Json,
    Form,
    FormString,
    User,
    Cookie,
    UserAgent,
    Referer,
    Get,
    Head,
    Location,
    Insecure,
    Compressed,
    Http11,
    Http2,
    Http2PriorKnowledge,
    Proxy,
    CaCert,
    Cert,
    Key,
    MaxTime,
    UrlQuery,
    OAuth2Bearer,
    UploadFile,
    OutputOnly,  // changes only what curl prints or where it writes
    NoEffect,    // changes nothing Triptych sends differently (curl defaults Triptych shares)
    Unsupported, // changes what is sent in a way a request document cannot hold
};

struct Spec {
    Option option;
    bool takesValue;
};

// By long name ("--header") and short letter ("-H").
const QHash<QString, Spec> &table();

} // namespace triptych::interop::curloptions
