#pragma once

#include "app/session/buildinfo.h"

#include <QDialog>

namespace triptych::ui {

// Help ▸ About: Triptych's version, the versions of Qt, gRPC, Protobuf, libcurl and SQLite it runs on (and was built
// with, when they differ), the licence and the homepage; "Copy" puts the same as text on the clipboard for a bug
// report.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(session::BuildInfo info, QWidget *parent = nullptr);

    const session::BuildInfo &buildInfo() const { return m_info; }

private:
    void onCopy();

    session::BuildInfo m_info;
};

} // namespace triptych::ui
