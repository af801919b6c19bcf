#pragma once

#include <QAbstractItemModel>
#include <QList>
#include <QString>

namespace triptych::model {

struct MethodInfo {
    QString name;     // "GetUser"
    QString fullName; // "orders.v1.OrderService/GetUser"
    bool clientStreaming = false;
    bool serverStreaming = false;
};

struct ServiceInfo {
    QString name; // "orders.v1.OrderService"
    QList<MethodInfo> methods;
};

// gRPC services and their methods, as reflection or .proto files describe them; a method row says its kind.
class MethodTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role { FullNameRole = Qt::UserRole + 1 };

    explicit MethodTreeModel(QObject *parent = nullptr);

    void setServices(const QList<ServiceInfo> &services);
    // The index of a method by its full name, or invalid.
    QModelIndex findMethod(const QString &fullName) const;
    static QString kindName(const MethodInfo &method);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<ServiceInfo> m_services;
};

} // namespace triptych::model
