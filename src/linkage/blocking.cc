#include "linkage/blocking.h"

#include <algorithm>
#include <atomic>

#include "linkage/parallel.h"

namespace vigil::linkage {
namespace {

std::uint64_t Mix(std::uint64_t value) {
  value ^= value >> 33;
  value *= 0xff51afd7ed558ccdULL;
  value ^= value >> 33;
  value *= 0xc4ceb9fe1a85ec53ULL;
  value ^= value >> 33;
  return value;
}

// Per value id of the key's field: the key component (0 = null).
std::vector<std::uint64_t> ComponentsByValue(const BlockingKey& key, const FieldColumn& column) {
  const ValuePool& pool = *column.pool;
  const std::uint32_t count = pool.values.size();
  std::vector<std::uint64_t> components(static_cast<std::size_t>(count) + 1, 0);
  StringPool prefixes;
  for (std::uint32_t value = 1; value <= count; ++value) {
    std::uint64_t component = 0;
    switch (key.transform) {
      case KeyTransform::kExact:
        component = value;
        break;
      case KeyTransform::kPrefix: {
        std::string_view text = pool.values.View(value);
        component = prefixes.Intern(text.substr(0, static_cast<std::size_t>(key.length)));
        break;
      }
      case KeyTransform::kMetaphone:
        component = pool.metaphone[value];
        break;
      case KeyTransform::kSoundex:
        component = pool.soundex[value];
        break;
      case KeyTransform::kNickname:
        // The first formal name, else the name itself (kept apart by the top bit).
        component = pool.formal_begin[value] < pool.formal_begin[value + 1]
                        ? pool.formal_ids[pool.formal_begin[value]]
                        : (std::uint64_t{1} << 40) | value;
        break;
      case KeyTransform::kYear:
        component = static_cast<std::uint64_t>(std::max<int>(pool.dates[value].year, 0));
        break;
      case KeyTransform::kYearMonth: {
        const PackedDate& date = pool.dates[value];
        component = date.month == 0 ? 0 : static_cast<std::uint64_t>(date.year * 16 + date.month);
        break;
      }
      case KeyTransform::kPostcodeSector:
        component = pool.postcode_sector[value];
        break;
      case KeyTransform::kPostcodeDistrict:
        component = pool.postcode_district[value];
        break;
      case KeyTransform::kPostcodeArea:
        component = pool.postcode_area[value];
        break;
    }
    components[value] = component;
  }
  return components;
}

std::uint64_t DedupePairs(std::uint64_t size) { return size * (size - 1) / 2; }

// Sorts (key, record) items by key, keeping the order of equal keys (LSD
// radix sort, 16 bits a pass, skipping digits every key shares): linear in
// the number of records, where a comparison sort of millions is not.
void StableSortByKey(std::vector<std::pair<std::uint64_t, std::uint32_t>>& items) {
  if (items.size() < 2) return;
  std::uint64_t any = 0;
  std::uint64_t every = ~std::uint64_t{0};
  for (const auto& item : items) {
    any |= item.first;
    every &= item.first;
  }
  const std::uint64_t varying = any ^ every;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> buffer(items.size());
  std::vector<std::size_t> counts(65537);
  for (int shift = 0; shift < 64; shift += 16) {
    if (((varying >> shift) & 0xFFFF) == 0) continue;
    std::fill(counts.begin(), counts.end(), 0);
    for (const auto& item : items) ++counts[((item.first >> shift) & 0xFFFF) + 1];
    for (std::size_t digit = 1; digit < counts.size(); ++digit) counts[digit] += counts[digit - 1];
    for (const auto& item : items) buffer[counts[(item.first >> shift) & 0xFFFF]++] = item;
    items.swap(buffer);
  }
}

}  // namespace

core::Result<Blocker> Blocker::Create(std::span<const BlockingRule> rules,
                                      const PreparedRecords& records, LinkType link_type,
                                      int threads, std::uint64_t target_pairs_per_item) {
  core::ErrorCollector errors;
  for (std::size_t index = 0; index < rules.size(); ++index) {
    ValidateBlockingRule(rules[index], records.fields(),
                         "blocking_rules[" + std::to_string(index) + "]", errors);
  }
  VIGIL_RETURN_IF_ERROR(errors.ToStatus("the blocking rules do not fit the records"));
  Blocker blocker;
  blocker.records_ = &records;
  blocker.link_type_ = link_type;
  blocker.rules_.resize(rules.size());
  RunParallel(EffectiveThreads(threads), rules.size(), [&](std::size_t index, int) {
    const BlockingRule& spec = rules[index];
    Rule& rule = blocker.rules_[index];
    rule.description = spec.Describe();
    rule.count.rule = rule.description;
    const std::uint32_t size = records.size();
    rule.keys.assign(size, 0);
    for (std::size_t key_index = 0; key_index < spec.keys.size(); ++key_index) {
      const BlockingKey& key = spec.keys[key_index];
      const FieldColumn& column =
          records.column(static_cast<std::size_t>(records.FieldIndex(key.field)));
      std::vector<std::uint64_t> components = ComponentsByValue(key, column);
      for (std::uint32_t record = 0; record < size; ++record) {
        std::uint64_t component = components[column.values[record]];
        std::uint64_t& combined = rule.keys[record];
        if (key_index > 0 && combined == 0) continue;  // Already null.
        if (component == 0) {
          combined = 0;
        } else if (key_index == 0) {
          combined = component;
        } else if (spec.keys.size() == 2 && combined < (1ULL << 32) && component < (1ULL << 32)) {
          combined = (combined << 32) | component;  // Exact for two small ids.
        } else {
          combined = Mix(combined * 0x9e3779b97f4a7c15ULL + component) | 1;
        }
      }
    }
    blocker.BuildBlocks(rule, spec.max_block_size);
  });
  const std::size_t rule_count = blocker.rules_.size();
  blocker.record_keys_.resize(static_cast<std::size_t>(records.size()) * rule_count);
  for (std::size_t index = 0; index < rule_count; ++index) {
    Rule& rule = blocker.rules_[index];
    for (std::uint32_t record = 0; record < records.size(); ++record) {
      blocker.record_keys_[std::size_t{record} * rule_count + index] = rule.keys[record];
    }
    std::vector<std::uint64_t>().swap(rule.keys);
    blocker.total_raw_pairs_ += rule.count.raw_pairs;
  }
  blocker.BuildWorkItems(std::max<std::uint64_t>(target_pairs_per_item, 1));
  return blocker;
}

void Blocker::BuildBlocks(Rule& rule, int max_block_size) const {
  const bool link = link_type_ == LinkType::kLink;
  // Blocked records in (source, index) order, then stably sorted by key:
  // blocks come out in key order, each in (source, index) order.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  for (int source = 0; source < (link ? 2 : 1); ++source) {
    for (std::uint32_t record = 0; record < rule.keys.size(); ++record) {
      if (rule.keys[record] != 0 && (!link || records_->source(record) == source)) {
        keyed.emplace_back(rule.keys[record], record);
      }
    }
  }
  StableSortByKey(keyed);
  std::size_t start = 0;
  while (start < keyed.size()) {
    std::size_t end = start + 1;
    while (end < keyed.size() && keyed[end].first == keyed[start].first) ++end;
    std::uint64_t size = end - start;
    std::size_t split = start;
    while (link && split < end && records_->source(keyed[split].second) == 0) ++split;
    std::uint64_t pairs =
        link ? static_cast<std::uint64_t>(split - start) * (end - split) : DedupePairs(size);
    if (pairs > 0 && max_block_size > 0 && size > static_cast<std::uint64_t>(max_block_size)) {
      ++rule.count.skipped_blocks;
      rule.count.skipped_pairs += pairs;
      // Skipped blocks generate nothing, so they must exclude nothing later.
      for (std::size_t index = start; index < end; ++index) rule.keys[keyed[index].second] = 0;
    } else if (pairs > 0) {
      rule.block_begin.push_back(static_cast<std::uint32_t>(rule.order.size()));
      if (link) {
        rule.source_split.push_back(
            static_cast<std::uint32_t>(rule.order.size() + (split - start)));
      }
      for (std::size_t index = start; index < end; ++index)
        rule.order.push_back(keyed[index].second);
      ++rule.count.blocks;
      rule.count.raw_pairs += pairs;
      rule.count.largest_block = std::max(rule.count.largest_block, size);
    } else {
      // A block that cannot pair anything excludes nothing either.
      for (std::size_t index = start; index < end; ++index) rule.keys[keyed[index].second] = 0;
    }
    start = end;
  }
  rule.block_begin.push_back(static_cast<std::uint32_t>(rule.order.size()));
}

