#pragma once
// `vigil link`: finds which records of one CSV file are the same person
// (deduplication), or which records of two files are (linking), with the
// linkage engine: settings say which column is which, a model is derived
// from them (or loaded), trained without labels, and every blocked pair is
// scored; links at or above the threshold are clustered with the chaining
// guard. Reference: docs/reference/linkage.md. Exit codes: 0 done, 2 bad
// input (arguments, settings, CSV, model; every problem printed with its
// file and line), 1 anything else (output cannot be written).

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/command_support.h"

namespace vigil::app {

struct LinkOptions {
  std::string settings;             // SETTINGS.yaml (required).
  std::string out_clusters;         // C.csv (required unless count_only).
  std::string out_pairs;            // P.csv: scored pairs at or above the threshold.
  bool count_only = false;          // Only count the pairs each blocking rule makes.
  int threads = 0;                  // 0: one per hardware thread.
  std::string model;                // A trained model to use (overrides settings `model`).
  std::string save_model;           // Where to save the trained model (overrides `save_model`).
  std::vector<std::string> inputs;  // One file to deduplicate, two to link.
};

// Adds the `link` subcommand to `app`, binding its options to `options`.
CLI::App* AddLinkCommand(CLI::App& app, LinkOptions& options);

// Runs the command: a summary (and on a terminal, progress) on standard
// error; with count_only, the table of pairs per blocking rule on standard
// output. Returns one of the exit codes above; never throws.
int RunLink(const LinkOptions& options, CommandIo& io);

}  // namespace vigil::app
