#pragma once

#include "app/client/callrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace triptych::testing {

// Answers of each style for checks to judge: rest, grpc, grpcError, graphql, graphqlErrors, stream, refused.
client::CallRecord checkFixture(const QString &name);

struct CheckRow {
    const char *name;
    QString record;   // a checkFixture name
    QByteArray entry; // one `checks:` entry as JSON
    bool passed;
    QString message; // a part of CheckResult::message()
};
QList<CheckRow> checkRows();

struct CaptureRow {
    const char *name;
    QString record;
    QByteArray entry;
    bool ok;
    QString value; // the value, or a part of the error
};
QList<CaptureRow> captureRows();

} // namespace triptych::testing
