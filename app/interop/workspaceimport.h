#pragma once

#include "app/interop/importformat.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

// An import into a workspace (docs/interop.md), for File ▸ Import… and `triptych-cli import`: a file read by the
// importers and written into a new collection folder of a workspace — never over an existing file: a name already
// taken gets " 2", " 3" … — with its variables and environments. A plain function of files, so the window runs it on
// a worker thread.
namespace triptych::interop {

struct ImportSummary {
    QString file;
    QString format;           // "postman", "openapi", … (importformat.h)
    QString collection;       // the new folder, relative to the workspace; empty when no request came in
    QStringList requests;     // "REST     Orders/List orders.rest.yaml", one per written file
    QStringList environments; // the names written under environments/
    QStringList skipped;      // every finding of the importer: what was skipped or changed, and why
    QString error;            // nothing, or part, was written: why
    bool ok() const { return error.isEmpty(); }
};

// What to do when `root` is not a workspace yet: refuse, or (the CLI's `--into`) make one there when the folder is
// new or empty — only once the file has been read, so a refused import leaves nothing behind.
enum class NewWorkspace { Refuse, CreateWhenEmpty };

// How a caller on another thread follows and stops an import (the window's progress dialog). `progress` is called on
// the importing thread: (files written, files to write), first with 0 once the input is read. `cancel` is looked at
// before each file: a cancelled import stops there and says what it had written.
struct ImportControl {
    const std::atomic_bool *cancel = nullptr;
    std::function<void(qsizetype done, qsizetype total)> progress;
    bool cancelled() const { return cancel && cancel->load(); }
};

// Reads `file` — a path, or an http(s) URL (urlimport.h) — (format detected when none is given) and writes it into
// the workspace at `root`. Thread-safe: it opens a Workspace of its own on `root`; the window's own copy sees the new
// files on its next rescan.
ImportSummary importIntoWorkspace(const QString &file, const QString &root,
                                  std::optional<ImportFormat> format = std::nullopt,
                                  NewWorkspace newWorkspace = NewWorkspace::Refuse, const ImportControl &control = {});

} // namespace triptych::interop
