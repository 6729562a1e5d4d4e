#pragma once
// Good default models from what each field is: given that a file has a
// given name, a surname and a date of birth (say), DefaultModel builds the
// comparisons, blocking rules, training sessions and deterministic rules a
// careful analyst would start from (docs/reference/linkage.md lists them).
// This is how most people run linkage: they only say which column is which.
// Pure; thread-safe.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "linkage/model.h"
#include "linkage/prepared_records.h"

namespace vigil::linkage {

// What a field holds, as far as the defaults care.
enum class FieldRole {
  kGivenName,
  kSurname,
  kFullName,
  kDateOfBirth,
  kSex,
  kPostcode,
  kAddress,
  kPhone,
  kEmail,
  kHandle,
  kOther,
};

// "given_name", "surname", "full_name", "dob", "sex", "postcode", "address",
// "phone", "email", "handle", "other".
std::string_view FieldRoleName(FieldRole role);
std::optional<FieldRole> ParseFieldRole(std::string_view name);
// The normaliser kind of a role (kOther is free text).
FieldKind KindOfRole(FieldRole role);

struct RoleField {
  std::string name;  // The field's name in the records.
  FieldRole role = FieldRole::kOther;
};

// The defaults' budget: a default blocking rule that would make more pairs
// than kMinimumPairBudget + kPairsPerRecordBudget * records is left out.
inline constexpr std::uint64_t kMinimumPairBudget = 10'000;
inline constexpr std::uint64_t kPairsPerRecordBudget = 10;

// The default model for `fields`. With `records` (prepared with these
// fields) blocking rules over the pair budget are dropped, and each `other`
// field gets a blocking rule of its own when within budget (identifiers). kInvalidArgument when no
// field can be compared or two fields share a name or a role that must be unique (every role but
// address and other).
core::Result<Model> DefaultModel(std::span<const RoleField> fields, LinkType link_type,
                                 const PreparedRecords* records = nullptr, int threads = 1);

// Gives every level of `model` m and u to start from before any training
// (DefaultModel leaves them at 0.5, which carries no evidence): within each
// comparison the first level is strongest (m about 0.5, u 0.01) and each
// later level halves m and doubles u; the last level ("else") takes m 0.05
// and the rest of u; term-frequency adjustment is turned off (it needs u
// estimated from data). The prior becomes 1e-6. What the person index scores
// with until `vigil relink` has trained a model on the stored persons.
void SetUntrainedProbabilities(Model& model);

// The comparison DefaultModel uses for a field with `role`; a given name
// compared with `surname_field` (when not empty) gets the swapped-names
// levels.
Comparison DefaultComparison(const RoleField& field, std::string_view surname_field);

}  // namespace vigil::linkage
