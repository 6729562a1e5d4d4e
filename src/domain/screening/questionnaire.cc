#include "domain/screening/questionnaire.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/screening/config_support.h"

namespace vigil::domain::screening {
namespace {

using rules::ValueType;

constexpr std::string_view kOccasionPrefix = "occasions[].";

std::optional<AnswerType> ParseAnswerType(std::string_view name) {
  for (AnswerType type :
       {AnswerType::kYesNo, AnswerType::kChoice, AnswerType::kMultiChoice, AnswerType::kNumber,
        AnswerType::kDate, AnswerType::kList, AnswerType::kGroup}) {
    if (AnswerTypeName(type) == name) return type;
  }
  return std::nullopt;
}

// Whether an answer type fits the declared fact.
bool Fits(AnswerType type, const rules::Schema::Field& field) {
  switch (type) {
    case AnswerType::kYesNo:
      return field.type == ValueType::kBool;
    case AnswerType::kChoice:
      return field.type == ValueType::kString && !field.allowed.empty();
    case AnswerType::kMultiChoice:
      return field.type == ValueType::kStringList;
    case AnswerType::kNumber:
      return field.type == ValueType::kNumber;
    case AnswerType::kDate:
      return field.type == ValueType::kString && field.allowed.empty();
    case AnswerType::kList:
      return field.type == ValueType::kObjectList;
    case AnswerType::kGroup:
      return field.type == ValueType::kObject;
  }
  return false;
}

const std::vector<LookupItem>* LookupList(const Lookups& lookups, std::string_view name) {
  if (name == "relationships") return &lookups.relationships;
  if (name == "channels") return &lookups.channels;
  if (name == "behaviours") return &lookups.behaviours;
  return nullptr;
}

std::vector<AnswerOption> ReadOptions(core::ConfigNode& node, AnswerType type,
                                      const rules::Schema::Field* field, const Lookups& lookups) {
  std::vector<AnswerOption> options;
  core::ConfigNode list = node.Optional("options");
  core::ConfigNode from = node.Optional("options_from");
  bool choosing = type == AnswerType::kChoice || type == AnswerType::kMultiChoice;
  if (!choosing) {
    if (list.IsDefined()) list.Error("is only for choice and multi_choice answers");
    if (from.IsDefined()) from.Error("is only for choice and multi_choice answers");
    return options;
  }
  if (list.IsDefined() == from.IsDefined()) {
    node.Error("needs exactly one of options and options_from");
    return options;
  }
  if (from.IsDefined()) {
    const std::vector<LookupItem>* items = LookupList(lookups, from.AsString());
    if (items == nullptr) {
      from.Error("must be relationships, channels or behaviours");
      return options;
    }
    for (const LookupItem& item : *items) options.push_back({item.id, item.label});
  } else {
    std::set<std::string> seen;
    for (core::ConfigNode& option : list.Items()) {
      AnswerOption answer;
      answer.value = internal::ReadText(option, "value");
      answer.text = internal::ReadText(option, "text");
      option.CheckNoUnknownKeys();
      if (!seen.insert(answer.value).second) option.Error("'" + answer.value + "' appears twice");
      options.push_back(std::move(answer));
    }
    if (list.IsSequence() && options.empty()) list.Error("must list at least one option");
  }
  if (field != nullptr && !field->allowed.empty()) {
    for (const AnswerOption& option : options) {
      if (std::find(field->allowed.begin(), field->allowed.end(), option.value) ==
          field->allowed.end()) {
        (from.IsDefined() ? from : list)
            .Error("option '" + option.value + "' is not a value of the fact");
      }
    }
  }
  return options;
}

}  // namespace

std::string_view AnswerTypeName(AnswerType type) {
  switch (type) {
    case AnswerType::kYesNo:
      return "yes_no";
    case AnswerType::kChoice:
      return "choice";
    case AnswerType::kMultiChoice:
      return "multi_choice";
    case AnswerType::kNumber:
      return "number";
    case AnswerType::kDate:
      return "date";
    case AnswerType::kList:
      return "list";
    case AnswerType::kGroup:
      return "group";
  }
  return "yes_no";
}

const Question* Questionnaire::Find(std::string_view id) const {
  auto it = std::find_if(questions.begin(), questions.end(),
                         [&](const Question& question) { return question.id == id; });
  return it == questions.end() ? nullptr : &*it;
}

const Question* Questionnaire::FindByFact(std::string_view fact) const {
  auto it = std::find_if(questions.begin(), questions.end(),
                         [&](const Question& question) { return question.fact == fact; });
  return it == questions.end() ? nullptr : &*it;
}

std::size_t Questionnaire::OrderOfFact(std::string_view fact) const {
  auto it = std::find_if(questions.begin(), questions.end(),
                         [&](const Question& question) { return question.fact == fact; });
  return static_cast<std::size_t>(it - questions.begin());
}

Questionnaire ParseQuestionnaire(core::ConfigReader& reader, const rules::Schema& schema,
                                 const Lookups& lookups,
                                 const std::vector<std::string>& required_facts) {
  Questionnaire questionnaire;
  core::ConfigNode root = reader.root();
  questionnaire.version = internal::ReadVersionHeader(root);
  const rules::Schema::Field* occasions = schema.Resolve("occasions[]");
  const rules::Schema* occasion_schema = occasions ? &occasions->members : nullptr;

  std::vector<Question> parsed;
  std::map<std::string, int> question_lines;
  std::set<std::string> ids;
  std::set<std::string> facts;
  core::ConfigNode list = root.Required("questions");
  for (core::ConfigNode& node : list.Items()) {
    Question question;
    question.id = internal::ReadId(node, ids);
    question_lines[question.id] = node.line();
    core::ConfigNode fact_node = node.Required("fact");
    question.fact = fact_node.AsString();
    const rules::Schema::Field* field = nullptr;
    if (fact_node.IsDefined()) {
      field = schema.Resolve(question.fact);
      if (field == nullptr) {
        fact_node.Error("'" + question.fact + "' is not a fact in the facts contract");
      } else if (!facts.insert(question.fact).second) {
        fact_node.Error("'" + question.fact + "' is answered by another question");
      }
    }
    question.per_occasion = question.fact.rfind(kOccasionPrefix, 0) == 0;
    question.text = internal::ReadText(node, "text");
    question.help = internal::ReadText(node, "help");
    core::ConfigNode answer_node = node.Required("answer");
    auto answer = ParseAnswerType(answer_node.AsString());
    if (answer_node.IsDefined() && !answer) {
      answer_node.Error("must be yes_no, choice, multi_choice, number, date, list or group");
    } else if (answer && field != nullptr && !Fits(*answer, *field)) {
      answer_node.Error(std::string("'").append(AnswerTypeName(*answer)) + "' does not fit '" +
                        question.fact + "', which is " +
                        std::string(rules::ValueTypeName(field->type)));
    }
    if (answer) question.answer = *answer;
    question.options = ReadOptions(node, question.answer, field, lookups);
    question.show_if = internal::ReadRule(node, "show_if", false, schema,
                                          question.per_occasion ? occasion_schema : nullptr);
    node.CheckNoUnknownKeys();
    parsed.push_back(std::move(question));
  }

  std::map<std::string, int> placed;
  std::set<std::string> section_ids;
  core::ConfigNode sections = root.Required("sections");
  for (core::ConfigNode& node : sections.Items()) {
    QuestionnaireSection section;
    section.id = internal::ReadId(node, section_ids);
    section.title = internal::ReadText(node, "title");
    core::ConfigNode members = node.Required("questions");
    for (core::ConfigNode& member : members.Items()) {
      std::string id = member.AsString();
      if (!ids.contains(id)) {
        member.Error("'" + id + "' is not a question defined under questions");
      } else if (++placed[id] > 1) {
        member.Error("'" + id + "' is already in a section");
      } else {
        section.question_ids.push_back(id);
      }
    }
    node.CheckNoUnknownKeys();
    questionnaire.sections.push_back(std::move(section));
  }
  for (const Question& question : parsed) {
    if (sections.IsDefined() && !question.id.empty() && !placed.contains(question.id)) {
      reader.AddError(question_lines[question.id], "questions",
                      "question '" + question.id + "' is in no section");
    }
  }
  // Questions in the order the sections ask them.
  for (const QuestionnaireSection& section : questionnaire.sections) {
    for (const std::string& id : section.question_ids) {
      auto it = std::find_if(parsed.begin(), parsed.end(),
                             [&](const Question& question) { return question.id == id; });
      if (it != parsed.end()) questionnaire.questions.push_back(*it);
    }
  }
  if (list.IsDefined()) {
    for (const std::string& fact : required_facts) {
      if (!facts.contains(fact)) {
        list.Error("no question answers '" + fact + "', which the engine may need to ask");
      }
    }
  }
  root.CheckNoUnknownKeys();
  return questionnaire;
}

}  // namespace vigil::domain::screening
