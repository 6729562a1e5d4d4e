// Replays a fuzz corpus through a fuzz target without libFuzzer, so every
// test run (any compiler, with the dev preset's sanitizers) re-checks every
// seed and every crasher ever found. Usage: <target>_replay DIR_OR_FILE...
// Fails when a path is missing or a folder holds no inputs.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

int RunFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  int inputs = 0;
  for (int index = 1; index < argc; ++index) {
    std::filesystem::path path(argv[index]);
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) inputs += RunFile(entry.path());
      }
    } else if (std::filesystem::is_regular_file(path)) {
      inputs += RunFile(path);
    } else {
      std::fprintf(stderr, "replay: %s does not exist\n", argv[index]);
      return 1;
    }
  }
  if (inputs == 0) {
    std::fprintf(stderr, "replay: no inputs found\n");
    return 1;
  }
  std::printf("replay: %d inputs ran without a crash\n", inputs);
  return 0;
}
