// Contract: court orders with their append-only histories, terms and
// protected persons; optimistic concurrency; listing by case, respondent
// and main order.

#include <gtest/gtest.h>

#include "core/time.h"
#include "storage_contract/contract_records.h"
#include "storage_contract/storage_contract_fixture.h"

namespace vigil::storage_contract {
namespace {

namespace co = domain::court_order;
using core::StatusCode;
using storage::TransactionMode;

core::Date D(const char* text) { return *core::ParseDate(text); }

co::OrderEvent Event(std::int64_t sequence, co::OrderEventKind kind, const char* on) {
  co::OrderEvent event;
  event.sequence = sequence;
  event.kind = kind;
  event.on = D(on);
  event.recorded_at = HoursAfterNow(static_cast<int>(sequence));
  event.recorded_by = "dc.patel";
  event.config_version = "order_types@1;terms@1";
  return event;
}

class OrderContractTest : public StorageContractTest {
 protected:
  void SetUp() override {
    StorageContractTest::SetUp();
    case_ = StoreCase(FullCase());
    respondent_ = StorePerson(FullPerson("Rob", "Stone"));
    victim_ = StorePerson(FullPerson("Ann", "Lee"));
    other_ = StorePerson(FullPerson("Sam", "Lee"));
    report_ = StoreReport(FullReport("WM-O-1"));
  }

  // A made and served SPO with every field set.
  co::Order FullOrder() {
    co::Order order;
    order.force = "west_midlands";
    order.case_id = case_.id;
    order.order_type = "spo";
    order.respondent = respondent_.id;
    order.protected_persons = {victim_.id, other_.id};
    order.related_proceedings = "Birmingham MC 4312";
    order.other_notification_until = D("2026-01-31");
    order.status = co::OrderStatus::kServed;
    order.hearing_date = D("2026-03-10");
    order.made_on = D("2026-03-10");
    order.starts_on = D("2026-03-11");
    order.expires_on = D("2028-03-10");
    order.served_on = D("2026-03-12");
    order.appeal_pending = true;
    order.created_at = HoursAfterNow(0);
    order.updated_at = HoursAfterNow(4);
    co::OrderEvent applied = Event(1, co::OrderEventKind::kApplied, "2026-03-01");
    applied.applicant = "Chief Constable";
    applied.court = "Birmingham Magistrates' Court";
    co::OrderEvent listed = Event(2, co::OrderEventKind::kHearingListed, "2026-03-02");
    listed.hearing_date = D("2026-03-10");
    co::OrderEvent made = Event(3, co::OrderEventKind::kMade, "2026-03-10");
    made.starts_on = D("2026-03-11");
    made.expires_on = D("2028-03-10");
    co::OrderTerm zone;
    zone.term_id = "exclusion_zone";
    zone.kind = "prohibition";
    zone.area = "Elm Road";
    zone.ends_on = D("2027-01-01");
    co::OrderTerm approach;
    approach.term_id = "no_approach";
    approach.distance_metres = 250;
    made.terms = {zone, approach};
    co::OrderEvent served = Event(4, co::OrderEventKind::kServed, "2026-03-12");
    order.history = {applied, listed, made, served};
    order.terms = made.terms;
    return order;
  }

  core::Status Insert(co::Order& order) {
    auto transaction = Begin();
    if (transaction == nullptr) return core::Internal("no transaction");
    VIGIL_RETURN_IF_ERROR(transaction->InsertOrder(order));
    return transaction->Commit();
  }

  core::Status Update(co::Order& order) {
    auto transaction = Begin();
    if (transaction == nullptr) return core::Internal("no transaction");
    VIGIL_RETURN_IF_ERROR(transaction->UpdateOrder(order));
    return transaction->Commit();
  }

  core::Result<co::Order> Read(co::OrderId id) {
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return core::Internal("no transaction");
    return transaction->GetOrder(id);
  }

