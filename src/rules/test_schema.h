#pragma once
// A small schema shared by the rules tests: facts shaped like the screening
// facts (a relationship, a group, a list of occasions with a nested group).

#include "rules/schema.h"

namespace vigil::rules::testing {

inline Schema TestSchema() {
  Schema schema;
  schema.Add("relationship", ValueType::kString, {"ex_partner", "stranger", "family_member"});
  schema.Add("name", ValueType::kString);
  schema.Add("people_targeted", ValueType::kNumber);
  schema.Add("unwanted", ValueType::kBool);
  schema.Add("fixated", ValueType::kBool);
  schema.Add("impact.alarm", ValueType::kBool);
  schema.Add("impact.changed", ValueType::kBool);
  schema.Add("hostility", ValueType::kStringList, {"race", "religion"});
  schema.Add("occasions", ValueType::kObjectList);
  schema.Add("occasions[].date", ValueType::kString);
  schema.Add("occasions[].channel", ValueType::kString, {"in_person", "text_message"});
  schema.Add("occasions[].feared", ValueType::kBool);
  schema.Add("occasions[].behaviours", ValueType::kStringList, {"following", "loitering"});
  schema.Add("occasions[].message.menacing", ValueType::kBool);
  schema.Add("occasions[].witnesses", ValueType::kObjectList);
  schema.Add("occasions[].witnesses[].named", ValueType::kBool);
  schema.Add("risk.level", ValueType::kString, {"standard", "medium", "high"});
  return schema;
}

}  // namespace vigil::rules::testing
