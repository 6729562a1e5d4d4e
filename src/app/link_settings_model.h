#pragma once
// Reads the model parts of a `vigil link` settings file (comparisons,
// blocking rules, training, clustering guard, normalisation) from YAML
// nodes, checking them against the fields the columns produce, and records
// every problem at its file and line. Used by ParseLinkSettings. Not
// thread-safe.

#include <vector>

#include "app/link_settings.h"
#include "core/config_reader.h"
#include "linkage/model.h"

namespace vigil::app {

class SettingsModelReader {
 public:
  explicit SettingsModelReader(std::vector<linkage::FieldSpec> fields);

  // A list of comparisons, each `{name?, levels: [predicate, ...]}`. A null
  // level on the first level's field is added first and an else level last
  // when missing.
  std::vector<linkage::Comparison> Comparisons(core::ConfigNode node);
  // A list of rules, each a list of keys (`surname` or `{field, transform,
  // length}`) or `{keys: [...], max_block_size: N}`.
  std::vector<linkage::BlockingRule> Rules(core::ConfigNode node);
  linkage::ClusterGuard Guard(core::ConfigNode node);
  linkage::NormaliseOptions Normalise(core::ConfigNode node);
  TrainingOverrides Training(core::ConfigNode node);

 private:
  linkage::Predicate ReadPredicate(core::ConfigNode& node, int depth);
  linkage::ComparisonLevel ReadLevel(core::ConfigNode node);
  linkage::BlockingRule ReadRule(core::ConfigNode node);

  std::vector<linkage::FieldSpec> fields_;
};

}  // namespace vigil::app
