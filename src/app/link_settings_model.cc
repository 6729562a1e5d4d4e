#include "app/link_settings_model.h"

#include <algorithm>

namespace vigil::app {
namespace {

constexpr int kMaxPredicateDepth = 8;

// Reports linkage validation errors at `node` (its line), keyed by their path.
void Report(core::ConfigNode& node, const core::ErrorCollector& errors) {
  for (const core::FieldError& error : errors.errors()) {
    node.Error(error.field + ": " + error.message);
  }
}

int SmallInt(core::ConfigNode node, int fallback) {
  std::int64_t value = node.AsInt(fallback);
  if (value < -1'000'000'000 || value > 1'000'000'000) {
    node.Error("is out of range");
    return fallback;
  }
  return static_cast<int>(value);
}

std::optional<std::uint64_t> Count(core::ConfigNode node) {
  if (!node.IsDefined()) return std::nullopt;
  std::int64_t value = node.AsInt(0);
  if (value < 1000) {
    node.Error("must be 1000 or more");
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(value);
}

}  // namespace

SettingsModelReader::SettingsModelReader(std::vector<linkage::FieldSpec> fields)
    : fields_(std::move(fields)) {}

linkage::Predicate SettingsModelReader::ReadPredicate(core::ConfigNode& node, int depth) {
  linkage::Predicate predicate;
  std::string name = node.Required("comparator").AsString();
  if (std::optional<linkage::ComparatorKind> kind = linkage::ParseComparatorKind(name)) {
    predicate.comparator = *kind;
  } else if (!name.empty()) {
    node.Required("comparator").Error("\"" + name + "\" is not a comparator of the library");
  }
  predicate.field = node.Optional("field").AsString();
  predicate.other_field = node.Optional("other_field").AsString();
  predicate.at_least = node.Optional("at_least").AsDouble(0);
  predicate.max_distance = SmallInt(node.Optional("max_distance"), 0);
  predicate.max_days = SmallInt(node.Optional("max_days"), 0);
  predicate.max_years = SmallInt(node.Optional("max_years"), 0);
  predicate.length = SmallInt(node.Optional("length"), 0);
  core::ConfigNode children = node.Optional("children");
  if (children.IsDefined()) {
    if (depth >= kMaxPredicateDepth) {
      children.Error("predicates nest too deeply");
    } else {
      for (core::ConfigNode& child : children.Items()) {
        predicate.children.push_back(ReadPredicate(child, depth + 1));
        child.CheckNoUnknownKeys();
      }
    }
  }
  return predicate;
}

linkage::ComparisonLevel SettingsModelReader::ReadLevel(core::ConfigNode node) {
  linkage::ComparisonLevel level;
  if (!node.IsMap()) {
    node.Error("must be a map with a comparator");
    return level;
  }
  level.predicate = ReadPredicate(node, 0);
  level.is_null_level = level.predicate.comparator == linkage::ComparatorKind::kNull;
  level.label = node.Optional("label").AsString(level.predicate.Describe());
  level.tf_adjustment = node.Optional("tf_adjustment").AsBool(false);
  level.tf_adjustment_weight = node.Optional("tf_adjustment_weight").AsDouble(1.0);
  level.m_probability = node.Optional("m_probability").AsDouble(0.5);
  level.u_probability = node.Optional("u_probability").AsDouble(0.5);
  node.CheckNoUnknownKeys();
  return level;
}

std::vector<linkage::Comparison> SettingsModelReader::Comparisons(core::ConfigNode node) {
  std::vector<linkage::Comparison> comparisons;
  for (core::ConfigNode& item : node.Items()) {
    linkage::Comparison comparison;
    if (!item.IsMap()) {
      item.Error("must be a map with levels");
      continue;
    }
    for (core::ConfigNode& level : item.Required("levels").Items()) {
      comparison.levels.push_back(ReadLevel(level));
    }
    if (comparison.levels.empty()) continue;
    const linkage::Predicate& first = comparison.levels.front().predicate;
    comparison.name = item.Optional("name").AsString(first.field);
    comparison.description = item.Optional("description").AsString();
    if (first.comparator != linkage::ComparatorKind::kNull && !first.field.empty()) {
      linkage::ComparisonLevel null_level;
      null_level.label = first.field + " is missing";
      null_level.predicate = linkage::NullPredicate(first.field);
      null_level.is_null_level = true;
      comparison.levels.insert(comparison.levels.begin(), null_level);
    }
    if (comparison.levels.back().predicate.comparator != linkage::ComparatorKind::kElse) {
      linkage::ComparisonLevel otherwise;
      otherwise.label = "else";
      comparison.levels.push_back(otherwise);
    }
    item.CheckNoUnknownKeys();
    core::ErrorCollector errors;
    linkage::ValidateComparison(comparison, fields_, "comparison", errors);
    Report(item, errors);
    comparisons.push_back(std::move(comparison));
  }
  if (comparisons.empty()) node.Error("must list at least one comparison");
  return comparisons;
}

linkage::BlockingRule SettingsModelReader::ReadRule(core::ConfigNode node) {
  linkage::BlockingRule rule;
  core::ConfigNode keys = node;
  if (node.IsMap()) {
    keys = node.Required("keys");
    rule.max_block_size = SmallInt(node.Optional("max_block_size"), 0);
    node.CheckNoUnknownKeys();
  }
  std::vector<core::ConfigNode> key_nodes;
  if (keys.IsDefined() && !keys.IsMap() && !keys.IsSequence()) {
    key_nodes.push_back(keys);  // A single field: `- postcode`.
  } else {
    key_nodes = keys.Items();
  }
  for (core::ConfigNode& key_node : key_nodes) {
    linkage::BlockingKey key;
    if (key_node.IsMap()) {
      key.field = key_node.Required("field").AsString();
      std::string transform = key_node.Optional("transform").AsString("exact");
      if (std::optional<linkage::KeyTransform> parsed = linkage::ParseKeyTransform(transform)) {
        key.transform = *parsed;
      } else {
        key_node.Error("\"" + transform + "\" is not a blocking transform");
      }
      key.length = SmallInt(key_node.Optional("length"), 0);
      key_node.CheckNoUnknownKeys();
    } else {
      key.field = key_node.AsString();
    }
    rule.keys.push_back(key);
  }
  core::ErrorCollector errors;
  linkage::ValidateBlockingRule(rule, fields_, "rule", errors);
  Report(node, errors);
  return rule;
}

std::vector<linkage::BlockingRule> SettingsModelReader::Rules(core::ConfigNode node) {
  std::vector<linkage::BlockingRule> rules;
  for (core::ConfigNode& item : node.Items()) rules.push_back(ReadRule(item));
  if (rules.empty()) node.Error("must list at least one blocking rule");
  return rules;
}

linkage::ClusterGuard SettingsModelReader::Guard(core::ConfigNode node) {
  linkage::ClusterGuard guard;
  guard.enabled = node.Optional("enabled").AsBool(guard.enabled);
  core::ConfigNode margin = node.Optional("margin");
  guard.margin = margin.AsDouble(guard.margin);
  if (!(guard.margin >= 0 && guard.margin < 1000)) margin.Error("must be from 0 to 1000 bits");
  core::ConfigNode members = node.Optional("max_members_checked");
  guard.max_members_checked = SmallInt(members, guard.max_members_checked);
  if (guard.max_members_checked < 1 || guard.max_members_checked > 10000) {
    members.Error("must be from 1 to 10000");
  }
  node.CheckNoUnknownKeys();
  return guard;
}

linkage::NormaliseOptions SettingsModelReader::Normalise(core::ConfigNode node) {
  linkage::NormaliseOptions options;
  options.default_phone_region =
      node.Optional("default_phone_region").AsString(options.default_phone_region);
  options.strip_email_tags = node.Optional("strip_email_tags").AsBool(false);
  core::ConfigNode pivot = node.Optional("two_digit_year_pivot");
  options.two_digit_year_pivot = SmallInt(pivot, options.two_digit_year_pivot);
  if (options.two_digit_year_pivot < 0 || options.two_digit_year_pivot > 100) {
    pivot.Error("must be from 0 to 100");
  }
  node.CheckNoUnknownKeys();
  return options;
}

TrainingOverrides SettingsModelReader::Training(core::ConfigNode node) {
  TrainingOverrides training;
  if (core::ConfigNode seed = node.Optional("seed"); seed.IsDefined()) {
    std::int64_t value = seed.AsInt(42);
    if (value < 0) seed.Error("must be 0 or more");
    training.seed = static_cast<std::uint64_t>(std::max<std::int64_t>(value, 0));
  }
  training.max_pairs_for_u = Count(node.Optional("max_pairs_for_u"));
  training.max_pairs_per_session = Count(node.Optional("max_pairs_per_session"));
  if (core::ConfigNode iterations = node.Optional("max_iterations"); iterations.IsDefined()) {
    training.max_iterations = SmallInt(iterations, 40);
    if (*training.max_iterations < 1 || *training.max_iterations > 1000) {
      iterations.Error("must be from 1 to 1000");
    }
  }
  if (core::ConfigNode recall = node.Optional("recall"); recall.IsDefined()) {
    training.recall = recall.AsDouble(0);
    if (!(*training.recall > 0 && *training.recall <= 1))
      recall.Error("must be above 0 and at most 1");
  }
  if (core::ConfigNode sessions = node.Optional("sessions"); sessions.IsDefined()) {
    training.sessions = Rules(sessions);
  }
  if (core::ConfigNode rules = node.Optional("deterministic_rules"); rules.IsDefined()) {
    training.deterministic_rules = Rules(rules);
  }
  node.CheckNoUnknownKeys();
  return training;
}

}  // namespace vigil::app