  domain::Case case_;
  domain::Person respondent_;
  domain::Person victim_;
  domain::Person other_;
  domain::Report report_;
};

void ExpectSameEvent(const co::OrderEvent& a, const co::OrderEvent& b) {
  EXPECT_EQ(a.sequence, b.sequence);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.on, b.on);
  EXPECT_EQ(a.recorded_at, b.recorded_at);
  EXPECT_EQ(a.recorded_by, b.recorded_by);
  EXPECT_EQ(a.reasons, b.reasons);
  EXPECT_EQ(a.applicant, b.applicant);
  EXPECT_EQ(a.court, b.court);
  EXPECT_EQ(a.hearing_date, b.hearing_date);
  EXPECT_EQ(a.terms, b.terms);
  EXPECT_EQ(a.starts_on, b.starts_on);
  EXPECT_EQ(a.expires_on, b.expires_on);
  EXPECT_EQ(a.until_further_order, b.until_further_order);
  EXPECT_EQ(a.notification, b.notification);
  EXPECT_EQ(a.change_on, b.change_on);
  EXPECT_EQ(a.report_id, b.report_id);
  EXPECT_EQ(a.appellant, b.appellant);
  EXPECT_EQ(a.config_version, b.config_version);
}

TEST_P(OrderContractTest, OrderRoundTripsEveryFieldAndEvent) {
  co::Order order = FullOrder();
  ASSERT_TRUE(Insert(order).ok());
  EXPECT_TRUE(order.id.assigned());
  EXPECT_EQ(order.version, 1);
  core::Result<co::Order> read = Read(order.id);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->force, order.force);
  EXPECT_EQ(read->case_id, order.case_id);
  EXPECT_EQ(read->order_type, "spo");
  EXPECT_EQ(read->stage, co::OrderStage::kFull);
  EXPECT_FALSE(read->main_order.assigned());
  EXPECT_EQ(read->respondent, respondent_.id);
  EXPECT_EQ(read->protected_persons, order.protected_persons);
  EXPECT_EQ(read->related_proceedings, order.related_proceedings);
  EXPECT_EQ(read->other_notification_until, order.other_notification_until);
  EXPECT_EQ(read->status, co::OrderStatus::kServed);
  EXPECT_EQ(read->hearing_date, order.hearing_date);
  EXPECT_EQ(read->made_on, order.made_on);
  EXPECT_EQ(read->starts_on, order.starts_on);
  EXPECT_EQ(read->expires_on, order.expires_on);
  EXPECT_EQ(read->served_on, order.served_on);
  EXPECT_FALSE(read->ended_on);
  EXPECT_TRUE(read->appeal_pending);
  EXPECT_EQ(read->terms, order.terms);
  EXPECT_EQ(read->created_at, order.created_at);
  EXPECT_EQ(read->updated_at, order.updated_at);
  ASSERT_EQ(read->history.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) ExpectSameEvent(order.history[i], read->history[i]);
}

TEST_P(OrderContractTest, UpdateAppendsEventsAndRefusesStaleVersionsAndRewrites) {
  co::Order order = FullOrder();
  ASSERT_TRUE(Insert(order).ok());
  co::Order copy = order;
  co::OrderEvent notified = Event(5, co::OrderEventKind::kNotificationGiven, "2026-03-13");
  notified.notification = co::NotificationKind::kInitial;
  co::OrderEvent breach = Event(6, co::OrderEventKind::kBreachRecorded, "2026-04-01");
  breach.report_id = report_.id;
  order.history.push_back(notified);
  order.history.push_back(breach);
  order.appeal_pending = false;
  ASSERT_TRUE(Update(order).ok());
  EXPECT_EQ(order.version, 2);
  core::Result<co::Order> read = Read(order.id);
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_EQ(read->history.size(), 6u);
  ExpectSameEvent(read->history[4], notified);
  ExpectSameEvent(read->history[5], breach);
  EXPECT_FALSE(read->appeal_pending);
  EXPECT_EQ(read->version, 2);

  // The other copy is stale.
  copy.history.push_back(notified);
  EXPECT_EQ(Update(copy).code(), StatusCode::kConflict);
  // History cannot be rewritten or shortened.
  co::Order rewritten = *read;
  rewritten.history[1].on = D("2026-03-03");
  EXPECT_EQ(Update(rewritten).code(), StatusCode::kConflict);
  co::Order shortened = *read;
  shortened.history.pop_back();
  EXPECT_EQ(Update(shortened).code(), StatusCode::kConflict);
  read = Read(order.id);
  EXPECT_EQ(read->history.size(), 6u);
  EXPECT_EQ(read->version, 2);
}

