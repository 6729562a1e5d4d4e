#include "linkage/default_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <utility>

#include "linkage/blocking.h"

namespace vigil::linkage {
namespace {

constexpr std::array<std::pair<FieldRole, std::string_view>, 11> kRoleNames = {{
    {FieldRole::kGivenName, "given_name"},
    {FieldRole::kSurname, "surname"},
    {FieldRole::kFullName, "full_name"},
    {FieldRole::kDateOfBirth, "dob"},
    {FieldRole::kSex, "sex"},
    {FieldRole::kPostcode, "postcode"},
    {FieldRole::kAddress, "address"},
    {FieldRole::kPhone, "phone"},
    {FieldRole::kEmail, "email"},
    {FieldRole::kHandle, "handle"},
    {FieldRole::kOther, "other"},
}};

constexpr int kDefaultMaxBlockSize = 5000;

ComparisonLevel Level(std::string label, Predicate predicate, bool tf = false) {
  ComparisonLevel level;
  level.label = std::move(label);
  level.predicate = std::move(predicate);
  level.tf_adjustment = tf;
  return level;
}

Predicate With(ComparatorKind kind, const std::string& field) {
  Predicate predicate;
  predicate.comparator = kind;
  predicate.field = field;
  return predicate;
}

Predicate Similar(ComparatorKind kind, const std::string& field, double at_least) {
  Predicate predicate = With(kind, field);
  predicate.at_least = at_least;
  return predicate;
}

Predicate Distance(ComparatorKind kind, const std::string& field, int max_distance) {
  Predicate predicate = With(kind, field);
  predicate.max_distance = max_distance;
  return predicate;
}

BlockingKey Key(const std::string& field, KeyTransform transform = KeyTransform::kExact) {
  return BlockingKey{field, transform, 0};
}

BlockingRule Rule(std::vector<BlockingKey> keys) {
  BlockingRule rule;
  rule.keys = std::move(keys);
  rule.max_block_size = kDefaultMaxBlockSize;
  return rule;
}

}  // namespace

std::string_view FieldRoleName(FieldRole role) {
  for (const auto& [candidate, name] : kRoleNames) {
    if (candidate == role) return name;
  }
  return "other";
}

std::optional<FieldRole> ParseFieldRole(std::string_view name) {
  for (const auto& [role, candidate] : kRoleNames) {
    if (candidate == name) return role;
  }
  return std::nullopt;
}

FieldKind KindOfRole(FieldRole role) {
  switch (role) {
    case FieldRole::kGivenName:
    case FieldRole::kSurname:
    case FieldRole::kFullName:
      return FieldKind::kName;
    case FieldRole::kDateOfBirth:
      return FieldKind::kDate;
    case FieldRole::kSex:
      return FieldKind::kSex;
    case FieldRole::kPostcode:
      return FieldKind::kPostcode;
    case FieldRole::kAddress:
      return FieldKind::kAddress;
    case FieldRole::kPhone:
      return FieldKind::kPhone;
    case FieldRole::kEmail:
      return FieldKind::kEmail;
    case FieldRole::kHandle:
      return FieldKind::kHandle;
    case FieldRole::kOther:
      return FieldKind::kText;
  }
  return FieldKind::kText;
}

Comparison DefaultComparison(const RoleField& field, std::string_view surname_field) {
  const std::string& name = field.name;
  Comparison comparison;
  comparison.name = name;
  ComparisonLevel null_level = Level(name + " is missing", NullPredicate(name));
  null_level.is_null_level = true;
  comparison.levels.push_back(null_level);
  auto add = [&comparison](ComparisonLevel level) {
    comparison.levels.push_back(std::move(level));
  };
  // The given name comparison owns the evidence of swapped names (the
  // surname comparison must not count the same fact again).
  auto swapped = [&](std::string_view other) {
    if (other.empty()) return;
    Predicate both = With(ComparatorKind::kExactSwapped, name);
    both.other_field = std::string(other);
    add(Level("given name and surname swapped", both));
    Predicate one = With(ComparatorKind::kExactCrosswise, name);
    one.other_field = std::string(other);
    add(Level("one's given name is the other's surname", one));
  };
  switch (field.role) {
    case FieldRole::kGivenName:
      comparison.description = "Given names: exact, swapped, nickname, fuzzy, phonetic, initial";
      add(Level("exact", ExactPredicate(name), true));
      swapped(surname_field);
      add(Level("nickname", With(ComparatorKind::kNickname, name)));
      add(Level("jaro_winkler >= 0.92", Similar(ComparatorKind::kJaroWinkler, name, 0.92)));
      add(Level("jaro_winkler >= 0.8", Similar(ComparatorKind::kJaroWinkler, name, 0.8)));
      add(Level("metaphone", With(ComparatorKind::kMetaphone, name)));
      add(Level("initial", With(ComparatorKind::kInitial, name)));
      break;
    case FieldRole::kSurname:
      comparison.description = "Surnames: exact, one edit, fuzzy, phonetic";
      add(Level("exact", ExactPredicate(name), true));
      add(Level("damerau_levenshtein <= 1",
                Distance(ComparatorKind::kDamerauLevenshtein, name, 1)));
      add(Level("jaro_winkler >= 0.92", Similar(ComparatorKind::kJaroWinkler, name, 0.92)));
      add(Level("jaro_winkler >= 0.8", Similar(ComparatorKind::kJaroWinkler, name, 0.8)));
      add(Level("metaphone", With(ComparatorKind::kMetaphone, name)));
      break;
    case FieldRole::kFullName:
      comparison.description = "Full names: exact, same words, fuzzy";
      add(Level("exact", ExactPredicate(name), true));
      add(Level("same words", Similar(ComparatorKind::kTokenJaccard, name, 1.0)));
      add(Level("jaro_winkler >= 0.92", Similar(ComparatorKind::kJaroWinkler, name, 0.92)));
      add(Level("half the words", Similar(ComparatorKind::kTokenJaccard, name, 0.5)));
      add(Level("jaro_winkler >= 0.8", Similar(ComparatorKind::kJaroWinkler, name, 0.8)));
      break;
    case FieldRole::kDateOfBirth: {
      comparison.description = "Dates of birth: exact, day and month swapped, one typo, near";
      add(Level("exact", ExactPredicate(name)));
      add(Level("day and month swapped", With(ComparatorKind::kDayMonthSwap, name)));
      add(Level("damerau_levenshtein <= 1",
                Distance(ComparatorKind::kDamerauLevenshtein, name, 1)));
      Predicate within = With(ComparatorKind::kDateWithinDays, name);
      within.max_days = 366;
      add(Level("within a year", within));
      Predicate same_year = With(ComparatorKind::kYearWithin, name);
      same_year.max_years = 0;
      add(Level("same year", same_year));
      break;
    }
    case FieldRole::kPostcode:
      comparison.description = "Postcodes: exact, same sector, same district, one edit";
      add(Level("exact", ExactPredicate(name), true));
      add(Level("same sector", With(ComparatorKind::kPostcodeSector, name)));
      add(Level("same district", With(ComparatorKind::kPostcodeDistrict, name)));
      add(Level("damerau_levenshtein <= 1",
                Distance(ComparatorKind::kDamerauLevenshtein, name, 1)));
      break;
    case FieldRole::kAddress:
      comparison.description = "Addresses: exact, fuzzy, shared words";
      add(Level("exact", ExactPredicate(name), true));
      add(Level("jaro_winkler >= 0.95", Similar(ComparatorKind::kJaroWinkler, name, 0.95)));
      add(Level("most words shared", Similar(ComparatorKind::kTokenJaccard, name, 0.6)));
      add(Level("jaro_winkler >= 0.85", Similar(ComparatorKind::kJaroWinkler, name, 0.85)));
      add(Level("some words shared", Similar(ComparatorKind::kTokenJaccard, name, 0.3)));
      break;
    case FieldRole::kEmail:
      // Exact only: addresses are often made from names ("jo.smith12@..."),
      // so near-equal addresses of two people called Jo Smith would count
      // their shared name a second time.
      comparison.description = "Emails: exact";
      add(Level("exact", ExactPredicate(name), true));
      break;
    case FieldRole::kSex:
      comparison.description = "Sex: exact";
      add(Level("exact", ExactPredicate(name)));
      break;
    case FieldRole::kPhone:
    case FieldRole::kHandle:
    case FieldRole::kOther:
      comparison.description = "Exact or one edit";
      add(Level("exact", ExactPredicate(name), true));
      add(Level("damerau_levenshtein <= 1",
                Distance(ComparatorKind::kDamerauLevenshtein, name, 1)));
      break;
  }
  add(Level("else", ElsePredicate()));
  return comparison;
}

core::Result<Model> DefaultModel(std::span<const RoleField> fields, LinkType link_type,
                                 const PreparedRecords* records, int threads) {
  core::ErrorCollector errors;
  std::set<std::string> names;
  std::string by_role[11];
  std::vector<std::string> others;
  for (std::size_t index = 0; index < fields.size(); ++index) {
    const RoleField& field = fields[index];
    std::string path = "fields[" + std::to_string(index) + "]";
    if (!names.insert(field.name).second)
      errors.Add(path, "duplicate", "\"" + field.name + "\" is repeated");
    if (field.role == FieldRole::kOther || field.role == FieldRole::kAddress) {
      if (field.role == FieldRole::kOther) others.push_back(field.name);
      if (field.role == FieldRole::kAddress && by_role[static_cast<int>(field.role)].empty()) {
        by_role[static_cast<int>(field.role)] = field.name;
      }
      continue;
    }
    std::string& slot = by_role[static_cast<int>(field.role)];
    if (!slot.empty()) {
      errors.Add(path, "duplicate_role",
                 "only one field may have the role " + std::string(FieldRoleName(field.role)));
    }
    slot = field.name;
  }
  if (fields.empty()) errors.Add("fields", "required", "at least one field to compare is needed");
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("no default model can be built"));
  auto role = [&by_role](FieldRole wanted) -> const std::string& {
    return by_role[static_cast<int>(wanted)];
  };
  const std::string& given = role(FieldRole::kGivenName);
  const std::string& surname = role(FieldRole::kSurname);
  const std::string& full = role(FieldRole::kFullName);
  const std::string& dob = role(FieldRole::kDateOfBirth);
  const std::string& postcode = role(FieldRole::kPostcode);

