#pragma once

#include "app/client/callrecord.h"
#include "app/client/grpcschema.h"
#include "app/client/grpctls.h"
#include "app/client/resultrelay.h"

#include <QObject>

namespace triptych::client {

// Where and how to ask a server for its descriptors.
struct ReflectionRequest {
    QString target; // host:port
    GrpcTlsSettings tls;
    HeaderList metadata; // sent with the reflection call, e.g. credentials
    int deadlineMs = 10'000;
};

// Loads a server's descriptors by gRPC server reflection: grpc.reflection.v1 first, v1alpha when the server does not
// know v1 (gRPC 1.51 serves only v1alpha). The reflection messages are parsed at run time from the embedded
// reflection.proto, so this never clashes with a server's grpc++_reflection in the same binary.
class GrpcReflection : public QObject {
    Q_OBJECT
public:
    explicit GrpcReflection(QObject *parent = nullptr);
    ~GrpcReflection() override;

    void load(const ReflectionRequest &request);

Q_SIGNALS:
    // version is "v1" or "v1alpha".
    void schemaLoaded(const triptych::client::GrpcSchemaPtr &schema, const QString &version);
    void loadFailed(const triptych::client::CallError &error);

private:
    void start(const ReflectionRequest &request, bool alpha);

    ResultRelayPtr m_relay;
    quint64 m_generation = 0; // a newer load() drops the older one's result
};

} // namespace triptych::client

Q_DECLARE_METATYPE(triptych::client::GrpcSchemaPtr)
