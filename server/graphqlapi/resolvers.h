#pragma once

#include "server/domain/domain.h"
#include "server/graphql/execution/executor.h"

#include <memory>

namespace triptych::graphqlapi {

// Binds the contract's fields to OrderService calls (resolvers read a RequestContext from info.context).
void bindQueryFields(graphql::Schema &schema);
void bindMutationFields(graphql::Schema &schema);
void bindSubscriptionFields(graphql::Schema &schema);
void bindUserFields(graphql::Schema &schema);
void bindOrderFields(graphql::Schema &schema);
void bindConnectionFields(graphql::Schema &schema);

// How domain values travel through the executor.
graphql::ObjectRef userRef(std::shared_ptr<const User> user);
graphql::ObjectRef orderRef(std::shared_ptr<const Order> order);
// The first `first` orders (all when negative) as objects pointing into `orders`, which they keep alive.
graphql::Resolved orderList(std::shared_ptr<const std::vector<Order>> orders, int first);
graphql::Resolved userList(const std::vector<User> &users, int first);

// The opaque cursor of a users connection: base64url of "users:<id>"; 0 for none, nullopt when malformed.
std::string encodeUserCursor(UserId id);
std::optional<UserId> decodeUserCursor(std::string_view cursor);

// What the subscribe resolver of orderUpdates returns: the transport opens the EventBus stream for this user.
inline constexpr std::string_view kOrderStreamType = "OrderUpdatesStream";

} // namespace triptych::graphqlapi
