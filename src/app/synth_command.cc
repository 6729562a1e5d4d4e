#include "app/synth_command.h"

#include <chrono>
#include <iomanip>
#include <ostream>

#include "app/synth_writer.h"
#include "core/time.h"

namespace vigil::app {

CLI::App* AddSynthCommand(CLI::App& app, SynthCommandOptions& options) {
  CLI::App* command = app.add_subcommand(
      "synth",
      "Write synthetic police data with its ground truth, for measuring linkage and alerts");
  command->add_option("--reports", options.reports, "How many reports to generate (at least 1)")
      ->required();
  command->add_option("--seed", options.seed, "Seed: the same seed gives the same files")
      ->capture_default_str();
  command->add_option("--out", options.out, "Folder to write the files into (created if missing)")
      ->capture_default_str();
  command->add_option("--format", options.format, "csv or jsonl")->capture_default_str();
  command
      ->add_option("--until", options.until,
                   "Last day reports are received (YYYY-MM-DD); they span the two years before")
      ->capture_default_str();
  return command;
}

int RunSynth(const SynthCommandOptions& options, CommandIo& io) {
  int problems = 0;
  if (options.reports < 1) {
    io.err << "vigil: --reports must be at least 1 (got " << options.reports << ")\n";
    ++problems;
  }
  if (options.format != "csv" && options.format != "jsonl") {
    io.err << "vigil: --format must be csv or jsonl (got '" << options.format << "')\n";
    ++problems;
  }
  std::optional<core::Date> until = core::ParseDate(options.until);
  if (!until) {
    io.err << "vigil: --until must be a date in the form YYYY-MM-DD (got '" << options.until
           << "')\n";
    ++problems;
  }
  if (problems > 0) return kExitBadInput;
  SynthOptions synth;
  synth.reports = options.reports;
  synth.seed = options.seed;
  synth.until = *until;
  SynthFormat format = options.format == "jsonl" ? SynthFormat::kJsonLines : SynthFormat::kCsv;
  auto started = std::chrono::steady_clock::now();
  SynthWriter writer(options.out, format);
  core::Status opened = writer.Open();
  if (!opened.ok()) {
    PrintFailure(io.err, opened);
    return kExitFailure;
  }
  SynthGenerator generator(synth);
  std::int64_t persons = 0;
  std::int64_t reports = 0;
  std::int64_t courses = 0;
  std::int64_t serials = 0;
  while (std::optional<SynthSeries> series = generator.Next()) {
    writer.Write(*series);
    persons += static_cast<std::int64_t>(series->persons.size());
    reports += static_cast<std::int64_t>(series->reports.size());
    for (const SynthCourse& course : series->courses) {
      (course.kind == "serial_perpetrator" ? serials : courses) += 1;
    }
  }
  core::Status committed = writer.Commit();
  if (!committed.ok()) {
    PrintFailure(io.err, committed);
    return kExitFailure;
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  io.out << "Synthetic data written to " << options.out << " (seed " << options.seed
         << "): " << reports << " reports, " << persons << " person records, " << courses
         << " planted courses of conduct, " << serials << " serial perpetrators in " << std::fixed
         << std::setprecision(1) << elapsed.count() << " s.\n";
  return kExitOk;
}

}  // namespace vigil::app
