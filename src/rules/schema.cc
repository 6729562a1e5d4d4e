#include "rules/schema.h"

#include <algorithm>

namespace vigil::rules {
namespace {

bool IsNameCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct Segment {
  std::string_view name;
  bool element = false;  // "name[]".
};

// Splits "a.b[].c" into segments; false when malformed.
bool SplitPath(std::string_view path, std::vector<Segment>& segments) {
  segments.clear();
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string_view part =
        path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    Segment segment;
    if (part.size() >= 2 && part.substr(part.size() - 2) == "[]") {
      segment.element = true;
      part.remove_suffix(2);
    }
    if (part.empty() || !std::all_of(part.begin(), part.end(), IsNameCharacter)) return false;
    segment.name = part;
    segments.push_back(segment);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return !segments.empty();
}

void CollectLeaves(const Schema& schema, const std::string& prefix, std::vector<std::string>& out) {
  for (const Schema::Field& field : schema.fields()) {
    std::string path = prefix.empty() ? field.name : prefix + "." + field.name;
    if (field.type == ValueType::kObject) {
      CollectLeaves(field.members, path, out);
    } else if (field.type == ValueType::kObjectList) {
      CollectLeaves(field.members, path + "[]", out);
    } else {
      out.push_back(path);
    }
  }
}

}  // namespace

std::string_view ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "null";
    case ValueType::kBool:
      return "true or false";
    case ValueType::kNumber:
      return "number";
    case ValueType::kString:
      return "text";
    case ValueType::kStringList:
      return "list of text";
    case ValueType::kObject:
      return "group of facts";
    case ValueType::kObjectList:
      return "list of groups";
  }
  return "unknown";
}

Schema::Field* Schema::FindMutable(std::string_view name) {
  auto it = std::find_if(fields_.begin(), fields_.end(),
                         [&](const Field& field) { return field.name == name; });
  return it == fields_.end() ? nullptr : &*it;
}

const Schema::Field* Schema::Find(std::string_view name) const {
  auto it = std::find_if(fields_.begin(), fields_.end(),
                         [&](const Field& field) { return field.name == name; });
  return it == fields_.end() ? nullptr : &*it;
}

bool Schema::Add(std::string_view path, ValueType type, std::vector<std::string> allowed) {
  std::vector<Segment> segments;
  if (!SplitPath(path, segments) || segments.back().element) return false;
  // Check the route first so that a failed Add declares nothing.
  const Schema* probe = this;
  for (std::size_t index = 0; index + 1 < segments.size(); ++index) {
    const Field* step = probe->Find(segments[index].name);
    if (segments[index].element) {
      if (step == nullptr || step->type != ValueType::kObjectList) return false;
    } else if (step != nullptr && step->type != ValueType::kObject) {
      return false;
    }
    if (step == nullptr) break;  // Groups from here on are created.
    probe = &step->members;
  }
  Schema* current = this;
  for (std::size_t index = 0; index + 1 < segments.size(); ++index) {
    Field* step = current->FindMutable(segments[index].name);
    if (step == nullptr) {
      current->fields_.push_back(
          Field{std::string(segments[index].name), ValueType::kObject, {}, {}});
      step = &current->fields_.back();
    }
    current = &step->members;
  }
  Field* leaf = current->FindMutable(segments.back().name);
  if (leaf == nullptr) {
    current->fields_.push_back(Field{std::string(segments.back().name), type, {}, {}});
    leaf = &current->fields_.back();
  }
  leaf->type = type;
  leaf->allowed = std::move(allowed);
  return true;
}

const Schema::Field* Schema::Resolve(std::string_view path) const {
  std::vector<Segment> segments;
  if (!SplitPath(path, segments)) return nullptr;
  const Schema* current = this;
  const Field* field = nullptr;
  for (std::size_t index = 0; index < segments.size(); ++index) {
    if (current == nullptr) return nullptr;
    field = current->Find(segments[index].name);
    if (field == nullptr) return nullptr;
    if (segments[index].element && field->type != ValueType::kObjectList) return nullptr;
    bool last = index + 1 == segments.size();
    if (!last && !segments[index].element && field->type != ValueType::kObject) return nullptr;
    current = &field->members;
  }
  return field;
}

std::vector<std::string> Schema::LeafPaths() const {
  std::vector<std::string> out;
  CollectLeaves(*this, "", out);
  return out;
}

}  // namespace vigil::rules
