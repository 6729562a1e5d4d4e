// ModelToJson and ModelFromJson (declared in model.h). Reading collects
// every problem with its JSON path; nlohmann exceptions stop here.

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "linkage/model.h"

namespace vigil::linkage {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kMaxPredicateDepth = 8;

// Typed access to one JSON object that records problems instead of throwing
// and remembers which keys were read, to reject unknown ones.
class ObjectReader {
 public:
  ObjectReader(const Json& json, std::string path, core::ErrorCollector& errors)
      : json_(json), path_(std::move(path)), errors_(errors) {
    if (!json_.is_object()) errors_.Add(Path(), "wrong_type", "must be an object");
  }
  ~ObjectReader() {
    if (!json_.is_object()) return;
    for (const auto& [key, value] : json_.items()) {
      if (!read_.contains(key)) errors_.Add(Path(key), "unknown_field", "is not a known key");
    }
  }
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  std::string Path(std::string_view key = {}) const {
    if (key.empty()) return path_.empty() ? std::string("$") : path_;
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  const Json* Find(std::string_view key, bool required) {
    read_.insert(std::string(key));
    if (json_.is_object()) {
      auto found = json_.find(std::string(key));
      if (found != json_.end()) return &*found;
    }
    if (required && json_.is_object()) errors_.Add(Path(key), "required", "is required");
    return nullptr;
  }
  std::string String(std::string_view key, bool required, std::string fallback = {}) {
    const Json* value = Find(key, required);
    if (value == nullptr) return fallback;
    if (!value->is_string()) {
      errors_.Add(Path(key), "wrong_type", "must be a string");
      return fallback;
    }
    return value->get<std::string>();
  }
  double Number(std::string_view key, bool required, double fallback) {
    const Json* value = Find(key, required);
    if (value == nullptr) return fallback;
    if (!value->is_number()) {
      errors_.Add(Path(key), "wrong_type", "must be a number");
      return fallback;
    }
    return value->get<double>();
  }
  std::int64_t Integer(std::string_view key, bool required, std::int64_t fallback) {
    const Json* value = Find(key, required);
    if (value == nullptr) return fallback;
    if (!value->is_number_integer()) {
      errors_.Add(Path(key), "wrong_type", "must be a whole number");
      return fallback;
    }
    return value->get<std::int64_t>();
  }
  bool Boolean(std::string_view key, bool fallback) {
    const Json* value = Find(key, false);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) {
      errors_.Add(Path(key), "wrong_type", "must be true or false");
      return fallback;
    }
    return value->get<bool>();
  }
  // The array under `key` (nullptr, with an error, when it is not one).
  const Json* Array(std::string_view key, bool required) {
    const Json* value = Find(key, required);
    if (value != nullptr && !value->is_array()) {
      errors_.Add(Path(key), "wrong_type", "must be a list");
      return nullptr;
    }
    return value;
  }
  core::ErrorCollector& errors() { return errors_; }