  Model model;
  model.link_type = link_type;
  for (const RoleField& field : fields) {
    model.fields.push_back(FieldSpec{field.name, KindOfRole(field.role)});
    model.comparisons.push_back(DefaultComparison(field, given.empty() ? "" : surname));
  }
  std::vector<BlockingRule> candidates;
  auto candidate = [&candidates](std::vector<BlockingKey> keys) {
    for (const BlockingKey& key : keys) {
      if (key.field.empty()) return;
    }
    candidates.push_back(Rule(std::move(keys)));
  };
  candidate({Key(given), Key(surname)});
  candidate({Key(full)});
  candidate({Key(surname), Key(dob)});
  candidate({Key(given), Key(dob)});
  candidate({Key(full), Key(dob)});
  candidate({Key(dob), Key(postcode)});
  candidate({Key(given, KeyTransform::kMetaphone), Key(surname, KeyTransform::kMetaphone)});
  candidate({Key(full, KeyTransform::kMetaphone), Key(dob, KeyTransform::kYear)});
  candidate({Key(role(FieldRole::kPhone))});
  candidate({Key(role(FieldRole::kEmail))});
  candidate({Key(role(FieldRole::kHandle))});
  candidate({Key(dob)});
  candidate({Key(postcode), Key(surname)});
  candidate({Key(postcode)});
  candidate({Key(role(FieldRole::kAddress))});
  // Other fields only when they are selective enough (the budget below).
  if (records != nullptr) {
    for (const std::string& other : others) candidate({Key(other)});
  }
  if (candidates.empty()) {
    // Nothing selective: block on each field in turn.
    for (const RoleField& field : fields) candidates.push_back(Rule({Key(field.name)}));
  }
  if (records != nullptr) {
    std::uint64_t budget =
        kMinimumPairBudget + kPairsPerRecordBudget * static_cast<std::uint64_t>(records->size());
    // One blocker over every candidate counts each rule's own pairs (before
    // exclusions), the rules in parallel.
    core::Result<Blocker> blocker =
        Blocker::Create(candidates, *records, link_type, threads, 1 << 30);
    if (blocker.ok()) {
      std::vector<BlockingRule> kept;
      std::vector<RuleCount> counts = blocker->RawCounts();
      for (std::size_t index = 0; index < candidates.size(); ++index) {
        if (counts[index].raw_pairs <= budget) kept.push_back(candidates[index]);
      }
      if (!kept.empty()) candidates = std::move(kept);
    }
  }
  model.blocking_rules = candidates;

