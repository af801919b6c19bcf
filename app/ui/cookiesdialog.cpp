#include "app/ui/cookiesdialog.h"

#include "app/model/cookiemodel.h"
#include "app/session/environmentcookies.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace triptych::ui {

CookiesDialog::CookiesDialog(session::EnvironmentCookies *cookies, const QString &environment, QWidget *parent)
    : QDialog(parent)
    , m_cookies(cookies)
    , m_model(new model::CookieModel(this))
    , m_table(new QTableView(this))
    , m_where(new QLabel(this)) {
    setWindowTitle(tr("Cookies — %1").arg(environment));
    resize(760, 360);
    const QString file = cookies->filePath();
    m_where->setText(file.isEmpty() ? tr("The cookies of environment “%1”, kept until the app ends (open a workspace "
                                         "to keep them in a file).")
                                          .arg(environment)
                                    : tr("The cookies of environment “%1”, kept in %2.").arg(environment, file));
    m_where->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *add = buttons->addButton(tr("&Add"), QDialogButtonBox::ActionRole);
    auto *remove = buttons->addButton(tr("&Delete"), QDialogButtonBox::ActionRole);
    auto *clear = buttons->addButton(tr("C&lear all"), QDialogButtonBox::ActionRole);
    connect(add, &QPushButton::clicked, this, &CookiesDialog::addCookie);
    connect(remove, &QPushButton::clicked, this, &CookiesDialog::deleteSelected);
    connect(clear, &QPushButton::clicked, this, &CookiesDialog::clearAll);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_where);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    connect(m_model, &model::CookieModel::cookiesEdited, this, [this] { m_cookies->replace(m_model->cookies()); });
    connect(m_cookies, &session::EnvironmentCookies::cookiesChanged, this, [this](const QList<client::Cookie> &jar) {
        if (jar != m_model->cookies())
            m_model->setCookies(jar);
    });
    m_cookies->refresh();
}

void CookiesDialog::addCookie() {
    const int row = m_model->addCookie(QStringLiteral("127.0.0.1"));
    const QModelIndex name = m_model->index(row, model::CookieModel::Name);
    m_table->setCurrentIndex(name);
    m_table->edit(name);
}

void CookiesDialog::deleteSelected() {
    const auto rows = m_table->selectionModel()->selectedRows();
    QList<int> numbers;
    for (const auto &index : rows)
        numbers.append(index.row());
    std::sort(numbers.rbegin(), numbers.rend()); // from the bottom, so the rows above keep their numbers
    for (const int row : numbers)
        m_model->removeCookie(row);
}

void CookiesDialog::clearAll() {
    m_model->setCookies({});
    m_cookies->replace({});
}

} // namespace triptych::ui
