#include "web/api/json_codec_order.h"

#include "core/time.h"
#include "web/api/json_codec.h"
#include "web/api/json_codec_internal.h"
#include "web/api/json_reader.h"

namespace vigil::web::api {
namespace {

namespace co = domain::court_order;

nlohmann::json OptionalDate(const std::optional<core::Date>& date) {
  return date ? nlohmann::json(core::FormatDate(*date)) : nlohmann::json(nullptr);
}

nlohmann::json OptionalText(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json EncodeTerm(const co::OrderTerm& term) {
  return {
      {"term_id", term.term_id},
      {"kind", OptionalText(term.kind)},
      {"wording", OptionalText(term.wording)},
      {"area", OptionalText(term.area)},
      {"distance_metres",
       term.distance_metres ? nlohmann::json(*term.distance_metres) : nlohmann::json(nullptr)},
      {"ends_on", OptionalDate(term.ends_on)},
  };
}

void DecodeTerm(JsonReader& reader, co::OrderTerm& term) {
  reader.Read("term_id", term.term_id, Presence::kRequired);
  reader.Read("kind", term.kind);
  reader.Read("wording", term.wording);
  reader.Read("area", term.area);
  std::int64_t distance = 0;
  if (reader.Read("distance_metres", distance)) {
    if (distance < 0 || distance > 1000000) {
      reader.errors().Add(JoinPath(reader.path(), "distance_metres"), "out_of_range",
                          "must be from 1 to 100000 metres");
    } else {
      term.distance_metres = static_cast<int>(distance);
    }
  }
  reader.Read("ends_on", term.ends_on);
}

// Reads an optional enumeration value at `key` with `parse`.
template <typename Enum, typename Parse>
std::optional<Enum> ReadEnum(JsonReader& reader, std::string_view key, Presence presence,
                             Parse parse, std::string_view allowed) {
  std::string text;
  if (!reader.Read(key, text, presence)) return std::nullopt;
  std::optional<Enum> value = parse(text);
  if (!value) {
    reader.errors().Add(JoinPath(reader.path(), key), "invalid_value",
                        "must be one of " + std::string(allowed));
  }
  return value;
}

constexpr char kEventKinds[] =
    "considered, decided_not_to_apply, reconsidered, applied, hearing_listed, made, refused, "
    "withdrawn, served, notification_given, change_learned, varied, renewed, breach_recorded, "
    "discharged, appeal_lodged, appeal_dismissed, appeal_allowed, superseded";

void DecodeEventFields(JsonReader& reader, co::OrderEvent& event) {
  reader.ServerOwned({"sequence", "recorded_at", "recorded_by", "config_version"});
  if (auto kind = ReadEnum<co::OrderEventKind>(reader, "kind", Presence::kRequired,
                                               co::ParseOrderEventKind, kEventKinds)) {
    event.kind = *kind;
  }
  reader.Read("on", event.on, Presence::kRequired);
  reader.Read("reasons", event.reasons);
  reader.Read("applicant", event.applicant);
  reader.Read("court", event.court);
  reader.Read("hearing_date", event.hearing_date);
  internal::ReadObjectArray(reader, "terms", event.terms, DecodeTerm);
  reader.Read("starts_on", event.starts_on);
  reader.Read("expires_on", event.expires_on);
  reader.Read("until_further_order", event.until_further_order);
  event.notification =
      ReadEnum<co::NotificationKind>(reader, "notification", Presence::kOptional,
                                     co::ParseNotificationKind, "initial, name, address");
  reader.Read("change_on", event.change_on);
  reader.Read("report_id", event.report_id);
  reader.Read("appellant", event.appellant);
}

}  // namespace

nlohmann::json EncodeOrderEvent(const co::OrderEvent& event) {
  return {
      {"sequence", event.sequence},
      {"kind", co::OrderEventKindName(event.kind)},
      {"on", core::FormatDate(event.on)},
      {"recorded_at", core::FormatTimestamp(event.recorded_at)},
      {"recorded_by", event.recorded_by},
      {"reasons", OptionalText(event.reasons)},
      {"applicant", OptionalText(event.applicant)},
      {"court", OptionalText(event.court)},
      {"hearing_date", OptionalDate(event.hearing_date)},
      {"terms",
       [&event] {
         nlohmann::json terms = nlohmann::json::array();
         for (const co::OrderTerm& term : event.terms) terms.push_back(EncodeTerm(term));
         return terms;
       }()},
      {"starts_on", OptionalDate(event.starts_on)},
      {"expires_on", OptionalDate(event.expires_on)},
      {"until_further_order", event.until_further_order},
      {"notification", event.notification
                           ? nlohmann::json(co::NotificationKindName(*event.notification))
                           : nlohmann::json(nullptr)},
      {"change_on", OptionalDate(event.change_on)},
      {"report_id", event.report_id.assigned() ? nlohmann::json(event.report_id.value)
                                               : nlohmann::json(nullptr)},
      {"appellant", OptionalText(event.appellant)},
      {"config_version", event.config_version},
  };
}

nlohmann::json EncodeOrder(const co::Order& order) {
  nlohmann::json protected_persons = nlohmann::json::array();
  for (const domain::PersonId& person : order.protected_persons) {
    protected_persons.push_back(person.value);
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const co::OrderTerm& term : order.terms) terms.push_back(EncodeTerm(term));
  nlohmann::json history = nlohmann::json::array();
  for (const co::OrderEvent& event : order.history) history.push_back(EncodeOrderEvent(event));
  return {
      {"id", order.id.value},
      {"version", order.version},
      {"force", order.force},
      {"case_id", order.case_id.value},
      {"order_type", order.order_type},
      {"stage", co::OrderStageName(order.stage)},
      {"main_order", order.main_order.assigned() ? nlohmann::json(order.main_order.value)
                                                 : nlohmann::json(nullptr)},
      {"respondent", order.respondent.value},
      {"protected_persons", std::move(protected_persons)},
      {"related_proceedings", OptionalText(order.related_proceedings)},
      {"other_notification_until", OptionalDate(order.other_notification_until)},
      {"status", co::OrderStatusName(order.status)},
      {"terms", std::move(terms)},
      {"hearing_date", OptionalDate(order.hearing_date)},
      {"made_on", OptionalDate(order.made_on)},
      {"starts_on", OptionalDate(order.starts_on)},
      {"expires_on", OptionalDate(order.expires_on)},
      {"until_further_order", order.until_further_order},
      {"served_on", OptionalDate(order.served_on)},
      {"ended_on", OptionalDate(order.ended_on)},
      {"appeal_pending", order.appeal_pending},
      {"history", std::move(history)},
      {"created_at", core::FormatTimestamp(order.created_at)},
      {"updated_at", core::FormatTimestamp(order.updated_at)},
  };
}

nlohmann::json EncodeNotificationDuty(const co::NotificationDuty& duty) {
  return {
      {"kind", co::NotificationKindName(duty.kind)},
      {"triggered_on", core::FormatDate(duty.triggered_on)},
      {"due_by", core::FormatDate(duty.due_by)},
      {"met_on", OptionalDate(duty.met_on)},
      {"overdue", duty.overdue},
      {"late", duty.late},
  };
}

core::Result<co::OrderEvent> DecodeOrderEvent(const nlohmann::json& json, bool with_version,
                                              std::int64_t* version, std::string_view path) {
  core::ErrorCollector errors;
  co::OrderEvent event;
  JsonReader reader(json, std::string(path), errors);
  if (with_version && version != nullptr) {
    reader.Read("version", *version, Presence::kRequired);
  }
  DecodeEventFields(reader, event);
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The order event is not valid."));
  return event;
}

core::Result<NewOrderRequest> DecodeNewOrder(const nlohmann::json& json) {
  core::ErrorCollector errors;
  NewOrderRequest request;
  co::Order& order = request.order;
  JsonReader reader(json, "", errors);
  reader.ServerOwned({"id", "version", "status", "terms", "hearing_date", "made_on", "starts_on",
                      "expires_on", "until_further_order", "served_on", "ended_on",
                      "appeal_pending", "history", "created_at", "updated_at"});
  reader.Read("force", order.force);
  reader.Read("case_id", order.case_id, Presence::kRequired);
  reader.Read("order_type", order.order_type, Presence::kRequired);
  if (auto stage = ReadEnum<co::OrderStage>(reader, "stage", Presence::kOptional,
                                            co::ParseOrderStage, "full, interim")) {
    order.stage = *stage;
  }
  reader.Read("main_order", order.main_order);
  reader.Read("respondent", order.respondent, Presence::kRequired);
  if (const nlohmann::json* persons = reader.Array("protected_persons", Presence::kRequired)) {
    for (std::size_t index = 0; index < persons->size(); ++index) {
      const nlohmann::json& item = (*persons)[index];
      if (!item.is_number_integer() || item.get<std::int64_t>() < 1) {
        errors.Add(IndexPath("protected_persons", index), "wrong_type",
                   "must be a person id (a whole number from 1)");
        continue;
      }
      order.protected_persons.push_back(domain::PersonId(item.get<std::int64_t>()));
    }
  }
  reader.Read("related_proceedings", order.related_proceedings);
  reader.Read("other_notification_until", order.other_notification_until);
  if (const nlohmann::json* first = reader.Object("event", Presence::kRequired)) {
    auto event = DecodeOrderEvent(*first, false, nullptr, "event");
    if (event.ok()) {
      request.first = std::move(event).value();
    } else {
      errors.Merge("", event.status());
    }
  }
  reader.Finish();
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("The order is not valid."));
  return request;
}

nlohmann::json EncodeOrderReturns(const std::vector<services::OrderReturnRow>& rows,
                                  core::Date from, core::Date to) {
  nlohmann::json items = nlohmann::json::array();
  for (const services::OrderReturnRow& row : rows) {
    items.push_back({{"period", row.period},
                     {"force", row.force},
                     {"order_type", row.order_type},
                     {"stage", row.stage},
                     {"measure", row.measure},
                     {"count", row.count}});
  }
  return {{"from", core::FormatDate(from)}, {"to", core::FormatDate(to)}, {"rows", items}};
}

std::string OrderReturnsCsv(const std::vector<services::OrderReturnRow>& rows) {
  std::string csv = "period,force,order_type,stage,measure,count\r\n";
  for (const services::OrderReturnRow& row : rows) {
    csv += row.period + "," + row.force + "," + row.order_type + "," + row.stage + "," +
           row.measure + "," + std::to_string(row.count) + "\r\n";
  }
  return csv;
}

nlohmann::json EncodeDueList(const services::DueList& due) {
  auto brief = [](const co::Order& order) {
    return nlohmann::json{{"id", order.id.value},
                          {"force", order.force},
                          {"case_id", order.case_id.value},
                          {"order_type", order.order_type},
                          {"stage", co::OrderStageName(order.stage)},
                          {"respondent", order.respondent.value},
                          {"status", co::OrderStatusName(order.status)},
                          {"expires_on", OptionalDate(order.expires_on)}};
  };
  nlohmann::json expiring = nlohmann::json::array();
  for (const services::DueOrder& item : due.expiring) {
    nlohmann::json entry = brief(item.order);
    entry["days_left"] = item.days_left;
    entry["window"] = item.window;
    expiring.push_back(std::move(entry));
  }
  nlohmann::json interims = nlohmann::json::array();
  for (const services::DueInterim& item : due.interim_without_hearing) {
    nlohmann::json entry = brief(item.order);
    entry["main_order"] = item.main_order.id.value;
    entry["main_order_status"] = co::OrderStatusName(item.main_order.status);
    interims.push_back(std::move(entry));
  }
  nlohmann::json notifications = nlohmann::json::array();
  for (const services::DueNotification& item : due.notifications_overdue) {
    nlohmann::json entry = brief(item.order);
    entry["notification"] = EncodeNotificationDuty(item.duty);
    notifications.push_back(std::move(entry));
  }
  nlohmann::json tasks = nlohmann::json::array();
  for (const domain::Task& task : due.tasks_overdue) tasks.push_back(EncodeTask(task));
  return {{"today", core::FormatDate(due.today)},
          {"windows", due.windows},
          {"expiring", std::move(expiring)},
          {"interim_without_hearing", std::move(interims)},
          {"notifications_overdue", std::move(notifications)},
          {"tasks_overdue", std::move(tasks)}};
}

}  // namespace vigil::web::api