void Blocker::BuildWorkItems(std::uint64_t target) {
  const bool link = link_type_ == LinkType::kLink;
  for (std::uint32_t rule_index = 0; rule_index < rules_.size(); ++rule_index) {
    const Rule& rule = rules_[rule_index];
    const std::uint32_t block_count = static_cast<std::uint32_t>(rule.block_begin.size() - 1);
    WorkItem current{rule_index, 0, 0, 0, 0, 0};
    for (std::uint32_t block = 0; block < block_count; ++block) {
      std::uint64_t size = rule.block_begin[block + 1] - rule.block_begin[block];
      std::uint64_t outer = link ? rule.source_split[block] - rule.block_begin[block] : size;
      std::uint64_t inner = link ? size - outer : 0;
      std::uint64_t pairs = link ? outer * inner : DedupePairs(size);
      if (pairs > target) {
        if (current.end_block > current.first_block) items_.push_back(current);
        // Split the block's outer rows into runs of about `target` pairs.
        std::uint32_t row = 0;
        while (row < outer) {
          std::uint64_t item_pairs = 0;
          std::uint32_t row_end = row;
          while (row_end < outer && item_pairs < target) {
            item_pairs += link ? inner : size - 1 - row_end;
            ++row_end;
          }
          items_.push_back(WorkItem{rule_index, block, block + 1, row, row_end, item_pairs});
          row = row_end;
        }
        current = WorkItem{rule_index, block + 1, block + 1, 0, 0, 0};
        continue;
      }
      current.end_block = block + 1;
      current.pairs += pairs;
      if (current.pairs >= target) {
        items_.push_back(current);
        current = WorkItem{rule_index, block + 1, block + 1, 0, 0, 0};
      }
    }
    if (current.end_block > current.first_block) items_.push_back(current);
  }
}

std::vector<RuleCount> Blocker::RawCounts() const {
  std::vector<RuleCount> counts;
  for (const Rule& rule : rules_) counts.push_back(rule.count);
  return counts;
}

std::vector<RuleCount> Blocker::CountComparisons(int threads) const {
  std::vector<std::atomic<std::uint64_t>> new_pairs(rules_.size());
  RunParallel(EffectiveThreads(threads), items_.size(), [&](std::size_t item, int) {
    std::uint64_t count = 0;
    ForEachPair(item, [&count](std::uint32_t, std::uint32_t, std::uint32_t) { ++count; });
    new_pairs[items_[item].rule].fetch_add(count, std::memory_order_relaxed);
  });
  std::vector<RuleCount> counts;
  for (std::size_t rule = 0; rule < rules_.size(); ++rule) {
    RuleCount count = rules_[rule].count;
    count.new_pairs = new_pairs[rule].load();
    counts.push_back(count);
  }
  return counts;
}

}  // namespace vigil::linkage
