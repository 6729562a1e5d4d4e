#include "app/import_problem.h"

#include <cstddef>

namespace vigil::app {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length of the "FILE:LINE" prefix of `field`, or 0 when it has none.
std::size_t LocationLength(std::string_view field) {
  for (std::size_t colon = field.find(':'); colon != std::string_view::npos;
       colon = field.find(':', colon + 1)) {
    std::size_t end = colon + 1;
    while (end < field.size() && IsDigit(field[end])) ++end;
    if (end == colon + 1) continue;
    if (end == field.size() || field[end] == '.' || field[end] == '[') return end;
  }
  return 0;
}

}  // namespace

std::string ImportProblem::ToString() const {
  std::string text;
  if (!location.empty()) text = location + ": ";
  text += field.empty() ? std::string("record") : field;
  text += ": ";
  text += message;
  return text;
}

std::ostream& operator<<(std::ostream& out, const ImportProblem& problem) {
  return out << problem.ToString();
}

std::string RecordLocation(std::string_view file_name, int line) {
  return std::string(file_name) + ":" + std::to_string(line);
}

std::vector<ImportProblem> ProblemsFromStatus(const core::Status& status) {
  std::vector<ImportProblem> problems;
  if (status.ok()) return problems;
  if (status.field_errors().empty()) {
    problems.push_back({"", "import", status.message()});
    return problems;
  }
  for (const core::FieldError& error : status.field_errors()) {
    std::string_view field = error.field;
    std::size_t length = LocationLength(field);
    ImportProblem problem;
    problem.location = std::string(field.substr(0, length));
    std::string_view rest = field.substr(length);
    if (!rest.empty() && rest.front() == '.') rest.remove_prefix(1);
    problem.field = rest.empty() ? std::string("record") : std::string(rest);
    problem.message = error.message;
    problems.push_back(std::move(problem));
  }
  return problems;
}

}  // namespace vigil::app
