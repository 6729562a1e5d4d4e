// What is due on court orders and cases: orders expiring soon, interim
// orders without a full hearing date, notifications overdue, tasks
// overdue (`vigil due`), and the order data returns (counts by period and
// force).

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "domain/court_order/order_dates.h"
#include "services/audit_trail.h"
#include "services/services.h"

namespace vigil::services {

namespace co = domain::court_order;
using internal::AuthorizeRead;
using storage::TransactionMode;

namespace {

constexpr int kBatch = 500;

// Every order matching `query`, page by page.
core::Result<std::vector<co::Order>> AllOrders(storage::Transaction& transaction,
                                               storage::OrderQuery query) {
  std::vector<co::Order> orders;
  query.limit = kBatch;
  while (true) {
    VIGIL_ASSIGN_OR_RETURN(std::vector<co::Order> page, transaction.ListOrders(query));
    bool last = page.size() < static_cast<std::size_t>(kBatch);
    if (!page.empty()) query.after = page.back().id;
    for (co::Order& order : page) orders.push_back(std::move(order));
    if (last) break;
  }
  return orders;
}

}  // namespace

core::Result<DueList> Services::Due(const Caller& caller, std::optional<std::string> force) {
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, force));
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "order.due", "order", 0, force.value_or(""), clock_.Now()));
  std::shared_ptr<const co::OrderConfig> config = order_config_;
  DueList due;
  due.today = clock_.Today();
  due.windows = config->expiry_reminders_days;
  int widest = due.windows.empty() ? 0 : due.windows.back();
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  storage::OrderQuery served;
  served.force = force;
  served.status = co::OrderStatus::kServed;
  VIGIL_ASSIGN_OR_RETURN(std::vector<co::Order> orders, AllOrders(*transaction, served));
  for (const co::Order& order : orders) {
    if (!co::InForceOn(order, due.today)) continue;
    if (order.expires_on) {
      int days_left = co::DaysBetween(due.today, *order.expires_on);
      if (days_left <= widest) {
        int window = widest;
        for (int candidate : due.windows) {
          if (days_left <= candidate) {
            window = candidate;
            break;
          }
        }
        due.expiring.push_back({order, days_left, window});
      }
    }
    if (order.stage == co::OrderStage::kInterim) {
      core::Result<co::Order> main = transaction->GetOrder(order.main_order);
      VIGIL_RETURN_IF_ERROR(main.status());
      if (!main->hearing_date) due.interim_without_hearing.push_back({order, *main});
    }
    const co::OrderType* type = config->FindType(order.order_type);
    if (type == nullptr) continue;
    // A full order replacing a served interim one owes no initial
    // notification (whatever the interim order's status now).
    bool replaces = false;
    if (order.stage == co::OrderStage::kFull && type->notification.not_again_after_interim) {
      storage::OrderQuery interims;
      interims.main_order = order.id;
      interims.limit = 1000;
      VIGIL_ASSIGN_OR_RETURN(std::vector<co::Order> found, transaction->ListOrders(interims));
      replaces = std::any_of(found.begin(), found.end(), [](const co::Order& interim) {
        return interim.served_on.has_value();
      });
    }
    for (const co::NotificationDuty& duty :
         co::NotificationDuties(order, *type, replaces, due.today)) {
      if (duty.overdue) due.notifications_overdue.push_back({order, duty});
    }
  }
  std::sort(due.expiring.begin(), due.expiring.end(),
            [](const DueOrder& a, const DueOrder& b) { return a.days_left < b.days_left; });
  storage::TaskQuery open;
  open.open_only = true;
  open.limit = 1000;
  VIGIL_ASSIGN_OR_RETURN(std::vector<domain::Task> tasks, transaction->ListTasks(open));
  std::map<std::int64_t, std::string> case_forces;
  core::Timestamp now = clock_.Now();
  for (domain::Task& task : tasks) {
    if (!task.IsOverdue(now)) continue;
    auto found = case_forces.find(task.case_id.value);
    if (found == case_forces.end()) {
      VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(task.case_id));
      found = case_forces.emplace(task.case_id.value, value.force).first;
    }
    if (force && found->second != *force) continue;
    due.tasks_overdue.push_back(std::move(task));
  }
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return due;
}

core::Result<std::vector<OrderReturnRow>> Services::OrderReturns(const Caller& caller,
                                                                 core::Date from, core::Date to,
                                                                 std::optional<std::string> force) {
  if (to <= from) {
    return core::InvalidArgument("the period is empty",
                                 {{"to", "before_from", "must be after from"}});
  }
  VIGIL_RETURN_IF_ERROR(internal::ScopeSearch(caller, force));
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "order.returns", "order", 0, force.value_or(""), clock_.Now()));
  storage::OrderEventCountQuery query;
  query.from = from;
  query.to = to;
  query.force = force;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
  VIGIL_ASSIGN_OR_RETURN(std::vector<storage::OrderEventCount> counts,
                         transaction->CountOrderEvents(query));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  std::vector<OrderReturnRow> rows;
  for (const storage::OrderEventCount& count : counts) {
    std::string_view measure = OrderReturnMeasure(count.kind);
    if (measure.empty()) continue;
    OrderReturnRow row{count.period,         count.force,
                       count.order_type,     std::string(co::OrderStageName(count.stage)),
                       std::string(measure), count.count};
    auto same = [&row](const OrderReturnRow& other) {
      return other.period == row.period && other.force == row.force &&
             other.order_type == row.order_type && other.stage == row.stage &&
             other.measure == row.measure;
    };
    auto existing = std::find_if(rows.begin(), rows.end(), same);
    if (existing != rows.end()) {
      existing->count += row.count;
    } else {
      rows.push_back(std::move(row));
    }
  }
  std::sort(rows.begin(), rows.end(), [](const OrderReturnRow& a, const OrderReturnRow& b) {
    return std::tie(a.period, a.force, a.order_type, a.stage, a.measure) <
           std::tie(b.period, b.force, b.order_type, b.stage, b.measure);
  });
  return rows;
}

std::string_view OrderReturnMeasure(co::OrderEventKind kind) {
  switch (kind) {
    case co::OrderEventKind::kApplied:
      return "applications";
    case co::OrderEventKind::kMade:
      return "grants";
    case co::OrderEventKind::kRefused:
      return "refusals";
    case co::OrderEventKind::kVaried:
      return "variations";
    case co::OrderEventKind::kRenewed:
      return "renewals";
    case co::OrderEventKind::kDischarged:
      return "discharges";
    case co::OrderEventKind::kAppealLodged:
      return "appeals";
    case co::OrderEventKind::kBreachRecorded:
      return "breaches";
    default:
      return "";
  }
}

}  // namespace vigil::services
