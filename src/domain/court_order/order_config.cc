#include "domain/court_order/order_config.h"

#include <algorithm>
#include <set>

#include "core/config_reader.h"

namespace vigil::domain::court_order {
namespace {

std::string_view BaseName(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

core::ConfigReader ReaderFor(const std::map<std::string, std::string>& files,
                             std::string_view name) {
  for (const auto& [path, text] : files) {
    if (BaseName(path) == name) return core::ConfigReader(path, text);
  }
  core::ConfigReader reader(std::string(name), "");
  reader.AddError(0, "", "is missing");
  return reader;
}

int ReadVersionHeader(core::ConfigNode& root) {
  core::ConfigNode schema_version = root.Required("schema_version");
  if (schema_version.IsDefined() && schema_version.AsInt(-1) != 1) {
    schema_version.Error("must be 1");
  }
  core::ConfigNode version = root.Required("version");
  if (!version.IsDefined()) return 0;
  std::int64_t value = version.AsInt(0);
  if (value < 1 || value > 1000000) {
    version.Error("must be a whole number from 1");
    return 0;
  }
  return static_cast<int>(value);
}

bool IsIdentifier(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string ReadId(core::ConfigNode& node, std::set<std::string>& seen) {
  core::ConfigNode id_node = node.Required("id");
  std::string id = id_node.AsString();
  if (!id_node.IsDefined()) return id;
  if (!IsIdentifier(id)) {
    id_node.Error("must be lower_snake_case letters and digits");
  } else if (id == kCustomTermId) {
    id_node.Error("'custom' is reserved for an order's own terms");
  } else if (!seen.insert(id).second) {
    id_node.Error("'" + id + "' appears twice");
  }
  return id;
}

std::string ReadText(core::ConfigNode& node, std::string_view key) {
  core::ConfigNode child = node.Required(key);
  std::string text = child.AsString();
  if (child.IsDefined() && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    child.Error("must not be empty");
  }
  return text;
}

// Reads `key` as one of `allowed`.
std::string ReadChoice(core::ConfigNode& node, std::string_view key,
                       std::initializer_list<std::string_view> allowed) {
  core::ConfigNode child = node.Required(key);
  std::string value = child.AsString();
  if (!child.IsDefined()) return value;
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    std::string list;
    for (std::string_view option : allowed)
      list += (list.empty() ? "" : ", ") + std::string(option);
    child.Error("must be one of " + list);
  }
  return value;
}

int ReadWholeNumber(core::ConfigNode& node, std::string_view key, int low, int high) {
  core::ConfigNode child = node.Required(key);
  if (!child.IsDefined()) return 0;
  std::int64_t value = child.AsInt(low - 1);
  if (value < low || value > high) {
    child.Error("must be a whole number from " + std::to_string(low) + " to " +
                std::to_string(high));
    return 0;
  }
  return static_cast<int>(value);
}

// statute + verified, both required.
LegalRule ReadLegalRule(core::ConfigNode& node) {
  LegalRule rule;
  rule.statute = ReadText(node, "statute");
  rule.verified = node.Required("verified").AsBool(false);
  return rule;
}

void ReadInterim(core::ConfigNode node, OrderType& type) {
  type.interim_allowed = node.Required("allowed").AsBool(false);
  if (type.interim_allowed) {
    type.interim_label = ReadText(node, "label");
    type.interim_rule = ReadLegalRule(node);
  }
  node.CheckNoUnknownKeys();
}

void ReadDuration(core::ConfigNode node, OrderType& type) {
  type.minimum_months = ReadWholeNumber(node, "minimum_months", 0, 600);
  type.until_further_order = node.Required("until_further_order").AsBool(false);
  type.duration_rule = ReadLegalRule(node);
  node.CheckNoUnknownKeys();
}

void ReadNotification(core::ConfigNode node, NotificationRule& rule) {
  rule.required = node.Required("required").AsBool(false);
  if (rule.required) {
    rule.initial_days = ReadWholeNumber(node, "initial_days", 1, 31);
    rule.change_days = ReadWholeNumber(node, "change_days", 1, 31);
    rule.not_again_after_interim = node.Required("not_again_after_interim").AsBool(false);
    rule.rule = ReadLegalRule(node);
    rule.counting_verified = node.Required("counting_verified").AsBool(false);
  }
  node.CheckNoUnknownKeys();
}

void ReadBreachOffence(core::ConfigNode node, BreachOffence& offence) {
  core::ConfigNode code = node.Required("code");
  offence.code = code.AsString();
  offence.label = ReadText(node, "label");
  offence.verified = node.Required("verified").AsBool(false);
  if (code.IsDefined() && offence.verified && offence.code.empty()) {
    code.Error("a verified breach offence needs its code");
  }
  node.CheckNoUnknownKeys();
}

void ReadOrderTypes(core::ConfigReader& reader, OrderConfig& config) {
  core::ConfigNode root = reader.root();
  config.order_types_version = ReadVersionHeader(root);
  core::ConfigNode reminders = root.Required("expiry_reminders_days");
  if (reminders.IsDefined()) {
    std::vector<core::ConfigNode> items = reminders.Items();
    int previous = 0;
    for (core::ConfigNode& item : items) {
      std::int64_t days = item.AsInt(0);
      if (days <= previous || days > 3660) {
        item.Error("must be whole days from 1 to 3660, each larger than the one before");
      } else {
        previous = static_cast<int>(days);
        config.expiry_reminders_days.push_back(previous);
      }
    }
    if (reminders.IsSequence() && items.empty()) reminders.Error("must list at least one window");
  }
  std::set<std::string> seen;
  core::ConfigNode types = root.Required("order_types");
  for (core::ConfigNode& node : types.Items()) {
    OrderType type;
    type.id = ReadId(node, seen);
    type.label = ReadText(node, "label");
    type.rule = ReadLegalRule(node);
    type.applicant = ReadChoice(node, "applicant", {"chief_officer", "prosecution"});
    type.court = ReadText(node, "court");
    type.made_on = ReadChoice(node, "made_on", {"application", "conviction", "acquittal"});
    ReadInterim(node.Required("interim"), type);
    ReadDuration(node.Required("duration"), type);
    ReadNotification(node.Required("notification"), type.notification);
    ReadBreachOffence(node.Required("breach_offence"), type.breach_offence);
    core::ConfigNode variation = node.Required("variation");
    type.variation_rule = ReadLegalRule(variation);
    variation.CheckNoUnknownKeys();
    core::ConfigNode appeal = node.Required("appeal");
    type.appeal_court = ReadText(appeal, "court");
    type.appeal_rule = ReadLegalRule(appeal);
    appeal.CheckNoUnknownKeys();
    node.CheckNoUnknownKeys();
    config.order_types.push_back(std::move(type));
  }
  if (types.IsSequence() && config.order_types.empty()) {
    types.Error("must list at least one order type");
  }
  root.CheckNoUnknownKeys();
}

void ReadTerms(core::ConfigReader& reader, OrderConfig& config) {
  core::ConfigNode root = reader.root();
  config.terms_version = ReadVersionHeader(root);
  std::set<std::string> seen;
  core::ConfigNode terms = root.Required("terms");
  for (core::ConfigNode& node : terms.Items()) {
    StandardTerm term;
    term.id = ReadId(node, seen);
    term.kind = ReadChoice(node, "kind", {"prohibition", "requirement"});
    term.label = ReadText(node, "label");
    term.wording = ReadText(node, "wording");
    term.needs_area = node.Required("needs_area").AsBool(false);
    term.needs_distance = node.Required("needs_distance").AsBool(false);
    core::ConfigNode types = node.Required("order_types");
    term.order_types = types.AsStringList();
    for (const std::string& type : term.order_types) {
      if (config.FindType(type) == nullptr && !config.order_types.empty()) {
        types.Error("'" + type + "' is not an order type in order_types.yaml");
      }
    }
    if (types.IsSequence() && term.order_types.empty()) {
      types.Error("must list at least one order type");
    }
    node.CheckNoUnknownKeys();
    config.terms.push_back(std::move(term));
  }
  root.CheckNoUnknownKeys();
}

}  // namespace

const OrderType* OrderConfig::FindType(std::string_view id) const {
  for (const OrderType& type : order_types) {
    if (type.id == id) return &type;
  }
  return nullptr;
}

const StandardTerm* OrderConfig::FindTerm(std::string_view id) const {
  for (const StandardTerm& term : terms) {
    if (term.id == id) return &term;
  }
  return nullptr;
}

core::Result<OrderConfig> ParseOrderConfig(const std::map<std::string, std::string>& files) {
  core::ConfigReader types_reader = ReaderFor(files, kOrderTypesFile);
  core::ConfigReader terms_reader = ReaderFor(files, kTermsFile);
  OrderConfig config;
  // A file that is missing or not YAML has its one error already.
  if (types_reader.ToStatus().ok()) ReadOrderTypes(types_reader, config);
  if (terms_reader.ToStatus().ok()) ReadTerms(terms_reader, config);
  config.version = "order_types@" + std::to_string(config.order_types_version) + ";terms@" +
                   std::to_string(config.terms_version);
  core::ErrorCollector errors;
  errors.Merge("", types_reader.ToStatus());
  errors.Merge("", terms_reader.ToStatus());
  if (!errors.empty()) return errors.ToStatus("the court order configuration has errors");
  return config;
}

core::Result<OrderConfig> DefaultOrderConfig() {
  std::map<std::string, std::string> files;
  for (const core::EmbeddedFile& file : EmbeddedOrderConfigFiles()) {
    files.emplace(std::string(file.name), std::string(file.content));
  }
  return ParseOrderConfig(files);
}

}  // namespace vigil::domain::court_order
