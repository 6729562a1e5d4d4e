#include "app/link_command.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/link_input.h"
#include "app/link_output.h"
#include "app/link_progress.h"
#include "app/link_settings.h"
#include "linkage/blocking.h"
#include "linkage/default_model.h"
#include "linkage/parallel.h"
#include "linkage/pipeline.h"
#include "linkage/scorer.h"
#include "linkage/training.h"

namespace vigil::app {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double PeakMemoryGibibytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0);  // ru_maxrss is in KiB.
}

std::string Fixed(double value, int decimals) {
  std::ostringstream text;
  text.setf(std::ios::fixed);
  text.precision(decimals);
  text << value;
  return text.str();
}

core::Result<linkage::Model> LoadModel(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::InvalidArgument(path + ": the model file cannot be read");
  std::ostringstream content;
  content << in.rdbuf();
  core::Result<linkage::Model> model = linkage::ModelFromJson(content.str());
  if (!model.ok()) {
    return core::Status(model.status().code(), path + ": " + model.status().message(),
                        model.status().field_errors());
  }
  return model;
}

core::Status SaveModel(const std::string& path, const linkage::Model& model) {
  AtomicFile file(path);
  VIGIL_RETURN_IF_ERROR(file.Open());
  file.stream() << linkage::ModelToJson(model);
  return file.Commit();
}

void PrintCounts(std::ostream& out, const std::vector<linkage::RuleCount>& counts) {
  out << "blocking rule,pairs,new pairs,cumulative pairs,largest block,skipped blocks\n";
  std::uint64_t cumulative = 0;
  for (const linkage::RuleCount& count : counts) {
    cumulative += count.new_pairs;
    out << CsvField(count.rule) << ',' << count.raw_pairs << ',' << count.new_pairs << ','
        << cumulative << ',' << count.largest_block << ',' << count.skipped_blocks << '\n';
  }
}

class LinkRun {
 public:
  LinkRun(const LinkOptions& options, CommandIo& io)
      : options_(options),
        io_(io),
        progress_(io.err, &io.err == &std::cerr && ::isatty(STDERR_FILENO) == 1),
        threads_(linkage::EffectiveThreads(options.threads)) {}

  int Run() {
    Clock::time_point start = Clock::now();
    if (options_.inputs.empty() || options_.inputs.size() > 2) {
      return Fail(core::InvalidArgument("give one input file to deduplicate or two to link"));
    }
    if (!options_.count_only && options_.out_clusters.empty()) {
      return Fail(core::InvalidArgument("--out-clusters is required (or use --count-only)"));
    }
    core::Result<LinkSettings> settings = ReadLinkSettings(options_.settings);
    if (!settings.ok()) return Fail(settings.status());
    const linkage::LinkType link_type =
        options_.inputs.size() == 2 ? linkage::LinkType::kLink : linkage::LinkType::kDeduplicate;
    std::string model_path = options_.model.empty() ? settings->model_path : options_.model;
    std::optional<linkage::Model> loaded;
    if (!model_path.empty()) {
      core::Result<linkage::Model> model = LoadModel(model_path);
      if (!model.ok()) return Fail(model.status());
      loaded = std::move(model).value();
    }
    linkage::NormaliseOptions normalise =
        loaded ? loaded->normalise : settings->normalise.value_or(linkage::NormaliseOptions{});

    progress_.Stage("reading");
    Clock::time_point stage = Clock::now();
    core::Result<linkage::PreparedRecords> records = ReadLinkInputs(
        *settings, options_.inputs, normalise, threads_, [this](std::uint64_t rows, std::uint64_t) {
          progress_.Update(WithThousands(rows) + " rows");
        });
    progress_.Finish();
    if (!records.ok()) return Fail(records.status());
    times_ << "read " << Fixed(SecondsSince(stage), 1) << " s";

    linkage::Model model;
    if (loaded) {
      model = std::move(*loaded);
      if (settings->threshold_match_probability) {
        model.threshold_match_probability = *settings->threshold_match_probability;
      }
      if (settings->cluster_guard) model.cluster_guard = *settings->cluster_guard;
    } else {
      core::Result<linkage::Model> defaults =
          linkage::DefaultModel(settings->plan.fields, link_type, &*records, threads_);
      if (!defaults.ok()) return Fail(defaults.status());
      model = std::move(defaults).value();
      settings->ApplyTo(model);
    }
    model.link_type = link_type;
    if (core::Status valid = linkage::ValidateModel(model); !valid.ok()) return Fail(valid);

    if (options_.count_only) return CountOnly(model, *records);
    if (!model.trained) {
      if (int code = Train(model, *records); code != kExitOk) return code;
    }
    std::string save_path =
        options_.save_model.empty() ? settings->save_model_path : options_.save_model;
    if (!save_path.empty()) {
      if (core::Status saved = SaveModel(save_path, model); !saved.ok()) return Fail(saved);
    }
    if (int code = PredictAndCluster(model, *records); code != kExitOk) return code;
    io_.err << "vigil link: " << WithThousands(records->size()) << " records, "
            << WithThousands(pairs_scored_) << " pairs scored, " << WithThousands(links_)
            << " links, " << WithThousands(clusters_) << " clusters (" << WithThousands(refused_)
            << " merges refused by the guard)\n"
            << "vigil link: " << times_.str() << "; total " << Fixed(SecondsSince(start), 1)
            << " s on " << threads_ << " threads; peak memory " << Fixed(PeakMemoryGibibytes(), 2)
            << " GiB\n";
    return kExitOk;
  }

