// Names of the order enums, as stored and exchanged.

#include "domain/court_order/order.h"

#include <array>
#include <utility>

namespace vigil::domain::court_order {
namespace {

constexpr std::array<std::pair<OrderStage, std::string_view>, 2> kOrderStageNames = {{
    {OrderStage::kFull, "full"},
    {OrderStage::kInterim, "interim"},
}};

constexpr std::array<std::pair<OrderStatus, std::string_view>, 12> kOrderStatusNames = {{
    {OrderStatus::kNone, "none"},
    {OrderStatus::kConsidered, "considered"},
    {OrderStatus::kNotApplied, "not_applied"},
    {OrderStatus::kApplied, "applied"},
    {OrderStatus::kHearingListed, "hearing_listed"},
    {OrderStatus::kMade, "made"},
    {OrderStatus::kRefused, "refused"},
    {OrderStatus::kWithdrawn, "withdrawn"},
    {OrderStatus::kServed, "served"},
    {OrderStatus::kDischarged, "discharged"},
    {OrderStatus::kQuashed, "quashed"},
    {OrderStatus::kSuperseded, "superseded"},
}};

constexpr std::array<std::pair<OrderEventKind, std::string_view>, 19> kOrderEventKindNames = {{
    {OrderEventKind::kConsidered, "considered"},
    {OrderEventKind::kDecidedNotToApply, "decided_not_to_apply"},
    {OrderEventKind::kReconsidered, "reconsidered"},
    {OrderEventKind::kApplied, "applied"},
    {OrderEventKind::kHearingListed, "hearing_listed"},
    {OrderEventKind::kMade, "made"},
    {OrderEventKind::kRefused, "refused"},
    {OrderEventKind::kWithdrawn, "withdrawn"},
    {OrderEventKind::kServed, "served"},
    {OrderEventKind::kNotificationGiven, "notification_given"},
    {OrderEventKind::kChangeLearned, "change_learned"},
    {OrderEventKind::kVaried, "varied"},
    {OrderEventKind::kRenewed, "renewed"},
    {OrderEventKind::kBreachRecorded, "breach_recorded"},
    {OrderEventKind::kDischarged, "discharged"},
    {OrderEventKind::kAppealLodged, "appeal_lodged"},
    {OrderEventKind::kAppealDismissed, "appeal_dismissed"},
    {OrderEventKind::kAppealAllowed, "appeal_allowed"},
    {OrderEventKind::kSuperseded, "superseded"},
}};

constexpr std::array<std::pair<NotificationKind, std::string_view>, 3> kNotificationKindNames = {{
    {NotificationKind::kInitial, "initial"},
    {NotificationKind::kName, "name"},
    {NotificationKind::kAddress, "address"},
}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum value) {
  for (const auto& [item, name] : names) {
    if (item == value) return name;
  }
  return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> Parse(const std::array<std::pair<Enum, std::string_view>, N>& names,
                          std::string_view text) {
  for (const auto& [item, name] : names) {
    if (name == text) return item;
  }
  return std::nullopt;
}

}  // namespace

std::string_view OrderStageName(OrderStage value) { return NameOf(kOrderStageNames, value); }
std::optional<OrderStage> ParseOrderStage(std::string_view name) {
  return Parse(kOrderStageNames, name);
}
std::string_view OrderStatusName(OrderStatus value) { return NameOf(kOrderStatusNames, value); }
std::optional<OrderStatus> ParseOrderStatus(std::string_view name) {
  return Parse(kOrderStatusNames, name);
}
std::string_view OrderEventKindName(OrderEventKind value) {
  return NameOf(kOrderEventKindNames, value);
}
std::optional<OrderEventKind> ParseOrderEventKind(std::string_view name) {
  return Parse(kOrderEventKindNames, name);
}
std::string_view NotificationKindName(NotificationKind value) {
  return NameOf(kNotificationKindNames, value);
}
std::optional<NotificationKind> ParseNotificationKind(std::string_view name) {
  return Parse(kNotificationKindNames, name);
}

}  // namespace vigil::domain::court_order
