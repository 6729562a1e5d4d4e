#pragma once
// `vigil synth`: writes synthetic police-shaped data at any scale, with its
// ground truth, into a folder (SynthGenerator, SynthWriter;
// docs/reference/synthetic-data.md). Streams: memory does not grow with
// the number of reports.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "app/command_support.h"

namespace vigil::app {

struct SynthCommandOptions {
  std::int64_t reports = 0;  // Required; at least 1.
  std::uint64_t seed = 1;
  std::string out = "synth";
  std::string format = "csv";  // "csv" or "jsonl".
  std::string until = "2026-06-30";
};

// Adds the subcommand and binds its options to `options`.
CLI::App* AddSynthCommand(CLI::App& app, SynthCommandOptions& options);

// Generates and writes the files. kExitOk; kExitBadInput (with a message)
// for a bad format or date, or fewer than one report; kExitFailure when a
// file cannot be written (no file is left half-written).
int RunSynth(const SynthCommandOptions& options, CommandIo& io);

}  // namespace vigil::app
