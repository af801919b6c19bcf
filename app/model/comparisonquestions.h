#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace triptych::model {

// One row of API-CONTRACT.md's "same question in three styles" table, as the app asks it.
struct ComparisonQuestion {
    QString title;
    QString notice; // one sentence: what to look at in the comparison strip

    QString restMethod;
    QString restPath; // relative to the server's base URL
    // N+1 over the network: after restPath lists users, ask GET /v1/users/{id}/orders for each of them.
    bool restOrdersPerUser = false;

    QString graphqlQuery;
    QString graphqlVariables; // JSON object or empty

    QString grpcMethod;  // "orders.v1.OrderService/GetUserOrders"
    QString grpcRequest; // JSON
    // No batch RPC exists: ask the method again for user_id 2..grpcUsers after the pane's call for user 1.
    int grpcUsers = 0;

    std::optional<bool> dataLoader; // the embedded server's GraphQL DataLoader switch this question needs
    bool streaming = false;         // the calls stay open until cancelled
};

// The comparison presets, in the order of the toolbar's picker and Alt+1 … Alt+5.
const QList<ComparisonQuestion> &comparisonQuestions();

} // namespace triptych::model
