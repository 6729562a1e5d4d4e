#include "app/link_settings.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/link_settings_model.h"
#include "core/config_reader.h"

namespace vigil::app {
namespace {

using linkage::FieldRole;

constexpr std::string_view kDateParts[] = {"dob_year", "dob_month", "dob_day"};

std::string Resolve(const std::string& settings_path, const std::string& path) {
  if (path.empty() || std::filesystem::path(path).is_absolute()) return path;
  std::filesystem::path folder = std::filesystem::path(settings_path).parent_path();
  return (folder / path).string();
}

// Reads `columns:` into the plan, recording every problem.
void ReadColumns(core::ConfigNode columns, InputPlan& plan) {
  std::map<FieldRole, std::string> unique_roles;
  std::map<std::string, std::string> date_parts;
  std::vector<std::string> address_columns;
  std::set<std::string> taken;
  int date_line = 0;
  for (const std::string& column : columns.Keys()) {
    core::ConfigNode entry = columns.Required(column);
    std::string role = entry.AsString();
    if (role == "record_id") {
      if (!plan.id_column.empty()) entry.Error("record_id is given to two columns");
      plan.id_column = column;
      continue;
    }
    if (role == "dob_day" || role == "dob_month" || role == "dob_year") {
      if (date_parts.contains(role)) entry.Error(role + " is given to two columns");
      date_parts[role] = column;
      date_line = date_line == 0 ? entry.line() : date_line;
      continue;
    }
    std::optional<FieldRole> parsed = linkage::ParseFieldRole(role);
    if (!parsed) {
      entry.Error("\"" + role +
                  "\" is not a role (record_id, given_name, surname, full_name, dob, dob_day, "
                  "dob_month, dob_year, sex, postcode, address, phone, email, handle, other)");
      continue;
    }
    if (*parsed == FieldRole::kAddress) {
      address_columns.push_back(column);
      continue;
    }
    std::string field =
        *parsed == FieldRole::kOther ? column : std::string(linkage::FieldRoleName(*parsed));
    if (*parsed != FieldRole::kOther) {
      if (unique_roles.contains(*parsed)) {
        entry.Error(role + " is given to two columns (only address and other may repeat)");
        continue;
      }
      unique_roles[*parsed] = column;
    }
    if (!taken.insert(field).second) {
      entry.Error("the field name \"" + field + "\" is already used by another column");
      continue;
    }
    plan.fields.push_back({field, *parsed});
    plan.sources.push_back({FieldSource::Shape::kColumn, {column}});
  }
  if (!date_parts.empty()) {
    if (unique_roles.contains(FieldRole::kDateOfBirth)) {
      columns.Error("use either dob or dob_day/dob_month/dob_year, not both");
    } else if (date_parts.size() != 3) {
      columns.Error("dob_day, dob_month and dob_year must all be given");
    } else if (!taken.insert("dob").second) {
      columns.Error("the field name \"dob\" is already used by another column");
    } else {
      FieldSource source{FieldSource::Shape::kDateParts, {}};
      for (std::string_view part : kDateParts)
        source.columns.push_back(date_parts[std::string(part)]);
      plan.fields.push_back({"dob", FieldRole::kDateOfBirth});
      plan.sources.push_back(source);
    }
  }
  if (!address_columns.empty()) {
    if (!taken.insert("address").second) {
      columns.Error("the field name \"address\" is already used by another column");
    } else {
      plan.fields.push_back({"address", FieldRole::kAddress});
      plan.sources.push_back(
          {address_columns.size() == 1 ? FieldSource::Shape::kColumn : FieldSource::Shape::kJoined,
           address_columns});
    }
  }
  if (plan.id_column.empty() && columns.IsMap()) {
    columns.Error("one column must have the role record_id");
  }
  if (plan.fields.empty() && columns.IsMap()) {
    columns.Error("at least one column besides record_id must have a role to compare");
  }
}

}  // namespace

std::vector<std::string> InputPlan::Columns() const {
  std::vector<std::string> columns = {id_column};
  for (const FieldSource& source : sources) {
    columns.insert(columns.end(), source.columns.begin(), source.columns.end());
  }
  return columns;
}

std::vector<linkage::FieldSpec> LinkSettings::FieldSpecs() const {
  std::vector<linkage::FieldSpec> specs;
  for (const linkage::RoleField& field : plan.fields) {
    specs.push_back({field.name, linkage::KindOfRole(field.role)});
  }
  return specs;
}

void LinkSettings::ApplyTo(linkage::Model& model) const {
  if (comparisons) model.comparisons = *comparisons;
  if (blocking_rules) model.blocking_rules = *blocking_rules;
  if (threshold_match_probability) model.threshold_match_probability = *threshold_match_probability;
  if (cluster_guard) model.cluster_guard = *cluster_guard;
  if (normalise) model.normalise = *normalise;
  linkage::TrainingSettings& target = model.training;
  if (training.seed) target.seed = *training.seed;
  if (training.max_pairs_for_u) target.max_pairs_for_u = *training.max_pairs_for_u;
  if (training.max_pairs_per_session)
    target.max_pairs_per_session = *training.max_pairs_per_session;
  if (training.max_iterations) target.max_iterations = *training.max_iterations;
  if (training.recall) target.recall = *training.recall;
  if (training.sessions) target.sessions = *training.sessions;
  if (training.deterministic_rules) target.deterministic_rules = *training.deterministic_rules;
}

core::Result<LinkSettings> ParseLinkSettings(std::string_view file_name, std::string_view text) {
  core::ConfigReader reader{std::string(file_name), text};
  LinkSettings settings;
  settings.file_name = std::string(file_name);
  core::ConfigNode root = reader.root();
  if (!reader.ToStatus().ok()) return reader.ToStatus();
  if (!root.IsMap()) {
    root.Error("must be a map with at least `columns:`");
    return reader.ToStatus();
  }
  core::ConfigNode columns = root.Required("columns");
  if (columns.IsDefined() && !columns.IsMap()) {
    columns.Error("must map each CSV column name to a role");
  } else if (columns.IsDefined()) {
    ReadColumns(columns, settings.plan);
  }
  SettingsModelReader model_reader(settings.FieldSpecs());
  if (core::ConfigNode node = root.Optional("comparisons"); node.IsDefined()) {
    settings.comparisons = model_reader.Comparisons(node);
  }
  if (core::ConfigNode node = root.Optional("blocking_rules"); node.IsDefined()) {
    settings.blocking_rules = model_reader.Rules(node);
  }
  if (core::ConfigNode node = root.Optional("threshold"); node.IsDefined()) {
    double threshold = node.AsDouble(0.9);
    if (!(threshold > 0 && threshold < 1))
      node.Error("must be a match probability above 0 and below 1");
    settings.threshold_match_probability = threshold;
  }
  if (core::ConfigNode node = root.Optional("cluster_guard"); node.IsDefined()) {
    settings.cluster_guard = model_reader.Guard(node);
  }
  if (core::ConfigNode node = root.Optional("normalise"); node.IsDefined()) {
    settings.normalise = model_reader.Normalise(node);
  }
  if (core::ConfigNode node = root.Optional("training"); node.IsDefined()) {
    settings.training = model_reader.Training(node);
  }
  settings.model_path = Resolve(settings.file_name, root.Optional("model").AsString());
  settings.save_model_path = Resolve(settings.file_name, root.Optional("save_model").AsString());
  root.CheckNoUnknownKeys();
  VIGIL_RETURN_IF_ERROR(reader.ToStatus());
  return settings;
}

core::Result<LinkSettings> ReadLinkSettings(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return core::InvalidArgument("the settings cannot be read",
                                 {{path, "unreadable", "cannot be read"}});
  }
  std::ostringstream content;
  content << in.rdbuf();
  return ParseLinkSettings(path, content.str());
}

}  // namespace vigil::app
