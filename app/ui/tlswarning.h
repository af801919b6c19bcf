#pragma once

#include <QCheckBox>

namespace triptych::ui {

// A "Skip TLS verification" box reads as a warning while it is on: red and bold, in every pane that has one.
inline void markAsTlsWarning(QCheckBox *box) {
    const auto restyle = [box](bool on) {
        box->setStyleSheet(on ? QStringLiteral("color: #c01c28; font-weight: bold;") : QString());
        box->setText(on ? QCheckBox::tr("Skip TLS verification — INSECURE: the server is not checked")
                        : QCheckBox::tr("Skip TLS verification"));
    };
    QObject::connect(box, &QCheckBox::toggled, box, restyle);
    restyle(box->isChecked());
}

} // namespace triptych::ui