  // Training sessions: greedily until every comparison can be estimated.
  std::vector<BlockingRule> sessions;
  auto session = [&](std::vector<BlockingKey> keys) {
    for (const BlockingKey& key : keys) {
      if (key.field.empty()) return;
    }
    sessions.push_back(Rule(std::move(keys)));
    sessions.back().max_block_size = 0;
  };
  session({Key(dob)});
  if (!given.empty() && !surname.empty()) {
    session({Key(given), Key(surname)});
  } else if (!full.empty()) {
    session({Key(full)});
  } else {
    session({Key(given)});
    session({Key(surname)});
  }
  session({Key(postcode)});
  session({Key(role(FieldRole::kEmail))});
  session({Key(role(FieldRole::kPhone))});
  std::vector<BlockingRule> chosen;
  std::set<std::string> covered;
  for (const BlockingRule& rule : sessions) {
    std::vector<std::string> rule_fields = rule.Fields();
    bool adds = false;
    for (const Comparison& comparison : model.comparisons) {
      if (covered.contains(comparison.name)) continue;
      std::vector<std::string> used = comparison.Fields();
      bool shares = std::any_of(used.begin(), used.end(), [&](const std::string& field) {
        return std::find(rule_fields.begin(), rule_fields.end(), field) != rule_fields.end();
      });
      if (!shares) adds = true;
    }
    if (!adds && chosen.size() >= 2) continue;
    chosen.push_back(rule);
    for (const Comparison& comparison : model.comparisons) {
      std::vector<std::string> used = comparison.Fields();
      bool shares = std::any_of(used.begin(), used.end(), [&](const std::string& field) {
        return std::find(rule_fields.begin(), rule_fields.end(), field) != rule_fields.end();
      });
      if (!shares) covered.insert(comparison.name);
    }
    if (covered.size() == model.comparisons.size() && chosen.size() >= 2) break;
  }
  model.training.sessions = chosen;

