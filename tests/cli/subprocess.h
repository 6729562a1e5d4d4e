#pragma once
// Runs a program as a child process for end-to-end tests: arguments as
// given (no shell), standard input from a file or /dev/null, standard output
// and error to files. Not thread-safe; one owner per Subprocess.

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace vigil::cli_test {

// How a finished child ended.
struct ExitStatus {
  bool exited = false;  // True for a normal exit (then `code` is its exit code).
  int code = -1;
  int signal = 0;  // The signal that killed it, when not exited.
};

class Subprocess {
 public:
  // Starts `arguments[0]` with the rest as its arguments. `stdin_path` empty
  // means /dev/null. Fails the current test (and leaves pid() at -1) when
  // the program cannot be started.
  Subprocess(const std::vector<std::string>& arguments, const std::string& stdout_path,
             const std::string& stderr_path, const std::string& stdin_path = "");
  // Kills the child (SIGKILL) if it is still running, and reaps it.
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }
  // Sends `signal` to the child.
  void Signal(int signal);
  // Waits at most `limit` for the child to end (polling waitpid). Empty when
  // it is still running after `limit`.
  std::optional<ExitStatus> WaitFor(std::chrono::milliseconds limit);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
};

// The result of running a program to completion.
struct Completed {
  ExitStatus status;
  std::string out;
  std::string err;
};

// Runs the program to completion (at most `limit`, else it is killed and the
// test fails), with `input` on its standard input. Files go in `folder`.
Completed RunToCompletion(const std::vector<std::string>& arguments, const std::string& folder,
                          const std::string& input = "",
                          std::chrono::milliseconds limit = std::chrono::seconds(120));

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

// A port on 127.0.0.1 that was free a moment ago (bound to port 0, then
// released).
int FreePort();

}  // namespace vigil::cli_test