 private:
  const Json& json_;
  std::string path_;
  core::ErrorCollector& errors_;
  std::set<std::string> read_;
};

int ToInt(std::int64_t value) {
  return static_cast<int>(std::clamp<std::int64_t>(value, -1'000'000'000, 1'000'000'000));
}

Predicate ReadPredicate(const Json& json, const std::string& path, int depth,
                        core::ErrorCollector& errors) {
  Predicate predicate;
  ObjectReader reader(json, path, errors);
  std::string name = reader.String("comparator", true);
  if (auto kind = ParseComparatorKind(name)) {
    predicate.comparator = *kind;
  } else if (!name.empty()) {
    errors.Add(reader.Path("comparator"), "unknown_comparator",
               "\"" + name + "\" is not a comparator of the library");
  }
  predicate.field = reader.String("field", false);
  predicate.other_field = reader.String("other_field", false);
  predicate.at_least = reader.Number("at_least", false, 0);
  predicate.max_distance = ToInt(reader.Integer("max_distance", false, 0));
  predicate.max_days = ToInt(reader.Integer("max_days", false, 0));
  predicate.max_years = ToInt(reader.Integer("max_years", false, 0));
  predicate.length = ToInt(reader.Integer("length", false, 0));
  if (const Json* children = reader.Array("children", false)) {
    if (depth >= kMaxPredicateDepth) {
      errors.Add(reader.Path("children"), "too_deep", "predicates nest too deeply");
    } else {
      for (std::size_t index = 0; index < children->size(); ++index) {
        predicate.children.push_back(ReadPredicate(
            (*children)[index], reader.Path("children") + "[" + std::to_string(index) + "]",
            depth + 1, errors));
      }
    }
  }
  return predicate;
}

Json WritePredicate(const Predicate& predicate) {
  Json json;
  json["comparator"] = std::string(ComparatorName(predicate.comparator));
  if (!predicate.field.empty()) json["field"] = predicate.field;
  if (!predicate.other_field.empty()) json["other_field"] = predicate.other_field;
  if (predicate.at_least != 0) json["at_least"] = predicate.at_least;
  if (predicate.max_distance != 0) json["max_distance"] = predicate.max_distance;
  if (predicate.max_days != 0) json["max_days"] = predicate.max_days;
  if (predicate.max_years != 0) json["max_years"] = predicate.max_years;
  if (predicate.length != 0) json["length"] = predicate.length;
  if (!predicate.children.empty()) {
    Json children = Json::array();
    for (const Predicate& child : predicate.children) children.push_back(WritePredicate(child));
    json["children"] = std::move(children);
  }
  return json;
}

ComparisonLevel ReadLevel(const Json& json, const std::string& path, core::ErrorCollector& errors) {
  ComparisonLevel level;
  ObjectReader reader(json, path, errors);
  level.is_null_level = reader.Boolean("is_null_level", false);
  if (const Json* predicate = reader.Find("predicate", true)) {
    level.predicate = ReadPredicate(*predicate, reader.Path("predicate"), 0, errors);
  }
  level.label = reader.String("label", false, level.predicate.Describe());
  level.m_probability = reader.Number("m_probability", false, 0.5);
  level.u_probability = reader.Number("u_probability", false, 0.5);
  level.tf_adjustment = reader.Boolean("tf_adjustment", false);
  level.tf_field = reader.String("tf_field", false);
  level.tf_adjustment_weight = reader.Number("tf_adjustment_weight", false, 1.0);
  level.tf_minimum_u = reader.Number("tf_minimum_u", false, 1e-7);
  return level;
}

Json WriteLevel(const ComparisonLevel& level) {
  Json json;
  json["label"] = level.label;
  if (level.is_null_level) json["is_null_level"] = true;
  json["predicate"] = WritePredicate(level.predicate);
  if (!level.is_null_level) {
    json["m_probability"] = level.m_probability;
    json["u_probability"] = level.u_probability;
  }
  if (level.tf_adjustment) {
    json["tf_adjustment"] = true;
    if (!level.tf_field.empty()) json["tf_field"] = level.tf_field;
    json["tf_adjustment_weight"] = level.tf_adjustment_weight;
    json["tf_minimum_u"] = level.tf_minimum_u;
  }
  return json;
}

BlockingKey ReadKey(const Json& json, const std::string& path, core::ErrorCollector& errors) {
  BlockingKey key;
  if (json.is_string()) {
    key.field = json.get<std::string>();
    return key;
  }
  ObjectReader reader(json, path, errors);
  key.field = reader.String("field", true);
  std::string transform = reader.String("transform", false, "exact");
  if (auto parsed = ParseKeyTransform(transform)) {
    key.transform = *parsed;
  } else {
    errors.Add(reader.Path("transform"), "unknown_transform",
               "\"" + transform + "\" is not a blocking transform");
  }
  key.length = ToInt(reader.Integer("length", false, 0));
  return key;
}

Json WriteKey(const BlockingKey& key) {
  if (key.transform == KeyTransform::kExact) return key.field;
  Json json;
  json["field"] = key.field;
  json["transform"] = std::string(KeyTransformName(key.transform));
  if (key.transform == KeyTransform::kPrefix) json["length"] = key.length;
  return json;
}

std::vector<BlockingRule> ReadRules(ObjectReader& parent, std::string_view name, bool required) {
  std::vector<BlockingRule> rules;
  const Json* array = parent.Array(name, required);
  if (array == nullptr) return rules;
  for (std::size_t index = 0; index < array->size(); ++index) {
    std::string path = parent.Path(name) + "[" + std::to_string(index) + "]";
    ObjectReader reader((*array)[index], path, parent.errors());
    BlockingRule rule;
    if (const Json* keys = reader.Array("keys", true)) {
      for (std::size_t key = 0; key < keys->size(); ++key) {
        rule.keys.push_back(ReadKey(
            (*keys)[key], reader.Path("keys") + "[" + std::to_string(key) + "]", parent.errors()));
      }
    }
    rule.max_block_size = ToInt(reader.Integer("max_block_size", false, 0));
    rules.push_back(std::move(rule));
  }
  return rules;
}

Json WriteRules(const std::vector<BlockingRule>& rules) {
  Json array = Json::array();
  for (const BlockingRule& rule : rules) {
    Json json;
    Json keys = Json::array();
    for (const BlockingKey& key : rule.keys) keys.push_back(WriteKey(key));
    json["keys"] = std::move(keys);
    if (rule.max_block_size != 0) json["max_block_size"] = rule.max_block_size;
    array.push_back(std::move(json));
  }
  return array;
}

void ReadTraining(ObjectReader& parent, TrainingSettings& training) {
  const Json* json = parent.Find("training", false);
  if (json == nullptr) return;
  ObjectReader reader(*json, parent.Path("training"), parent.errors());
  auto count = [&reader](std::string_view key, std::uint64_t fallback) {
    std::int64_t value = reader.Integer(key, false, static_cast<std::int64_t>(fallback));
    return value < 0 ? std::uint64_t{0} : static_cast<std::uint64_t>(value);
  };
  training.seed = count("seed", training.seed);
  training.max_pairs_for_u = count("max_pairs_for_u", training.max_pairs_for_u);
  training.max_pairs_per_session = count("max_pairs_per_session", training.max_pairs_per_session);
  training.max_iterations = ToInt(reader.Integer("max_iterations", false, training.max_iterations));
  training.convergence = reader.Number("convergence", false, training.convergence);
  training.recall = reader.Number("recall", false, training.recall);
  training.sessions = ReadRules(reader, "sessions", false);
  training.deterministic_rules = ReadRules(reader, "deterministic_rules", false);
}

}  // namespace

