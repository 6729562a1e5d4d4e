#include "domain/court_order/lifecycle.h"

#include <gtest/gtest.h>

#include "domain/court_order/order_dates.h"
#include "domain/court_order/test_support.h"
#include "testing/test_lookups.h"

namespace vigil::domain::court_order {
namespace {

using testing::D;
using testing::Event;
using testing::Made;
using testing::MustApply;
using testing::NewOrder;

bool HasField(const core::Status& status, std::string_view field, std::string_view code = "") {
  for (const core::FieldError& error : status.field_errors()) {
    if (error.field == field && (code.empty() || error.code == code)) return true;
  }
  return false;
}

// Applies an event that must be rejected, and checks nothing changed.
core::Status Reject(Order& order, OrderEvent event, core::FakeClock& clock) {
  OrderStatus status = order.status;
  std::size_t events = order.history.size();
  std::vector<OrderTerm> terms = order.terms;
  std::optional<core::Date> expires_on = order.expires_on;
  bool appeal_pending = order.appeal_pending;
  core::Status result = ApplyOrderEvent(order, std::move(event), testing::Config(), clock);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(order.status, status);
  EXPECT_EQ(order.history.size(), events);
  EXPECT_EQ(order.terms, terms);
  EXPECT_EQ(order.expires_on, expires_on);
  EXPECT_EQ(order.appeal_pending, appeal_pending);
  return result;
}

class LifecycleTest : public ::testing::Test {
 protected:
  core::FakeClock clock_{testing::At("2025-03-03")};
};

TEST_F(LifecycleTest, TransitionTableHasNoDuplicatesAndEndsAreFinal) {
  for (std::size_t i = 0; i < kOrderTransitions.size(); ++i) {
    for (std::size_t j = i + 1; j < kOrderTransitions.size(); ++j) {
      EXPECT_FALSE(kOrderTransitions[i].from == kOrderTransitions[j].from &&
                   kOrderTransitions[i].kind == kOrderTransitions[j].kind)
          << i << " and " << j;
    }
  }
  static_assert(NextStatus(OrderStatus::kRefused, OrderEventKind::kServed) == std::nullopt);
  static_assert(NextStatus(OrderStatus::kMade, OrderEventKind::kServed) == OrderStatus::kServed);
  for (const OrderTransition& transition : kOrderTransitions) {
    EXPECT_NE(transition.from, OrderStatus::kDischarged);
    EXPECT_NE(transition.from, OrderStatus::kQuashed);
    EXPECT_NE(transition.from, OrderStatus::kSuperseded);
  }
  EXPECT_FALSE(NextStatus(OrderStatus::kDischarged, OrderEventKind::kBreachRecorded));
  EXPECT_FALSE(NextStatus(OrderStatus::kConsidered, OrderEventKind::kMade));
  EXPECT_FALSE(NextStatus(OrderStatus::kNone, OrderEventKind::kServed));
}

TEST_F(LifecycleTest, NamesRoundTrip) {
  for (const OrderTransition& transition : kOrderTransitions) {
    EXPECT_EQ(ParseOrderStatus(OrderStatusName(transition.to)), transition.to);
    EXPECT_EQ(ParseOrderEventKind(OrderEventKindName(transition.kind)), transition.kind);
  }
  EXPECT_EQ(ParseOrderStage("interim"), OrderStage::kInterim);
  EXPECT_EQ(ParseNotificationKind("address"), NotificationKind::kAddress);
  EXPECT_FALSE(ParseOrderEventKind("served_twice"));
}

TEST_F(LifecycleTest, NewOrderParticularsAreChecked) {
  const Lookups& lookups = vigil::testing::TestLookups();
  EXPECT_TRUE(ValidateNewOrder(NewOrder(), testing::Config(), lookups).ok());
  Order order = NewOrder("restraining_order_conviction", OrderStage::kInterim);
  order.force = "atlantis";
  order.case_id = CaseId();
  order.protected_persons = {PersonId(20), PersonId(22), PersonId(22)};
  core::Status status = ValidateNewOrder(order, testing::Config(), lookups);
  EXPECT_TRUE(HasField(status, "force", "unknown")) << status;
  EXPECT_TRUE(HasField(status, "case_id", "required")) << status;
  EXPECT_TRUE(HasField(status, "stage", "not_allowed")) << status;
  EXPECT_TRUE(HasField(status, "protected_persons[0]", "is_respondent")) << status;
  EXPECT_TRUE(HasField(status, "protected_persons[2]", "duplicate")) << status;
  Order unknown = NewOrder("injunction");
  unknown.protected_persons.clear();
  status = ValidateNewOrder(unknown, testing::Config(), lookups);
  EXPECT_TRUE(HasField(status, "order_type", "unknown")) << status;
  EXPECT_TRUE(HasField(status, "protected_persons", "required")) << status;
  Order interim = NewOrder("spo", OrderStage::kInterim);
  interim.main_order = OrderId();
  EXPECT_TRUE(HasField(ValidateNewOrder(interim, testing::Config(), lookups), "main_order"));
}

TEST_F(LifecycleTest, ConsideredAndNotAppliedNeedsReasons) {
  Order order = NewOrder();
  MustApply(order, Event(OrderEventKind::kConsidered, "2025-03-03"), clock_);
  EXPECT_EQ(order.status, OrderStatus::kConsidered);
  core::Status status =
      Reject(order, Event(OrderEventKind::kDecidedNotToApply, "2025-03-03"), clock_);
  EXPECT_TRUE(HasField(status, "reasons", "required")) << status;
  OrderEvent decided = Event(OrderEventKind::kDecidedNotToApply, "2025-03-03");
  decided.reasons = "Charged with s.4A; bail conditions protect the victim for now";
  MustApply(order, decided, clock_);
  EXPECT_EQ(order.status, OrderStatus::kNotApplied);
  EXPECT_EQ(order.history.back().reasons, decided.reasons);
  EXPECT_EQ(order.history.back().config_version, "order_types@1;terms@1");
  EXPECT_EQ(order.history.back().sequence, 2);
}

TEST_F(LifecycleTest, FullLifecycleKeepsEveryEvent) {
  Order order = testing::ServedSpo(clock_);
  EXPECT_EQ(order.status, OrderStatus::kServed);
  EXPECT_EQ(order.starts_on, D("2025-05-01"));
  EXPECT_EQ(order.served_on, D("2025-05-02"));
  EXPECT_TRUE(InForceOn(order, D("2025-05-02")));
  EXPECT_FALSE(InForceOn(order, D("2025-05-01")));  // Not yet served.
  EXPECT_TRUE(InForceOn(order, D("2027-04-30")));
  EXPECT_FALSE(InForceOn(order, D("2027-05-01")));

  clock_.Set(testing::At("2025-09-01"));
  OrderEvent varied = Event(OrderEventKind::kVaried, "2025-09-01");
  varied.terms = testing::StandardTerms();
  varied.terms.pop_back();
  MustApply(order, varied, clock_);
  EXPECT_EQ(order.terms.size(), 2u);
  OrderEvent breach = Event(OrderEventKind::kBreachRecorded, "2025-08-30");
  breach.report_id = ReportId(99);
  MustApply(order, breach, clock_);
  clock_.Set(testing::At("2027-04-01"));
  OrderEvent renewed = Event(OrderEventKind::kRenewed, "2027-04-01");
  renewed.expires_on = D("2029-04-30");
  MustApply(order, renewed, clock_);
  EXPECT_EQ(order.expires_on, D("2029-04-30"));
  OrderEvent discharged = Event(OrderEventKind::kDischarged, "2027-04-01");
  discharged.reasons = "Respondent emigrated; victim content";
  MustApply(order, discharged, clock_);
  EXPECT_EQ(order.status, OrderStatus::kDischarged);
  EXPECT_EQ(order.ended_on, D("2027-04-01"));
  EXPECT_FALSE(InForceOn(order, D("2027-04-02")));
  ASSERT_EQ(order.history.size(), 7u);
  for (std::size_t i = 0; i < order.history.size(); ++i) {
    EXPECT_EQ(order.history[i].sequence, static_cast<std::int64_t>(i) + 1);
  }
  EXPECT_EQ(order.history[1].kind, OrderEventKind::kMade);
  EXPECT_EQ(order.history[1].recorded_at, testing::At("2025-05-01"));
}

TEST_F(LifecycleTest, RefusedOrderCannotBeServed) {
  Order order = NewOrder();
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-03");
  applied.applicant = "Chief Constable of West Midlands Police";
  MustApply(order, applied, clock_);
  OrderEvent refused = Event(OrderEventKind::kRefused, "2025-03-03");
  refused.reasons = "Not satisfied of a risk associated with stalking";
  MustApply(order, refused, clock_);
  core::Status status = Reject(order, Event(OrderEventKind::kServed, "2025-03-03"), clock_);
  EXPECT_EQ(status.code(), core::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(HasField(status, "kind", "invalid_transition")) << status;
  EXPECT_NE(status.message().find("refused order cannot be served"), std::string::npos);
}

TEST_F(LifecycleTest, OrderEndingBeforeItStartsIsRejected) {
  Order order = NewOrder();
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-03");
  applied.applicant = "Chief Constable";
  MustApply(order, applied, clock_);
  OrderEvent made = Made("2025-03-03", "2025-03-01");
  core::Status status = Reject(order, made, clock_);
  EXPECT_EQ(status.code(), core::StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "expires_on", "before_start")) << status;
  made = Made("2025-03-03", "2027-03-10");
  made.starts_on = D("2025-03-01");
  EXPECT_TRUE(HasField(Reject(order, made, clock_), "starts_on", "before_made"));
}

TEST_F(LifecycleTest, FullSpoShorterThanTwoYearsIsRejected) {
  Order order = NewOrder();
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-01");
  applied.applicant = "Chief Constable";
  clock_.Set(testing::At("2025-03-01"));
  MustApply(order, applied, clock_);
  core::Status status = Reject(order, Made("2025-03-01", "2027-02-27"), clock_);
  EXPECT_TRUE(HasField(status, "expires_on", "too_short")) << status;
  EXPECT_NE(status.field_errors()[0].message.find("2027-02-28"), std::string::npos) << status;
  // Exactly two years is enough; so is until further order.
  Order exact = order;
  MustApply(exact, Made("2025-03-01", "2027-02-28"), clock_);
  OrderEvent open_ended = Made("2025-03-01", nullptr);
  open_ended.until_further_order = true;
  MustApply(order, open_ended, clock_);
  EXPECT_TRUE(order.until_further_order);
  EXPECT_FALSE(order.expires_on);
  // A full order needs one or the other.
  Order neither = NewOrder();
  MustApply(neither, applied, clock_);
  EXPECT_TRUE(
      HasField(Reject(neither, Made("2025-03-01", nullptr), clock_), "expires_on", "required"));
}

TEST_F(LifecycleTest, InterimOrdersHaveNoMinimumButCannotBeOpenEnded) {
  Order interim = NewOrder("spo", OrderStage::kInterim);
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-03");
  applied.applicant = "Chief Constable";
  MustApply(interim, applied, clock_);
  OrderEvent open_ended = Made("2025-03-03", nullptr);
  open_ended.until_further_order = true;
  EXPECT_TRUE(HasField(Reject(interim, open_ended, clock_), "until_further_order"));
  MustApply(interim, Made("2025-03-03", nullptr), clock_);  // Until the main application.
  MustApply(interim, Event(OrderEventKind::kServed, "2025-03-03"), clock_);
  EXPECT_TRUE(InForceOn(interim, D("2030-01-01")));
  MustApply(interim, Event(OrderEventKind::kSuperseded, "2025-03-03"), clock_);
  EXPECT_EQ(interim.status, OrderStatus::kSuperseded);
  Order full = testing::ServedSpo(clock_);
  EXPECT_EQ(Reject(full, Event(OrderEventKind::kSuperseded, "2025-05-02"), clock_).code(),
            core::StatusCode::kFailedPrecondition);
}

TEST_F(LifecycleTest, BreachOfDischargedOrExpiredOrderIsRejected) {
  Order order = testing::ServedSpo(clock_);
  OrderEvent breach = Event(OrderEventKind::kBreachRecorded, "2025-05-01");
  breach.report_id = ReportId(5);
  core::Status before_service = Reject(order, breach, clock_);
  EXPECT_EQ(before_service.code(), core::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(HasField(before_service, "on", "before_last_change")) << before_service;
  clock_.Set(testing::At("2027-06-01"));
  breach.on = D("2027-05-15");
  core::Status expired = Reject(order, breach, clock_);
  EXPECT_TRUE(HasField(expired, "on", "not_in_force")) << expired;
  EXPECT_NE(expired.field_errors()[0].message.find("expired on 2027-04-30"), std::string::npos);
  breach.on = D("2025-06-01");
  breach.report_id = ReportId();
  EXPECT_TRUE(HasField(Reject(order, breach, clock_), "report_id", "required"));
  OrderEvent discharged = Event(OrderEventKind::kDischarged, "2025-06-02");
  discharged.reasons = "Discharged on the respondent's application";
  MustApply(order, discharged, clock_);
  breach.report_id = ReportId(5);
  breach.on = D("2025-06-03");
  core::Status status = Reject(order, breach, clock_);
  EXPECT_TRUE(HasField(status, "kind", "invalid_transition")) << status;
}

TEST_F(LifecycleTest, DatesAreCheckedAgainstTheInjectedClock) {
  Order order = NewOrder();
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-04");
  applied.applicant = "Chief Constable";
  core::Status status = Reject(order, applied, clock_);
  EXPECT_TRUE(HasField(status, "on", "in_future")) << status;
  clock_.Advance(std::chrono::days(1));
  MustApply(order, applied, clock_);
  OrderEvent listed = Event(OrderEventKind::kHearingListed, "2025-03-04");
  EXPECT_TRUE(HasField(Reject(order, listed, clock_), "hearing_date", "required"));
  listed.hearing_date = D("2025-03-01");
  EXPECT_TRUE(HasField(Reject(order, listed, clock_), "hearing_date", "before_listing"));
  listed.hearing_date = D("2025-04-20");
  MustApply(order, listed, clock_);
  EXPECT_EQ(order.hearing_date, D("2025-04-20"));
  OrderEvent unrecorded = Event(OrderEventKind::kWithdrawn, "2025-03-04");
  unrecorded.recorded_by = "";
  core::Status no_one = Reject(order, unrecorded, clock_);
  EXPECT_TRUE(HasField(no_one, "recorded_by", "required"));
  EXPECT_TRUE(HasField(no_one, "reasons", "required"));
  OrderEvent no_applicant = Event(OrderEventKind::kApplied, "2025-03-04");
  Order fresh = NewOrder();
  EXPECT_TRUE(HasField(Reject(fresh, no_applicant, clock_), "applicant", "required"));
}

TEST_F(LifecycleTest, TermsAreStructuredAndChecked) {
  Order order = NewOrder();
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-03-03");
  applied.applicant = "Chief Constable";
  MustApply(order, applied, clock_);
  OrderEvent made = Made("2025-03-03", "2027-03-02");
  made.terms[1].area = " ";
  made.terms[2].distance_metres.reset();
  OrderTerm custom;
  custom.term_id = "custom";
  custom.kind = "requirement";
  OrderTerm wrong_kind;
  wrong_kind.term_id = "no_contact";
  wrong_kind.kind = "requirement";
  OrderTerm unknown;
  unknown.term_id = "curfew";
  OrderTerm far;
  far.term_id = "no_approach";
  far.distance_metres = 0;
  far.ends_on = D("2025-01-01");
  made.terms.insert(made.terms.end(), {custom, wrong_kind, unknown, far});
  core::Status status = Reject(order, made, clock_);
  EXPECT_TRUE(HasField(status, "terms[1].area", "required")) << status;
  EXPECT_TRUE(HasField(status, "terms[2].distance_metres", "required")) << status;
  EXPECT_TRUE(HasField(status, "terms[3].wording", "required")) << status;
  EXPECT_TRUE(HasField(status, "terms[4].kind", "mismatch")) << status;
  EXPECT_TRUE(HasField(status, "terms[5].term_id", "unknown")) << status;
  EXPECT_TRUE(HasField(status, "terms[6].distance_metres", "out_of_range")) << status;
  EXPECT_TRUE(HasField(status, "terms[6].ends_on", "before_start")) << status;
  made.terms.clear();
  EXPECT_TRUE(HasField(Reject(order, made, clock_), "terms", "required"));
  // A requirement of an SPO is not a term of a restraining order.
  Order restraining = NewOrder("restraining_order_conviction");
  MustApply(restraining, applied, clock_);
  OrderEvent ro = Made("2025-03-03", nullptr);
  ro.until_further_order = true;
  OrderTerm programme;
  programme.term_id = "perpetrator_programme";
  ro.terms.push_back(programme);
  EXPECT_TRUE(HasField(Reject(restraining, ro, clock_), "terms[3].term_id", "not_allowed"));
  ro.terms.pop_back();
  MustApply(restraining, ro, clock_);  // No minimum; until further order.
}

TEST_F(LifecycleTest, AppealsNeedOnePendingAndTheRightAppellant) {
  Order order = testing::ServedSpo(clock_);
  core::Status none = Reject(order, Event(OrderEventKind::kAppealDismissed, "2025-05-02"), clock_);
  EXPECT_EQ(none.code(), core::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(HasField(none, "kind", "no_appeal"));
  OrderEvent lodged = Event(OrderEventKind::kAppealLodged, "2025-05-02");
  lodged.appellant = "victim";
  EXPECT_TRUE(HasField(Reject(order, lodged, clock_), "appellant", "invalid"));
  lodged.appellant = "respondent";
  MustApply(order, lodged, clock_);
  EXPECT_TRUE(order.appeal_pending);
  EXPECT_TRUE(HasField(Reject(order, lodged, clock_), "kind", "appeal_pending"));
  MustApply(order, Event(OrderEventKind::kAppealAllowed, "2025-05-02"), clock_);
  EXPECT_EQ(order.status, OrderStatus::kQuashed);
  EXPECT_FALSE(order.appeal_pending);

  // A refusal appealed by the chief officer and allowed becomes an order.
  Order refused = NewOrder();
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-05-02");
  applied.applicant = "Chief Constable";
  MustApply(refused, applied, clock_);
  OrderEvent refusal = Event(OrderEventKind::kRefused, "2025-05-02");
  refusal.reasons = "Not necessary";
  MustApply(refused, refusal, clock_);
  lodged.appellant = "respondent";
  EXPECT_TRUE(HasField(Reject(refused, lodged, clock_), "appellant", "invalid"));
  lodged.appellant = "chief_officer";
  MustApply(refused, lodged, clock_);
  OrderEvent allowed = Made("2025-05-02", "2026-05-01");
  allowed.kind = OrderEventKind::kAppealAllowed;
  EXPECT_TRUE(HasField(Reject(refused, allowed, clock_), "expires_on", "too_short"));
  allowed.expires_on = D("2027-05-01");
  MustApply(refused, allowed, clock_);
  EXPECT_EQ(refused.status, OrderStatus::kMade);
  EXPECT_EQ(refused.terms.size(), 3u);
}

TEST_F(LifecycleTest, RenewalsMustRunLaterAndNotificationsOnlyWhereRequired) {
  Order order = testing::ServedSpo(clock_);
  OrderEvent renewed = Event(OrderEventKind::kRenewed, "2025-05-02");
  EXPECT_TRUE(HasField(Reject(order, renewed, clock_), "expires_on", "required"));
  renewed.expires_on = D("2027-04-30");
  EXPECT_TRUE(HasField(Reject(order, renewed, clock_), "expires_on", "not_later"));
  OrderEvent change = Event(OrderEventKind::kChangeLearned, "2025-05-02");
  change.notification = NotificationKind::kInitial;
  change.change_on = D("2025-05-03");
  core::Status status = Reject(order, change, clock_);
  EXPECT_TRUE(HasField(status, "notification", "invalid")) << status;
  EXPECT_TRUE(HasField(status, "change_on", "after_learnt")) << status;

  Order restraining = NewOrder("restraining_order_acquittal");
  OrderEvent applied = Event(OrderEventKind::kApplied, "2025-05-02");
  applied.applicant = "Crown Prosecution Service";
  MustApply(restraining, applied, clock_);
  OrderEvent made = Made("2025-05-02", "2025-11-01");
  MustApply(restraining, made, clock_);
  MustApply(restraining, Event(OrderEventKind::kServed, "2025-05-02"), clock_);
  OrderEvent notified = Event(OrderEventKind::kNotificationGiven, "2025-05-02");
  notified.notification = NotificationKind::kInitial;
  EXPECT_TRUE(HasField(Reject(restraining, notified, clock_), "kind", "not_applicable"));
}

}  // namespace
}  // namespace vigil::domain::court_order
