#pragma once
// The screening questionnaire (config/screening/questionnaire.yaml): the
// questions a first responder asks, each answering one fact of the facts
// contract, with its wording, help, answer type and options and skip logic
// (`show_if`, a rule over the facts answered so far). A web wizard renders
// it; the engine never depends on its wording, only on which question
// answers which fact (for "what to ask next"). Questions whose fact is
// under "occasions[]" are asked once per occasion, and their show_if reads
// that occasion first. Immutable once parsed; share freely.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_reader.h"
#include "domain/lookups.h"
#include "rules/expression.h"
#include "rules/schema.h"

namespace vigil::domain::screening {

enum class AnswerType {
  kYesNo,        // true / false / don't know (null). Fact type: true or false.
  kChoice,       // One option. Fact type: text with a closed list.
  kMultiChoice,  // Any options. Fact type: list of text.
  kNumber,       // A whole number.
  kDate,         // YYYY-MM-DD.
  kList,         // Repeat the questions under this list for each item (occasions).
  kGroup,        // Whether a group of facts applies (e.g. a message was sent).
};

// "yes_no", "choice", "multi_choice", "number", "date", "list", "group".
std::string_view AnswerTypeName(AnswerType type);

struct AnswerOption {
  std::string value;  // The id stored in the facts.
  std::string text;   // What the wizard shows.
};

struct Question {
  std::string id;
  std::string fact;  // Facts path, e.g. "occasions[].victim_feared_violence".
  std::string text;
  std::string help;
  AnswerType answer = AnswerType::kYesNo;
  std::vector<AnswerOption> options;         // For choice and multi_choice.
  std::optional<rules::Expression> show_if;  // Absent: always shown.
  bool per_occasion = false;                 // The fact is under "occasions[]".
};

struct QuestionnaireSection {
  std::string id;
  std::string title;
  std::vector<std::string> question_ids;
};

struct Questionnaire {
  int version = 0;
  std::vector<QuestionnaireSection> sections;
  std::vector<Question> questions;  // In the order the sections ask them.

  // The question with `id`, or nullptr.
  const Question* Find(std::string_view id) const;
  // The question answering `fact`, or nullptr.
  const Question* FindByFact(std::string_view fact) const;
  // The position of the question answering `fact` (questions.size() if none).
  std::size_t OrderOfFact(std::string_view fact) const;
};

// Builds the questionnaire. Every problem is recorded in `reader` with
// file, line and key: header, ids, empty text or help, a fact that is not
// in `schema`, a fact answered twice, an answer type that does not fit the
// fact, options missing, unexpected or outside the fact's values,
// options_from naming no lookup list, a show_if that does not parse (with
// its column), a section naming an undefined question, a question in no
// section or in two, and each of `required_facts` (the facts the engine may
// ask for) that no question answers.
Questionnaire ParseQuestionnaire(core::ConfigReader& reader, const rules::Schema& schema,
                                 const Lookups& lookups,
                                 const std::vector<std::string>& required_facts);

}  // namespace vigil::domain::screening
