// The checks of an order's particulars and terms (lifecycle.h).

#include <algorithm>
#include <set>

#include "core/time.h"
#include "domain/court_order/lifecycle.h"

namespace vigil::domain::court_order {
namespace {

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == text.npos; }

std::string Field(std::string_view prefix, std::size_t index, std::string_view key) {
  return std::string(prefix) + "[" + std::to_string(index) + "]." + std::string(key);
}

}  // namespace

core::Status ValidateNewOrder(const Order& order, const OrderConfig& config,
                              const Lookups& lookups) {
  core::ErrorCollector errors;
  if (order.force.empty()) {
    errors.Add("force", "required", "is required");
  } else if (!lookups.HasForce(order.force)) {
    errors.Add("force", "unknown", "'" + order.force + "' is not a force in the lookups");
  }
  if (!order.case_id.assigned()) errors.Add("case_id", "required", "is required");
  const OrderType* type = config.FindType(order.order_type);
  if (order.order_type.empty()) {
    errors.Add("order_type", "required", "is required");
  } else if (type == nullptr) {
    errors.Add("order_type", "unknown", "'" + order.order_type + "' is not a known order type");
  }
  if (order.stage == OrderStage::kInterim) {
    if (type != nullptr && !type->interim_allowed) {
      errors.Add("stage", "not_allowed", "a " + type->label + " has no interim form");
    }
    if (!order.main_order.assigned()) {
      errors.Add("main_order", "required",
                 "an interim order is applied for with, or after, its main application");
    }
  } else if (order.main_order.assigned()) {
    errors.Add("main_order", "not_allowed", "only an interim order has a main order");
  }
  if (!order.respondent.assigned()) errors.Add("respondent", "required", "is required");
  if (order.protected_persons.empty()) {
    errors.Add("protected_persons", "required", "must name at least one person to protect");
  }
  std::set<PersonId> seen;
  for (std::size_t i = 0; i < order.protected_persons.size(); ++i) {
    const PersonId& person = order.protected_persons[i];
    std::string field = "protected_persons[" + std::to_string(i) + "]";
    if (!person.assigned()) errors.Add(field, "required", "must be a stored person");
    if (person.assigned() && person == order.respondent) {
      errors.Add(field, "is_respondent", "the respondent cannot be a protected person");
    }
    if (person.assigned() && !seen.insert(person).second) {
      errors.Add(field, "duplicate", "appears twice");
    }
  }
  if (order.related_proceedings.size() > 200) {
    errors.Add("related_proceedings", "too_long", "must be at most 200 characters");
  }
  if (order.status != OrderStatus::kNone || !order.history.empty()) {
    errors.Add("status", "not_allowed", "a new order starts with no history");
  }
  return errors.ToStatus("the order is invalid");
}

void CheckTerms(const std::vector<OrderTerm>& terms, const OrderType& type,
                const OrderConfig& config, core::Date starts_on, std::string_view prefix,
                core::ErrorCollector& errors) {
  if (terms.empty()) {
    errors.Add(std::string(prefix), "required",
               "an order must have at least one prohibition or requirement");
    return;
  }
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const OrderTerm& term = terms[i];
    bool needs_area = false;
    bool needs_distance = false;
    if (term.term_id == kCustomTermId) {
      if (term.kind != "prohibition" && term.kind != "requirement") {
        errors.Add(Field(prefix, i, "kind"), "invalid", "must be prohibition or requirement");
      }
      if (Blank(term.wording)) {
        errors.Add(Field(prefix, i, "wording"), "required",
                   "a custom term needs the court's wording");
      }
    } else if (const StandardTerm* standard = config.FindTerm(term.term_id)) {
      if (std::find(standard->order_types.begin(), standard->order_types.end(), type.id) ==
          standard->order_types.end()) {
        errors.Add(Field(prefix, i, "term_id"), "not_allowed",
                   "'" + term.term_id + "' is not a term of a " + type.label);
      }
      if (!term.kind.empty() && term.kind != standard->kind) {
        errors.Add(Field(prefix, i, "kind"), "mismatch",
                   "'" + term.term_id + "' is a " + standard->kind);
      }
      needs_area = standard->needs_area;
      needs_distance = standard->needs_distance;
    } else {
      errors.Add(Field(prefix, i, "term_id"), "unknown",
                 term.term_id.empty() ? std::string("is required")
                                      : "'" + term.term_id + "' is not a standard term");
    }
    if (needs_area && Blank(term.area)) {
      errors.Add(Field(prefix, i, "area"), "required", "this term needs the area it covers");
    }
    if (term.area.size() > 2000) {
      errors.Add(Field(prefix, i, "area"), "too_long", "must be at most 2000 characters");
    }
    if (term.wording.size() > 4000) {
      errors.Add(Field(prefix, i, "wording"), "too_long", "must be at most 4000 characters");
    }
    if (needs_distance && !term.distance_metres) {
      errors.Add(Field(prefix, i, "distance_metres"), "required",
                 "this term needs a distance in metres");
    }
    if (term.distance_metres && (*term.distance_metres < 1 || *term.distance_metres > 100000)) {
      errors.Add(Field(prefix, i, "distance_metres"), "out_of_range",
                 "must be from 1 to 100000 metres");
    }
    if (term.ends_on && *term.ends_on < starts_on) {
      errors.Add(Field(prefix, i, "ends_on"), "before_start",
                 "a term cannot end (" + core::FormatDate(*term.ends_on) +
                     ") before the order starts (" + core::FormatDate(starts_on) + ")");
    }
  }
}

}  // namespace vigil::domain::court_order
