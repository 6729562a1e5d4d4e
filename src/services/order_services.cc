// Court order use cases: record an order and its events, view an order
// with its notification duties, list a case's orders.

#include "core/check.h"
#include "core/time.h"
#include "domain/court_order/lifecycle.h"
#include "services/audit_trail.h"
#include "services/order_support.h"
#include "services/services.h"

namespace vigil::services {

namespace co = domain::court_order;
using internal::Authorize;
using internal::AuthorizeRead;
using internal::CheckVersion;
using storage::TransactionMode;

namespace internal {

std::shared_ptr<const co::OrderConfig> DefaultOrderConfigOrDie() {
  static const std::shared_ptr<const co::OrderConfig> config = [] {
    core::Result<co::OrderConfig> parsed = co::DefaultOrderConfig();
    VIGIL_CHECK(parsed.ok()) << "the embedded order config is broken: " << parsed.status();
    return std::make_shared<const co::OrderConfig>(std::move(parsed).value());
  }();
  return config;
}

}  // namespace internal

namespace {

// The action id of the task a breach creates.
constexpr std::string_view kBreachReviewAction = "order_breach_review";

// The orders whose main order is `id`.
core::Result<std::vector<co::Order>> InterimOrders(storage::Transaction& transaction,
                                                   co::OrderId id) {
  storage::OrderQuery query;
  query.main_order = id;
  query.limit = 1000;
  return transaction.ListOrders(query);
}

// An interim order's main order: a full order of the same type, case and
// respondent, applied for and not yet decided.
core::Status CheckMainOrder(storage::Transaction& transaction, const co::Order& interim) {
  core::Result<co::Order> main = transaction.GetOrder(interim.main_order);
  if (!main.ok() && main.status().code() == core::StatusCode::kNotFound) {
    return core::InvalidArgument("the main order does not exist",
                                 {{"main_order", "not_found", "there is no such order"}});
  }
  VIGIL_RETURN_IF_ERROR(main.status());
  core::ErrorCollector errors;
  if (main->stage != co::OrderStage::kFull || main->order_type != interim.order_type ||
      main->case_id != interim.case_id || main->respondent != interim.respondent) {
    errors.Add("main_order", "mismatch",
               "must be a full order of the same type, case and respondent");
  } else if (main->status != co::OrderStatus::kApplied &&
             main->status != co::OrderStatus::kHearingListed) {
    errors.Add("main_order", "not_pending",
               "an interim order is applied for with, or after, a main application not yet "
               "decided (the main order is " +
                   std::string(co::OrderStatusName(main->status)) + ")");
  }
  return errors.ToStatus("the interim order is invalid");
}

// For a breach: the report exists in the order's force and is (or is put)
// in the order's case.
core::Status LinkBreachReport(storage::Transaction& transaction, const co::Order& order,
                              domain::ReportId report_id, core::Timestamp now) {
  core::Result<domain::Report> report = transaction.GetReport(report_id);
  if (!report.ok() && report.status().code() == core::StatusCode::kNotFound) {
    return core::InvalidArgument("the breach report does not exist",
                                 {{"report_id", "not_found", "there is no such report"}});
  }
  VIGIL_RETURN_IF_ERROR(report.status());
  if (report->force != order.force) {
    return core::InvalidArgument("the breach report belongs to another force",
                                 {{"report_id", "other_force", "belongs to another force"}});
  }
  if (report->case_id && *report->case_id != order.case_id) {
    return core::InvalidArgument(
        "the breach report is in another case",
        {{"report_id", "other_case", "is in case " + report->case_id->ToString()}});
  }
  if (!report->case_id) {
    report->case_id = order.case_id;
    report->updated_at = now;
    VIGIL_RETURN_IF_ERROR(transaction.UpdateReport(*report));
  }
  return core::Status::Ok();
}

// A breach raises the case's risk: a note on the case saying so, and a task
// for the case's owner (or its supervisors when it has none) to review the
// risk within a day.
core::Status RaiseRiskForBreach(storage::Transaction& transaction, const Caller& caller,
                                const co::Order& order, const co::OrderType& type,
                                domain::ReportId report_id, core::Timestamp now) {
  VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction.GetCase(order.case_id));
  const co::OrderEvent& breach = order.history.back();
  domain::Note note;
  note.case_id = order.case_id;
  note.author = caller.actor.user_id;
  note.created_at = now;
  note.text = "Breach of " + type.label + " (order " + order.id.ToString() + ") on " +
              core::FormatDateLong(breach.on) + ", recorded in report " + report_id.ToString() +
              ". Offence: " + type.breach_offence.label +
              (type.breach_offence.code.empty() ? "" : " (" + type.breach_offence.code + ")") +
              (type.breach_offence.verified ? "" : " [offence code unverified]") +
              ". The risk to the protected persons is raised: review the risk assessment.";
  VIGIL_RETURN_IF_ERROR(transaction.InsertNote(note));
  domain::Task task;
  task.case_id = order.case_id;
  task.text = "Review the risk after the breach of order " + order.id.ToString() + " (report " +
              report_id.ToString() + ")";
  if (value.owner.empty()) {
    task.owner_role = "supervisor";
  } else {
    task.owner = value.owner;
  }
  task.due_at = now + std::chrono::hours(24);
  task.action_id = std::string(kBreachReviewAction);
  task.created_at = now;
  task.updated_at = now;
  return transaction.InsertTask(task);
}

bool Decides(co::OrderEventKind kind) {
  return kind == co::OrderEventKind::kMade || kind == co::OrderEventKind::kRefused ||
         kind == co::OrderEventKind::kWithdrawn;
}

}  // namespace

