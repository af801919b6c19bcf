#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace triptych::client {

// One certificate the peer sent, as the Certificate section shows it.
struct PeerCertificate {
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QStringList subjectAltNames; // "DNS:localhost", "IP:127.0.0.1"
    QByteArray pem;
};

// What a call learned about its TLS session; empty (secured false) for plaintext.
struct TlsInfo {
    bool secured = false;
    QString protocol;             // "TLSv1.3"; empty when the transport does not tell
    QString cipher;               // "TLS_AES_256_GCM_SHA384"; empty when the transport does not tell
    bool verified = true;         // false: verification was switched off for this call
    bool sessionReused = false;   // the handshake happened on an earlier call of the same connection or channel
    QList<PeerCertificate> chain; // leaf first
    QString note;                 // what is missing and why, e.g. "gRPC 1.51 does not report the cipher"
    // What else the transport tells about the session, by its own names (gRPC's auth context: security_level, …).
    QList<QPair<QString, QString>> properties;
};

// Every certificate in PEM text (one or more blocks), leaf first as sent.
QList<PeerCertificate> certificatesFromPem(const QByteArray &pem);
QJsonObject toJson(const TlsInfo &tls);

} // namespace triptych::client