std::string ModelToJson(const Model& model) {
  Json json;
  json["schema_version"] = kModelSchemaVersion;
  json["model_version"] = model.model_version;
  json["link_type"] = std::string(LinkTypeName(model.link_type));
  json["trained"] = model.trained;
  json["prior"] = model.prior;
  json["threshold_match_probability"] = model.threshold_match_probability;
  json["normalise"] = {{"default_phone_region", model.normalise.default_phone_region},
                       {"strip_email_tags", model.normalise.strip_email_tags},
                       {"two_digit_year_pivot", model.normalise.two_digit_year_pivot}};
  Json fields = Json::array();
  for (const FieldSpec& field : model.fields) {
    fields.push_back({{"name", field.name}, {"kind", std::string(FieldKindName(field.kind))}});
  }
  json["fields"] = std::move(fields);
  Json comparisons = Json::array();
  for (const Comparison& comparison : model.comparisons) {
    Json levels = Json::array();
    for (const ComparisonLevel& level : comparison.levels) levels.push_back(WriteLevel(level));
    Json item;
    item["name"] = comparison.name;
    if (!comparison.description.empty()) item["description"] = comparison.description;
    item["levels"] = std::move(levels);
    comparisons.push_back(std::move(item));
  }
  json["comparisons"] = std::move(comparisons);
  json["blocking_rules"] = WriteRules(model.blocking_rules);
  json["cluster_guard"] = {{"enabled", model.cluster_guard.enabled},
                           {"margin", model.cluster_guard.margin},
                           {"max_members_checked", model.cluster_guard.max_members_checked}};
  const TrainingSettings& training = model.training;
  json["training"] = {{"seed", training.seed},
                      {"max_pairs_for_u", training.max_pairs_for_u},
                      {"max_pairs_per_session", training.max_pairs_per_session},
                      {"max_iterations", training.max_iterations},
                      {"convergence", training.convergence},
                      {"recall", training.recall},
                      {"sessions", WriteRules(training.sessions)},
                      {"deterministic_rules", WriteRules(training.deterministic_rules)}};
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

core::Result<Model> ModelFromJson(std::string_view text) {
  Json json;
  try {
    json = Json::parse(text.begin(), text.end());
  } catch (const Json::exception& error) {
    return core::Malformed("the linkage model is not valid JSON: " + std::string(error.what()));
  }
  core::ErrorCollector errors;
  Model model;
  {
    ObjectReader root(json, "", errors);
    std::int64_t schema = root.Integer("schema_version", true, kModelSchemaVersion);
    if (schema != kModelSchemaVersion) {
      errors.Add("schema_version", "unsupported", "must be " + std::to_string(kModelSchemaVersion));
    }
    model.model_version = ToInt(root.Integer("model_version", false, 1));
    std::string link_type = root.String("link_type", false, "dedupe_only");
    if (auto parsed = ParseLinkType(link_type)) {
      model.link_type = *parsed;
    } else {
      errors.Add("link_type", "unknown", "must be dedupe_only or link_only");
    }
    model.trained = root.Boolean("trained", false);
    model.prior = root.Number("prior", false, model.prior);
    model.threshold_match_probability =
        root.Number("threshold_match_probability", false, model.threshold_match_probability);
    if (const Json* normalise = root.Find("normalise", false)) {
      ObjectReader reader(*normalise, "normalise", errors);
      model.normalise.default_phone_region =
          reader.String("default_phone_region", false, model.normalise.default_phone_region);
      model.normalise.strip_email_tags = reader.Boolean("strip_email_tags", false);
      model.normalise.two_digit_year_pivot = ToInt(
          reader.Integer("two_digit_year_pivot", false, model.normalise.two_digit_year_pivot));
    }
    if (const Json* fields = root.Array("fields", true)) {
      for (std::size_t index = 0; index < fields->size(); ++index) {
        ObjectReader reader((*fields)[index], "fields[" + std::to_string(index) + "]", errors);
        FieldSpec field;
        field.name = reader.String("name", true);
        std::string kind = reader.String("kind", true);
        if (auto parsed = ParseFieldKind(kind)) {
          field.kind = *parsed;
        } else if (!kind.empty()) {
          errors.Add(reader.Path("kind"), "unknown", "\"" + kind + "\" is not a field kind");
        }
        model.fields.push_back(std::move(field));
      }
    }
    if (const Json* comparisons = root.Array("comparisons", true)) {
      for (std::size_t index = 0; index < comparisons->size(); ++index) {
        std::string path = "comparisons[" + std::to_string(index) + "]";
        ObjectReader reader((*comparisons)[index], path, errors);
        Comparison comparison;
        comparison.name = reader.String("name", true);
        comparison.description = reader.String("description", false);
        if (const Json* levels = reader.Array("levels", true)) {
          for (std::size_t level = 0; level < levels->size(); ++level) {
            comparison.levels.push_back(ReadLevel(
                (*levels)[level], path + ".levels[" + std::to_string(level) + "]", errors));
          }
        }
        model.comparisons.push_back(std::move(comparison));
      }
    }
    model.blocking_rules = ReadRules(root, "blocking_rules", true);
    if (const Json* guard = root.Find("cluster_guard", false)) {
      ObjectReader reader(*guard, "cluster_guard", errors);
      model.cluster_guard.enabled = reader.Boolean("enabled", true);
      model.cluster_guard.margin = reader.Number("margin", false, model.cluster_guard.margin);
      model.cluster_guard.max_members_checked = ToInt(
          reader.Integer("max_members_checked", false, model.cluster_guard.max_members_checked));
    }
    ReadTraining(root, model.training);
  }
  if (!errors.empty()) return errors.ToStatus("the linkage model is invalid");
  VIGIL_RETURN_IF_ERROR(ValidateModel(model));
  return model;
}

}  // namespace vigil::linkage