void Services::SetOrderConfig(std::shared_ptr<const co::OrderConfig> config) {
  VIGIL_CHECK(config != nullptr);
  order_config_ = std::move(config);
}

core::Result<co::Order> Services::CreateOrder(const Caller& caller, co::Order order,
                                              co::OrderEvent first) {
  core::Timestamp now = clock_.Now();
  std::shared_ptr<const co::OrderConfig> config = order_config_;
  if (order.force.empty()) order.force = caller.actor.force;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "order.create", "order", 0, order.force, now));
  VIGIL_RETURN_IF_ERROR(co::ValidateNewOrder(order, *config, lookups_));
  core::Result<domain::Case> value = transaction->GetCase(order.case_id);
  if (!value.ok() && value.status().code() == core::StatusCode::kNotFound) {
    return core::InvalidArgument("the case does not exist",
                                 {{"case_id", "not_found", "there is no such case"}});
  }
  VIGIL_RETURN_IF_ERROR(value.status());
  if (value->force != order.force) {
    return core::InvalidArgument("the case belongs to another force",
                                 {{"case_id", "other_force", "belongs to another force"}});
  }
  if (order.stage == co::OrderStage::kInterim) {
    VIGIL_RETURN_IF_ERROR(CheckMainOrder(*transaction, order));
  }
  if (first.kind != co::OrderEventKind::kConsidered && first.kind != co::OrderEventKind::kApplied) {
    return core::InvalidArgument("an order starts by being considered or applied for",
                                 {{"event.kind", "invalid", "must be considered or applied"}});
  }
  first.recorded_by = caller.actor.user_id;
  order.created_at = now;
  VIGIL_RETURN_IF_ERROR(co::ApplyOrderEvent(order, std::move(first), *config, clock_));
  VIGIL_RETURN_IF_ERROR(transaction->InsertOrder(order));
  domain::AuditEvent event =
      internal::MakeAuditEvent(caller, "order.created", "order", order.id.value, "done", now);
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(event));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return order;
}

