#pragma once

#include <QString>
#include <QStringList>

// The sample workspace the app ships (resources/sample-workspace/, compiled in): the comparison questions as saved
// requests in all three styles, with a local and a staging environment. A person gets a copy of their own to change,
// by default in ~/Documents/Triptych samples (docs/workspace.md).
namespace triptych::session::sampleworkspace {

// The files of the sample, as paths relative to its root.
QStringList files();

// <Documents>/Triptych samples: where File ▸ Open the sample workspace puts its copy.
QString defaultFolder();

// Copies the sample into `folder`, which must not exist or be empty; false with `error` otherwise. The copies are
// plain files the person owns (the compiled-in ones are read-only).
bool copyTo(const QString &folder, QString *error = nullptr);

// The folder to open the sample from: `preferred` when it already holds a workspace (a copy made before, with the
// person's changes) or is missing or empty — then the sample is copied there; else "<preferred> 2", "… 3" …
// Empty with `error` when no copy could be made.
QString openOrCopy(const QString &preferred, QString *error = nullptr);

} // namespace triptych::session::sampleworkspace