  // Deterministic rules for the prior.
  if (!given.empty() && !surname.empty() && !dob.empty()) {
    model.training.deterministic_rules.push_back(Rule({Key(given), Key(surname), Key(dob)}));
  } else if (!full.empty() && !dob.empty()) {
    model.training.deterministic_rules.push_back(Rule({Key(full), Key(dob)}));
  } else if (!given.empty() && !surname.empty() && !postcode.empty()) {
    model.training.deterministic_rules.push_back(Rule({Key(given), Key(surname), Key(postcode)}));
  } else if (!model.training.sessions.empty()) {
    model.training.deterministic_rules.push_back(model.training.sessions.front());
  }
  for (BlockingRule& rule : model.training.deterministic_rules) rule.max_block_size = 0;
  VIGIL_RETURN_IF_ERROR(ValidateModel(model));
  return model;
}

void SetUntrainedProbabilities(Model& model) {
  for (Comparison& comparison : model.comparisons) {
    std::vector<ComparisonLevel*> levels;
    for (ComparisonLevel& level : comparison.levels) {
      if (!level.is_null_level) levels.push_back(&level);
    }
    if (levels.size() < 2) continue;
    const std::size_t graded = levels.size() - 1;  // Every level but "else".
    double m_total = 0;
    double u_total = 0;
    for (std::size_t index = 0; index < graded; ++index) {
      m_total += std::ldexp(1.0, -static_cast<int>(index));
      u_total += std::min(0.01 * std::ldexp(1.0, static_cast<int>(index)), 0.1);
    }
    const double u_scale = u_total > 0.5 ? 0.5 / u_total : 1.0;
    for (std::size_t index = 0; index < graded; ++index) {
      levels[index]->m_probability = 0.95 * std::ldexp(1.0, -static_cast<int>(index)) / m_total;
      levels[index]->u_probability =
          std::min(0.01 * std::ldexp(1.0, static_cast<int>(index)), 0.1) * u_scale;
    }
    // Term-frequency adjustment needs u estimated from the data (and a small
    // set of records makes every value look common): left to training.
    for (ComparisonLevel* level : levels) level->tf_adjustment = false;
    levels.back()->m_probability = 0.05;
    levels.back()->u_probability = 1.0 - std::min(u_total * u_scale, 0.5);
  }
  model.prior = 1e-6;
}

}  // namespace vigil::linkage