core::Result<co::Order> Services::RecordOrderEvent(const Caller& caller, co::OrderId id,
                                                   std::int64_t expected_version,
                                                   co::OrderEvent event) {
  core::Timestamp now = clock_.Now();
  std::shared_ptr<const co::OrderConfig> config = order_config_;
  VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kWrite));
  VIGIL_ASSIGN_OR_RETURN(co::Order order, transaction->GetOrder(id));
  VIGIL_RETURN_IF_ERROR(
      Authorize(*transaction, caller, "order.record_event", "order", id.value, order.force, now));
  VIGIL_RETURN_IF_ERROR(CheckVersion("order", expected_version, order.version));
  event.recorded_by = caller.actor.user_id;
  co::OrderEventKind kind = event.kind;
  domain::ReportId breach_report = event.report_id;
  VIGIL_RETURN_IF_ERROR(co::ApplyOrderEvent(order, std::move(event), *config, clock_));
  if (kind == co::OrderEventKind::kBreachRecorded) {
    VIGIL_RETURN_IF_ERROR(LinkBreachReport(*transaction, order, breach_report, now));
    VIGIL_RETURN_IF_ERROR(RaiseRiskForBreach(
        *transaction, caller, order, *config->FindType(order.order_type), breach_report, now));
  }
  VIGIL_RETURN_IF_ERROR(transaction->UpdateOrder(order));
  // The decision on the main application ends its interim orders.
  if (order.stage == co::OrderStage::kFull && Decides(kind)) {
    VIGIL_ASSIGN_OR_RETURN(std::vector<co::Order> interims, InterimOrders(*transaction, id));
    for (co::Order& interim : interims) {
      if (interim.status != co::OrderStatus::kMade && interim.status != co::OrderStatus::kServed) {
        continue;
      }
      co::OrderEvent superseded;
      superseded.kind = co::OrderEventKind::kSuperseded;
      superseded.on = order.history.back().on;
      superseded.recorded_by = caller.actor.user_id;
      superseded.reasons = "The main application (order " + id.ToString() + ") was " +
                           std::string(co::OrderStatusName(order.status));
      VIGIL_RETURN_IF_ERROR(co::ApplyOrderEvent(interim, superseded, *config, clock_));
      VIGIL_RETURN_IF_ERROR(transaction->UpdateOrder(interim));
      domain::AuditEvent ended = internal::MakeAuditEvent(caller, "order.superseded", "order",
                                                          interim.id.value, "done", now);
      VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(ended));
    }
  }
  domain::AuditEvent audit = internal::MakeAuditEvent(
      caller, "order." + std::string(co::OrderEventKindName(kind)), "order", id.value, "done", now);
  VIGIL_RETURN_IF_ERROR(transaction->AppendAudit(audit));
  VIGIL_RETURN_IF_ERROR(transaction->Commit());
  return order;
}

core::Result<OrderDetail> Services::GetOrder(const Caller& caller, co::OrderId id) {
  std::shared_ptr<const co::OrderConfig> config = order_config_;
  OrderDetail detail;
  std::vector<co::Order> interims;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(detail.order, transaction->GetOrder(id));
    VIGIL_ASSIGN_OR_RETURN(interims, InterimOrders(*transaction, id));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(AuthorizeRead(store_, caller, "order.view", "order", id.value,
                                      detail.order.force, clock_.Now()));
  core::Date today = clock_.Today();
  detail.in_force = co::InForceOn(detail.order, today);
  bool replaces_served_interim = false;
  for (const co::Order& interim : interims) {
    detail.interim_orders.push_back(interim.id);
    if (interim.served_on) replaces_served_interim = true;
  }
  if (const co::OrderType* type = config->FindType(detail.order.order_type)) {
    detail.notifications =
        co::NotificationDuties(detail.order, *type, replaces_served_interim, today);
  }
  return detail;
}

core::Result<std::vector<co::Order>> Services::ListCaseOrders(const Caller& caller,
                                                              domain::CaseId case_id) {
  std::vector<co::Order> orders;
  std::string force;
  {
    VIGIL_ASSIGN_OR_RETURN(auto transaction, store_.Begin(TransactionMode::kRead));
    VIGIL_ASSIGN_OR_RETURN(domain::Case value, transaction->GetCase(case_id));
    force = value.force;
    storage::OrderQuery query;
    query.case_id = case_id;
    query.limit = 1000;
    VIGIL_ASSIGN_OR_RETURN(orders, transaction->ListOrders(query));
    VIGIL_RETURN_IF_ERROR(transaction->Commit());
  }
  VIGIL_RETURN_IF_ERROR(
      AuthorizeRead(store_, caller, "order.search", "case", case_id.value, force, clock_.Now()));
  return orders;
}

}  // namespace vigil::services
