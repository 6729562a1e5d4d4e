#pragma once
// TempDir: a new, empty, private directory for one test's files (database
// files, exports), removed with everything in it when the TempDir is
// destroyed. Made under $TEST_TMPDIR, else $TMPDIR, else /tmp. Not
// thread-safe to construct concurrently with changes to those variables;
// otherwise a plain owner of a path.

#include <string>
#include <string_view>

namespace vigil::testing {

class TempDir {
 public:
  // Creates the directory (mode 0700). Aborts the test binary when it
  // cannot: no test can run without it.
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Removes the directory and everything in it.
  ~TempDir();

  // The directory, without a trailing slash.
  const std::string& path() const { return path_; }
  // The path of `name` inside the directory (nothing is created).
  std::string File(std::string_view name) const;

 private:
  std::string path_;
};

}  // namespace vigil::testing
