#pragma once
// Document: where a rule expression reads its facts. The evaluator walks a
// path one name at a time (Root, then Member for each further name), reads
// what it finds (Read) and steps into lists (At); it never needs the facts
// as one JSON value. Context (expression.h) is the Document over
// nlohmann::json values; a caller holding its facts in structs can
// implement Document over them directly and skip building a JSON copy for
// every evaluation. An implementation must give the same answers as the
// JSON form of its facts would: a missing or null fact is an empty Ref (or
// reads as kUnknown), a group reads as kGroup. Implementations are read
// from one evaluation at a time; Refs and texts they give out must stay
// valid until the evaluation ends.

#include <cstddef>
#include <string>
#include <string_view>

namespace vigil::rules {

// A place in a Document: a fact, a group or a list item. What the fields
// hold is the Document's own business; `at` is null for a missing fact.
struct Ref {
  const void* at = nullptr;
  int tag = 0;
  std::size_t index = 0;

  explicit operator bool() const { return at != nullptr; }
};

// What a Ref holds, as the evaluator sees it. `text` must stay valid until
// the evaluation ends.
struct Item {
  enum class Kind { kUnknown, kBool, kNumber, kString, kList, kGroup };
  Kind kind = Kind::kUnknown;
  bool boolean = false;
  double number = 0;
  std::string_view text;
  std::size_t size = 0;  // kList: the number of items.

  static Item Unknown() { return Item(); }
  static Item Bool(bool value) {
    Item item;
    item.kind = Kind::kBool;
    item.boolean = value;
    return item;
  }
  static Item Number(double value) {
    Item item;
    item.kind = Kind::kNumber;
    item.number = value;
    return item;
  }
  static Item Text(std::string_view value) {
    Item item;
    item.kind = Kind::kString;
    item.text = value;
    return item;
  }
  static Item List(std::size_t size) {
    Item item;
    item.kind = Kind::kList;
    item.size = size;
    return item;
  }
  static Item Group() {
    Item item;
    item.kind = Kind::kGroup;
    return item;
  }
};

class Document {
 public:
  virtual ~Document() = default;

  // The top-level fact called `name`, or an empty Ref.
  virtual Ref Root(const std::string& name) const = 0;
  // The member `name` of `group`, or an empty Ref (also when `group` is
  // empty or not a group).
  virtual Ref Member(Ref group, const std::string& name) const = 0;
  // What `ref` holds; kUnknown for an empty Ref or a null fact.
  virtual Item Read(Ref ref) const = 0;
  // Item `index` of the list `list` (index < Read(list).size).
  virtual Ref At(Ref list, std::size_t index) const = 0;
};

}  // namespace vigil::rules
