#pragma once
// The whole linkage run in one call, for callers that do not need to time or
// steer the stages: train (unless the model is already trained and training
// is not asked for), predict with the model's blocking rules, and cluster at
// the model's threshold with its guard. Callers that report progress per
// stage (the `vigil link` command) call the stages themselves; this is
// exactly the same sequence. Thread-safe in the sense that separate calls
// share nothing.

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "linkage/blocking.h"
#include "linkage/clustering.h"
#include "linkage/model.h"
#include "linkage/prediction.h"
#include "linkage/prepared_records.h"
#include "linkage/random.h"
#include "linkage/training.h"

namespace vigil::linkage {

struct LinkageOptions {
  int threads = 1;
  bool train = true;  // Estimate u, m and the prior from the records first.
};

struct LinkageRun {
  Model model;              // As trained (or as given).
  TrainingReport training;  // Empty when not trained.
  PredictionSummary prediction;
  std::vector<ScoredEdge> links;  // Pairs at or above the threshold.
  Clustering clustering;
};

// Runs training (when asked), prediction and clustering. `extra_sink`, when
// set, also receives every prediction at or above the threshold. Failures
// are those of TrainModel, PairScorer::Create, Blocker::Create and Predict.
core::Result<LinkageRun> RunLinkage(const PreparedRecords& records, Model model,
                                    const LinkageOptions& options, Random& random,
                                    const PredictionSink& extra_sink = {});

// Collects the links of a prediction batch at or above `threshold` (a match
// weight) into `links`; for use inside a sink.
void CollectLinks(const PredictionBatch& batch, double threshold, std::vector<ScoredEdge>& links);

}  // namespace vigil::linkage
