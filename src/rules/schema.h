#pragma once
// Schema: the facts a rule expression may name, with their types and, for
// text, the closed list of values they may take. Expressions are checked
// against a Schema when they are parsed (at config load), so a misspelt fact
// or value is a load error rather than a rule that silently never fires.
// Paths are dotted ("impact.alarm_or_distress"); "name[]" steps into the
// element of a list of objects ("occasions[].channel"). Value type; build it
// once, then share it read-only between threads.

#include <string>
#include <string_view>
#include <vector>

namespace vigil::rules {

// The static type of a fact or of a sub-expression.
enum class ValueType {
  kNull,        // Only the literal `null`.
  kBool,        // true / false.
  kNumber,      // A finite number (JSON number).
  kString,      // Text.
  kStringList,  // A list of text values (e.g. behaviours).
  kObject,      // A group of named facts (e.g. impact); not a value itself.
  kObjectList,  // A list of groups (e.g. occasions); used with count/any/all.
};

// "null", "true or false", "number", "text", "list of text", "group of facts",
// "list of groups": used in error messages.
std::string_view ValueTypeName(ValueType type);

class Schema {
 public:
  struct Field;

  // Declares the fact at `path` with `type`, creating the groups on the way
  // ("impact.alarm_or_distress" creates group "impact"; "occasions[].date"
  // needs "occasions" declared as kObjectList first). `allowed` is the closed
  // list of values for kString and kStringList (empty: any text).
  // Redeclaring a path replaces its type and values. Returns false (and
  // declares nothing) when the path is malformed or steps through a fact
  // that is not a group or list of groups.
  bool Add(std::string_view path, ValueType type, std::vector<std::string> allowed = {});

  // The field at `path` (same syntax as Add), or nullptr when undeclared.
  // "occasions[]" names the element group of the list "occasions" and is
  // returned as the list field itself.
  const Field* Resolve(std::string_view path) const;

  // The direct member called `name`, or nullptr.
  const Field* Find(std::string_view name) const;

  // The direct members, in declaration order.
  const std::vector<Field>& fields() const { return fields_; }

  // Every declared leaf path ("occasions[].date", ...), for error messages
  // and documentation, in declaration order.
  std::vector<std::string> LeafPaths() const;

 private:
  Field* FindMutable(std::string_view name);

  std::vector<Field> fields_;
};

// One declared fact. `members` holds the facts of a group (kObject) or of
// each element of a list of groups (kObjectList).
struct Schema::Field {
  std::string name;
  ValueType type = ValueType::kNull;
  std::vector<std::string> allowed;
  Schema members;
};

}  // namespace vigil::rules
