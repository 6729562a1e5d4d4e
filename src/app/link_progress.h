#pragma once
// Progress of a long `vigil link` run on a terminal: one line per stage,
// rewritten in place (at most a few times a second) while the stage runs.
// Silent when standard error is not a terminal (pipes, files, CI, tests), so
// logs never fill with carriage returns. Not thread-safe: call from the
// thread that runs the command.

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

namespace vigil::app {

class LinkProgress {
 public:
  // Writes to `err` when `enabled` (the command passes isatty(stderr)).
  LinkProgress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}

  // Starts a stage ("reading", "training", ...), ending the previous one.
  void Stage(std::string_view name);
  // Shows `detail` for the current stage ("1,200,000 rows"), unless the
  // last update was under 200 ms ago.
  void Update(std::string_view detail);
  // Ends the current stage's line.
  void Finish();

 private:
  std::ostream& err_;
  bool enabled_;
  std::string stage_;
  bool open_line_ = false;
  std::chrono::steady_clock::time_point last_update_{};
};

// 1234567 -> "1,234,567".
std::string WithThousands(std::uint64_t value);

}  // namespace vigil::app
