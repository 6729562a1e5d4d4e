#pragma once
// SqlFilter: the WHERE clause of a search built from optional filters,
// with its parameters in order, so a search prepares exactly one statement
// for the filters given (and the statement cache keeps one per combination).
// Conditions are fixed SQL text written in this module; values are always
// bound, never spliced into the SQL. Value type; not shared between threads.

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "storage/sqlite/connection.h"

namespace vigil::storage::sqlite {

class SqlFilter {
 public:
  using Value = std::variant<std::int64_t, std::string>;

  // Adds a condition with one `?` per value, in order.
  void Add(std::string condition, std::vector<Value> values = {}) {
    conditions_.push_back(std::move(condition));
    for (Value& value : values) values_.push_back(std::move(value));
  }

  // " WHERE a AND b", or "" when there are no conditions.
  std::string Where() const {
    std::string sql;
    for (std::size_t index = 0; index < conditions_.size(); ++index) {
      sql += index == 0 ? " WHERE " : " AND ";
      sql += conditions_[index];
    }
    return sql;
  }

  // Binds the values to parameters 1, 2, ...; returns the next free index.
  int BindTo(Statement& statement) const {
    int index = 1;
    for (const Value& value : values_) {
      if (const std::int64_t* number = std::get_if<std::int64_t>(&value)) {
        statement.Bind(index++, *number);
      } else {
        statement.Bind(index++, std::string_view(std::get<std::string>(value)));
      }
    }
    return index;
  }

 private:
  std::vector<std::string> conditions_;
  std::vector<Value> values_;
};

}  // namespace vigil::storage::sqlite
