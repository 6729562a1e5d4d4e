#include "linkage/pipeline.h"

#include "linkage/scorer.h"

namespace vigil::linkage {

void CollectLinks(const PredictionBatch& batch, double threshold, std::vector<ScoredEdge>& links) {
  for (std::size_t index = 0; index < batch.size(); ++index) {
    const PairPrediction& pair = batch.pair(index);
    if (pair.match_weight >= threshold) {
      links.push_back(ScoredEdge{pair.left, pair.right, pair.match_weight});
    }
  }
}

core::Result<LinkageRun> RunLinkage(const PreparedRecords& records, Model model,
                                    const LinkageOptions& options, Random& random,
                                    const PredictionSink& extra_sink) {
  LinkageRun run;
  if (options.train) {
    VIGIL_ASSIGN_OR_RETURN(run.training, TrainModel(model, records, random, options.threads));
  }
  VIGIL_ASSIGN_OR_RETURN(PairScorer scorer, PairScorer::Create(model, records));
  VIGIL_ASSIGN_OR_RETURN(Blocker blocker, Blocker::Create(model.blocking_rules, records,
                                                          model.link_type, options.threads));
  const double threshold = model.ThresholdMatchWeight();
  PredictionOptions prediction;
  prediction.threads = options.threads;
  prediction.minimum_match_weight = threshold;
  VIGIL_ASSIGN_OR_RETURN(run.prediction,
                         Predict(scorer, blocker, prediction, [&](const PredictionBatch& batch) {
                           CollectLinks(batch, threshold, run.links);
                           if (extra_sink) extra_sink(batch);
                         }));
  run.clustering = ClusterAtThreshold(
      records.size(), run.links, threshold, model.cluster_guard,
      [&scorer](std::uint32_t left, std::uint32_t right) { return scorer.Score(left, right); });
  run.model = std::move(model);
  return run;
}

}  // namespace vigil::linkage
