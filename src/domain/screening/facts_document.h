#pragma once
// FactsDocument: the facts of one screening, the figures derived from them
// and (once set) its outcome, as the rules::Document the risk and action
// rules are evaluated over — read in place from Facts and ScreeningResult,
// with no JSON copy. It answers every path exactly as the JSON documents
// FactsToJson (facts.h), DerivedFacts (fact_schema.h) and OutcomeFacts
// (action_planner.h) would: unknown facts are missing, "derived.*" counts
// are missing while the occasions are unknown, "risk.*" is missing without
// a risk assessment. Holds pointers: the facts and the result must outlive
// it. Make one per screening; not for sharing between threads.

#include <forward_list>
#include <optional>
#include <string>
#include <string_view>

#include "domain/screening/facts.h"
#include "domain/screening/screening_result.h"
#include "rules/document.h"

namespace vigil::domain::screening {

class FactsDocument : public rules::Document {
 public:
  // The facts and derived figures (what risk escalation rules read).
  explicit FactsDocument(const Facts& facts);

  // Adds "result.*" and "risk.*" from `result` (what action rules read).
  void SetOutcome(const ScreeningResult& result) { result_ = &result; }

  rules::Ref Root(const std::string& name) const override;
  rules::Ref Member(rules::Ref group, const std::string& name) const override;
  rules::Item Read(rules::Ref ref) const override;
  rules::Ref At(rules::Ref list, std::size_t index) const override;

 private:
  rules::Ref DerivedMember(std::string_view name) const;
  rules::Ref ResultMember(std::string_view name) const;
  rules::Ref RiskMember(const RiskAssessment& risk, std::string_view name) const;

  const Facts& facts_;
  const ScreeningResult* result_ = nullptr;
  // derived.*: set when the occasions are known.
  bool has_counts_ = false;
  int occasion_count_ = 0;
  int occasions_last_28_days_ = 0;
  int occasions_previous_28_days_ = 0;
  std::optional<int> days_since_last_occasion_;
  // Dates formatted for rules that read them (none of the shipped rules do).
  mutable std::forward_list<std::string> dates_;
};

}  // namespace vigil::domain::screening