 private:
  int Fail(const core::Status& status) {
    progress_.Finish();
    PrintFailure(io_.err, status);
    return ExitCodeFor(status);
  }

  int CountOnly(const linkage::Model& model, const linkage::PreparedRecords& records) {
    core::Result<linkage::Blocker> blocker =
        linkage::Blocker::Create(model.blocking_rules, records, model.link_type, threads_);
    if (!blocker.ok()) return Fail(blocker.status());
    PrintCounts(io_.out, blocker->CountComparisons(threads_));
    return kExitOk;
  }

  int Train(linkage::Model& model, const linkage::PreparedRecords& records) {
    progress_.Stage("training");
    Clock::time_point stage = Clock::now();
    linkage::Random random(model.training.seed);
    core::Result<linkage::TrainingReport> report =
        linkage::TrainModel(model, records, random, threads_);
    progress_.Finish();
    if (!report.ok()) return Fail(report.status());
    for (const std::string& warning : report->warnings) {
      io_.err << "vigil link: warning: " << warning << "\n";
    }
    times_ << ", train " << Fixed(SecondsSince(stage), 1) << " s";
    return kExitOk;
  }

  int PredictAndCluster(const linkage::Model& model, const linkage::PreparedRecords& records) {
    progress_.Stage("scoring pairs");
    Clock::time_point stage = Clock::now();
    core::Result<linkage::PairScorer> scorer = linkage::PairScorer::Create(model, records);
    if (!scorer.ok()) return Fail(scorer.status());
    core::Result<linkage::Blocker> blocker =
        linkage::Blocker::Create(model.blocking_rules, records, model.link_type, threads_);
    if (!blocker.ok()) return Fail(blocker.status());
    std::optional<PairsWriter> pairs;
    if (!options_.out_pairs.empty()) {
      pairs.emplace(options_.out_pairs, model, records);
      if (core::Status opened = pairs->Open(); !opened.ok()) return Fail(opened);
    }
    const double threshold = model.ThresholdMatchWeight();
    std::vector<linkage::ScoredEdge> links;
    linkage::PredictionOptions prediction;
    prediction.threads = threads_;
    prediction.minimum_match_weight = threshold;
    core::Result<linkage::PredictionSummary> summary = linkage::Predict(
        *scorer, *blocker, prediction,
        [&](const linkage::PredictionBatch& batch) {
          linkage::CollectLinks(batch, threshold, links);
          if (pairs) pairs->Write(batch);
        },
        [this](std::uint64_t done, std::uint64_t total) {
          progress_.Update(std::to_string(total == 0 ? 100 : done * 100 / total) + "%");
        });
    progress_.Finish();
    if (!summary.ok()) return Fail(summary.status());
    times_ << ", predict " << Fixed(SecondsSince(stage), 1) << " s";
    pairs_scored_ = summary->pairs_scored;
    links_ = links.size();

    progress_.Stage("clustering");
    stage = Clock::now();
    const linkage::PairScorer& pair_scorer = *scorer;
    linkage::Clustering clustering = linkage::ClusterAtThreshold(
        records.size(), std::move(links), threshold, model.cluster_guard,
        [&pair_scorer](std::uint32_t left, std::uint32_t right) {
          return pair_scorer.Score(left, right);
        });
    progress_.Finish();
    clusters_ = clustering.cluster_count;
    refused_ = clustering.refused_merges;
    times_ << ", cluster " << Fixed(SecondsSince(stage), 1) << " s";
    stage = Clock::now();
    if (core::Status written =
            WriteClusters(options_.out_clusters, records, clustering, model.link_type);
        !written.ok()) {
      return Fail(written);
    }
    if (pairs) {
      if (core::Status written = pairs->Commit(); !written.ok()) return Fail(written);
    }
    times_ << ", write " << Fixed(SecondsSince(stage), 1) << " s";
    return kExitOk;
  }

  const LinkOptions& options_;
  CommandIo& io_;
  LinkProgress progress_;
  int threads_;
  std::ostringstream times_;
  std::uint64_t pairs_scored_ = 0;
  std::uint64_t links_ = 0;
  std::uint64_t clusters_ = 0;
  std::uint64_t refused_ = 0;
};

}  // namespace

CLI::App* AddLinkCommand(CLI::App& app, LinkOptions& options) {
  CLI::App* command =
      app.add_subcommand("link", "Find records of the same person in one CSV file, or across two");
  command->add_option("--settings", options.settings, "Settings file (YAML): columns and roles")
      ->required();
  command->add_option("--out-clusters", options.out_clusters,
                      "Write record_id,cluster_id (or source,record_id,cluster_id) here");
  command->add_option("--out-pairs", options.out_pairs,
                      "Also write the scored pairs at or above the threshold, explained");
  command->add_flag("--count-only", options.count_only,
                    "Only count the pairs each blocking rule makes, then stop");
  command->add_option("--threads", options.threads, "Threads to use (default: all cores)")
      ->check(CLI::Range(0, 256));
  command->add_option("--model", options.model,
                      "Use this trained model (JSON) instead of training");
  command->add_option("--save-model", options.save_model, "Save the trained model (JSON) here");
  command->add_option("inputs", options.inputs, "One CSV file to deduplicate, or two to link")
      ->required()
      ->expected(1, 2);
  return command;
}

int RunLink(const LinkOptions& options, CommandIo& io) {
  try {
    return LinkRun(options, io).Run();
  } catch (const std::bad_alloc&) {
    io.err << "vigil link: out of memory\n";
    return kExitFailure;
  }
}

}  // namespace vigil::app
