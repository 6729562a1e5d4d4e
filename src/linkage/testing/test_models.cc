#include "linkage/testing/test_models.h"

#include "core/check.h"

namespace vigil::linkage::testing {

std::vector<FieldSpec> PersonFields() {
  return {{"given_name", FieldKind::kName},
          {"surname", FieldKind::kName},
          {"dob", FieldKind::kDate},
          {"postcode", FieldKind::kPostcode},
          {"email", FieldKind::kEmail}};
}

namespace {

ComparisonLevel Level(std::string label, Predicate predicate, double m, double u) {
  ComparisonLevel level;
  level.label = std::move(label);
  level.predicate = std::move(predicate);
  level.m_probability = m;
  level.u_probability = u;
  return level;
}

ComparisonLevel NullLevel(const std::string& field) {
  ComparisonLevel level;
  level.label = "null";
  level.predicate = NullPredicate(field);
  level.is_null_level = true;
  return level;
}

Predicate Similarity(ComparatorKind kind, const std::string& field, double at_least) {
  Predicate predicate;
  predicate.comparator = kind;
  predicate.field = field;
  predicate.at_least = at_least;
  return predicate;
}

}  // namespace

Model PersonModel() {
  Model model;
  model.fields = PersonFields();
  Comparison given;
  given.name = "given_name";
  given.levels = {
      NullLevel("given_name"), Level("exact", ExactPredicate("given_name"), 0.8, 0.01),
      Level("jw", Similarity(ComparatorKind::kJaroWinkler, "given_name", 0.9), 0.1, 0.02),
      Level("else", ElsePredicate(), 0.1, 0.97)};
  Comparison surname;
  surname.name = "surname";
  surname.levels = {NullLevel("surname"), Level("exact", ExactPredicate("surname"), 0.85, 0.005),
                    Level("else", ElsePredicate(), 0.15, 0.995)};
  Predicate swap;
  swap.comparator = ComparatorKind::kDayMonthSwap;
  swap.field = "dob";
  Comparison dob;
  dob.name = "dob";
  dob.levels = {NullLevel("dob"), Level("exact", ExactPredicate("dob"), 0.9, 0.0001),
                Level("swap", swap, 0.03, 0.00001), Level("else", ElsePredicate(), 0.07, 0.9999)};
  Comparison postcode;
  postcode.name = "postcode";
  Predicate sector;
  sector.comparator = ComparatorKind::kPostcodeSector;
  sector.field = "postcode";
  postcode.levels = {NullLevel("postcode"), Level("exact", ExactPredicate("postcode"), 0.7, 0.001),
                     Level("sector", sector, 0.1, 0.01),
                     Level("else", ElsePredicate(), 0.2, 0.989)};
  model.comparisons = {given, surname, dob, postcode};
  model.blocking_rules = {BlockOn({"surname"}), BlockOn({"dob"})};
  model.prior = 0.001;
  return model;
}

PreparedRecords Prepare(const std::vector<std::vector<std::string>>& rows) {
  RecordPreparer preparer(PersonFields());
  for (const std::vector<std::string>& row : rows) {
    std::vector<std::string_view> values(row.begin() + 1, row.end());
    preparer.Add(row.front(), 0, values);
  }
  core::Result<PreparedRecords> prepared = preparer.Finish(2);
  VIGIL_CHECK(prepared.ok()) << prepared.status();
  return std::move(prepared).value();
}

}  // namespace vigil::linkage::testing
