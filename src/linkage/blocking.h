#pragma once
// Blocking executed on prepared records: each rule's key is computed once
// per record, records are grouped into blocks of equal keys, and pairs are
// generated block by block without ever being stored, so memory grows with
// the number of records, not of pairs. A pair is generated only by the first
// rule that pairs it (Splink's semantics). The pairs are cut into work items
// of similar size for threads. Immutable after Create; ForEachPair and
// CountComparisons may be called from many threads. The records must
// outlive the blocker.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "linkage/blocking_rule.h"
#include "linkage/prepared_records.h"

namespace vigil::linkage {

// What one rule contributes (for `vigil link --count-only` and analysis).
struct RuleCount {
  std::string rule;                  // BlockingRule::Describe().
  std::uint64_t raw_pairs = 0;       // Pairs the rule makes on its own.
  std::uint64_t new_pairs = 0;       // Of those, pairs no earlier rule made.
  std::uint64_t blocks = 0;          // Blocks with at least one pair.
  std::uint64_t largest_block = 0;   // Records in the largest block compared.
  std::uint64_t skipped_blocks = 0;  // Blocks over max_block_size, not compared.
  std::uint64_t skipped_pairs = 0;   // Pairs in those blocks.
};

class Blocker {
 public:
  // Computes keys and blocks for `rules` over `records` using up to `threads`
  // threads. With kLink only pairs across sources 0 and 1 are made.
  // `target_pairs_per_item` sizes the work items. kInvalidArgument when a
  // rule is invalid for the records' fields.
  static core::Result<Blocker> Create(std::span<const BlockingRule> rules,
                                      const PreparedRecords& records, LinkType link_type,
                                      int threads, std::uint64_t target_pairs_per_item = 16384);

  std::size_t rule_count() const { return rules_.size(); }
  // The records the blocker was built on.
  const PreparedRecords& records() const { return *records_; }
  // The number of work items (each a run of blocks, or part of one big block).
  std::size_t work_item_count() const { return items_.size(); }
  // Upper bound of the pairs in work item `item` (exclusions not applied).
  std::uint64_t work_item_pairs(std::size_t item) const { return items_[item].pairs; }
  // Pairs over all rules before exclusion (sum of raw_pairs).
  std::uint64_t total_raw_pairs() const { return total_raw_pairs_; }

  // Calls `visit(left, right, rule)` for every pair of work item `item` that
  // no earlier rule generated. In a deduplication left < right; in a link
  // left is from source 0 and right from source 1.
  template <typename Visit>
  void ForEachPair(std::size_t item, Visit&& visit) const;

  // Pairs per rule, before and after excluding earlier rules' pairs,
  // counted without scoring (fast: a key comparison per pair and rule).
  std::vector<RuleCount> CountComparisons(int threads) const;
  // The counts known from the blocks alone (new_pairs left 0): instant.
  std::vector<RuleCount> RawCounts() const;

 private:
  struct Rule {
    std::string description;
    std::vector<std::uint64_t> keys;          // Per record; 0 = not blocked. Freed once transposed.
    std::vector<std::uint32_t> order;         // Blocked records, sorted by (key, source, index).
    std::vector<std::uint32_t> block_begin;   // Per block: start in order; one extra at the end.
    std::vector<std::uint32_t> source_split;  // Per block (link): first source-1 position.
    RuleCount count;
  };
  struct WorkItem {
    std::uint32_t rule = 0;
    std::uint32_t first_block = 0;
    std::uint32_t end_block = 0;  // Exclusive.
    std::uint32_t row_begin = 0;  // Within a single block: the outer rows covered.
    std::uint32_t row_end = 0;
    std::uint64_t pairs = 0;
  };

  Blocker() = default;
  void BuildBlocks(Rule& rule, int max_block_size) const;
  void BuildWorkItems(std::uint64_t target_pairs_per_item);
  bool GeneratedEarlier(std::size_t rule, std::uint32_t left, std::uint32_t right) const {
    const std::uint64_t* left_keys = record_keys_.data() + std::size_t{left} * rules_.size();
    const std::uint64_t* right_keys = record_keys_.data() + std::size_t{right} * rules_.size();
    for (std::size_t earlier = 0; earlier < rule; ++earlier) {
      if (left_keys[earlier] != 0 && left_keys[earlier] == right_keys[earlier]) return true;
    }
    return false;
  }

  const PreparedRecords* records_ = nullptr;
  LinkType link_type_ = LinkType::kDeduplicate;
  std::vector<Rule> rules_;
  // Every rule's key of each record, record by record, so that checking a
  // pair against the earlier rules reads two cache lines, not two per rule.
  std::vector<std::uint64_t> record_keys_;
  std::vector<WorkItem> items_;
  std::uint64_t total_raw_pairs_ = 0;
};

template <typename Visit>
void Blocker::ForEachPair(std::size_t item_index, Visit&& visit) const {
  const WorkItem& item = items_[item_index];
  const Rule& rule = rules_[item.rule];
  const std::uint32_t* order = rule.order.data();
  for (std::uint32_t block = item.first_block; block < item.end_block; ++block) {
    const std::uint32_t begin = rule.block_begin[block];
    const std::uint32_t end = rule.block_begin[block + 1];
    const bool whole = item.row_end == 0;
    if (link_type_ == LinkType::kLink) {
      const std::uint32_t split = rule.source_split[block];
      const std::uint32_t outer_begin = whole ? begin : begin + item.row_begin;
      const std::uint32_t outer_end = whole ? split : begin + item.row_end;
      for (std::uint32_t outer = outer_begin; outer < outer_end; ++outer) {
        for (std::uint32_t inner = split; inner < end; ++inner) {
          if (!GeneratedEarlier(item.rule, order[outer], order[inner])) {
            visit(order[outer], order[inner], item.rule);
          }
        }
      }
    } else {
      const std::uint32_t outer_begin = whole ? begin : begin + item.row_begin;
      const std::uint32_t outer_end = whole ? end : begin + item.row_end;
      for (std::uint32_t outer = outer_begin; outer < outer_end; ++outer) {
        for (std::uint32_t inner = outer + 1; inner < end; ++inner) {
          if (!GeneratedEarlier(item.rule, order[outer], order[inner])) {
            visit(order[outer], order[inner], item.rule);
          }
        }
      }
    }
  }
}

}  // namespace vigil::linkage
