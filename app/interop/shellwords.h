#pragma once

#include <QString>
#include <QStringList>

// POSIX shell words as a pasted command line uses them: blanks split words; '…' keeps everything; "…" keeps all but
// \" \\ \$ \` and a backslash-newline; $'…' decodes C escapes (\n, \xHH, \u…); a backslash-newline joins lines. No
// expansion happens: a `$NAME` stays as written, and a pipe, `;` or `&&` ends the command with an error.
namespace triptych::interop {

struct ShellWords {
    QStringList words;
    QString error;  // empty when the text split cleanly
    int offset = 0; // where the error is, counting characters from 0
    bool ok() const { return error.isEmpty(); }
};

ShellWords splitShellWords(QStringView text);

// The word quoted so that a POSIX shell gives it back unchanged: as it is when it holds only safe characters,
// otherwise in single quotes.
QString quoteShellWord(const QString &word);

} // namespace triptych::interop
