#include "app/ui/panefile.h"

#include "app/ui/composerpane.h"
#include "app/ui/responseview.h"
#include "app/workspace/documentformat.h"
#include "app/workspace/workspacepaths.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace triptych::ui {

namespace {
bool isInside(const QObject *object, const QObject *container) {
    for (; object; object = object->parent()) {
        if (object == container)
            return true;
    }
    return false;
}
} // namespace

PaneFile::PaneFile(ComposerPane *pane)
    : QObject(pane)
    , m_pane(pane)
    , m_style(pane->title()->text())
    , m_titleTip(pane->title()->toolTip()) {
    m_check.setSingleShot(true);
    m_check.setInterval(0);
    connect(&m_check, &QTimer::timeout, this, &PaneFile::check);
    watchEditors();
}

void PaneFile::watchEditors() {
    // Every editor of the composer, whatever its kind: the comparison of documents tells a real change.
    const QObject *response = m_pane->responseView();
    const auto edited = [this] {
        if (m_attached)
            m_check.start();
    };
    for (auto *edit : m_pane->findChildren<QLineEdit *>()) {
        if (!isInside(edit, response))
            connect(edit, &QLineEdit::textChanged, this, edited);
    }
    for (auto *editor : m_pane->findChildren<QPlainTextEdit *>()) {
        if (!isInside(editor, response))
            connect(editor, &QPlainTextEdit::textChanged, this, edited);
    }
    for (auto *box : m_pane->findChildren<QComboBox *>()) {
        if (!isInside(box, response))
            connect(box, &QComboBox::currentTextChanged, this, edited);
    }
    for (auto *spin : m_pane->findChildren<QSpinBox *>()) {
        if (!isInside(spin, response))
            connect(spin, &QSpinBox::valueChanged, this, edited);
    }
    for (auto *button : m_pane->findChildren<QAbstractButton *>()) {
        if (!isInside(button, response) && button->isCheckable())
            connect(button, &QAbstractButton::toggled, this, edited);
    }
    for (auto *model : m_pane->findChildren<QAbstractItemModel *>()) {
        if (isInside(model, response))
            continue;
        connect(model, &QAbstractItemModel::dataChanged, this, edited);
        connect(model, &QAbstractItemModel::rowsInserted, this, edited);
        connect(model, &QAbstractItemModel::rowsRemoved, this, edited);
        connect(model, &QAbstractItemModel::modelReset, this, edited);
    }
}

void PaneFile::open(const QString &path, const workspace::RequestDocument &document, const QByteArray &hash) {
    m_pane->loadDocument(document);
    m_check.stop();
    m_attached = true;
    m_path = path;
    m_hash = hash;
    // The baseline is the pane's view of the document, so a field the pane writes in its own way is no change.
    m_saved = m_pane->toDocument();
    m_saved.name = document.name;
    setDirty(path.isEmpty());
    updateTitle();
}

void PaneFile::saved(const QString &path, const workspace::RequestDocument &document, const QByteArray &hash) {
    m_attached = true;
    m_path = path;
    m_hash = hash;
    m_saved = document;
    check();
    updateTitle();
}

void PaneFile::detach() {
    m_check.stop();
    m_attached = false;
    m_path.clear();
    m_hash.clear();
    m_saved = {};
    setDirty(false);
    updateTitle();
}

void PaneFile::setPath(const QString &path) {
    m_path = path;
    if (!path.isEmpty())
        m_saved.name = workspace::requestNameOfFileName(workspace::paths::lastPart(path));
    check();
    updateTitle();
}

void PaneFile::check() {
    m_check.stop();
    if (!m_attached)
        return;
    workspace::RequestDocument now = m_pane->toDocument();
    now.name = m_saved.name;
    setDirty(m_path.isEmpty() || now != m_saved);
}

void PaneFile::setDirty(bool dirty) {
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    updateTitle();
    Q_EMIT dirtyChanged(dirty);
}

void PaneFile::updateTitle() {
    QString title = m_style;
    if (m_attached)
        title += QStringLiteral(" — ") + (m_saved.name.isEmpty() ? tr("new request") : m_saved.name);
    if (m_attached && m_dirty)
        title += QStringLiteral(" ●");
    m_pane->title()->setText(title);
    m_pane->title()->setToolTip(m_path.isEmpty() ? m_titleTip : m_path + QLatin1Char('\n') + m_titleTip);
}

} // namespace triptych::ui