TEST_P(OrderContractTest, MissingReferencesAreNotFoundAndLeaveNothing) {
  co::Order order = FullOrder();
  order.case_id = domain::CaseId(case_.id.value + 50);
  EXPECT_EQ(Insert(order).code(), StatusCode::kNotFound);
  order = FullOrder();
  order.protected_persons.push_back(domain::PersonId(999));
  EXPECT_EQ(Insert(order).code(), StatusCode::kNotFound);
  order = FullOrder();
  order.history[3].report_id = domain::ReportId(999);
  EXPECT_EQ(Insert(order).code(), StatusCode::kNotFound);
  order = FullOrder();
  order.stage = co::OrderStage::kInterim;
  order.main_order = co::OrderId(999);
  EXPECT_EQ(Insert(order).code(), StatusCode::kNotFound);
  auto transaction = Begin(TransactionMode::kRead);
  ASSERT_NE(transaction, nullptr);
  storage::OrderQuery all;
  auto orders = transaction->ListOrders(all);
  ASSERT_TRUE(orders.ok()) << orders.status();
  EXPECT_TRUE(orders->empty());
  EXPECT_EQ(transaction->GetOrder(co::OrderId(1)).status().code(), StatusCode::kNotFound);
}

TEST_P(OrderContractTest, ListsByCaseRespondentMainOrderAndStatus) {
  co::Order main = FullOrder();
  ASSERT_TRUE(Insert(main).ok());
  co::Order interim = FullOrder();
  interim.stage = co::OrderStage::kInterim;
  interim.main_order = main.id;
  interim.status = co::OrderStatus::kSuperseded;
  ASSERT_TRUE(Insert(interim).ok());
  domain::Case other_case = StoreCase(FullCase("Another course of conduct"));
  co::Order elsewhere = FullOrder();
  elsewhere.case_id = other_case.id;
  elsewhere.respondent = other_.id;
  elsewhere.protected_persons = {victim_.id};
  ASSERT_TRUE(Insert(elsewhere).ok());

  auto ids = [this](const storage::OrderQuery& query) {
    std::vector<std::int64_t> found;
    auto transaction = Begin(TransactionMode::kRead);
    if (transaction == nullptr) return found;
    auto orders = transaction->ListOrders(query);
    EXPECT_TRUE(orders.ok()) << orders.status();
    if (!orders.ok()) return found;
    for (const co::Order& order : *orders) {
      EXPECT_FALSE(order.history.empty());
      found.push_back(order.id.value);
    }
    return found;
  };
  storage::OrderQuery by_case;
  by_case.case_id = case_.id;
  EXPECT_EQ(ids(by_case), (std::vector<std::int64_t>{main.id.value, interim.id.value}));
  storage::OrderQuery by_respondent;
  by_respondent.respondent = other_.id;
  EXPECT_EQ(ids(by_respondent), (std::vector<std::int64_t>{elsewhere.id.value}));
  storage::OrderQuery by_main;
  by_main.main_order = main.id;
  EXPECT_EQ(ids(by_main), (std::vector<std::int64_t>{interim.id.value}));
  storage::OrderQuery served;
  served.status = co::OrderStatus::kServed;
  served.force = "west_midlands";
  EXPECT_EQ(ids(served), (std::vector<std::int64_t>{main.id.value, elsewhere.id.value}));
  storage::OrderQuery bad;
  bad.limit = 0;
  auto transaction = Begin(TransactionMode::kRead);
  ASSERT_NE(transaction, nullptr);
  EXPECT_EQ(transaction->ListOrders(bad).status().code(), StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrderContractTest, ::testing::ValuesIn(StorageBackends()),
                         BackendName);

}  // namespace
}  // namespace vigil::storage_contract
