#include "linkage/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace vigil::linkage {

void RunParallel(int threads, std::size_t task_count,
                 const std::function<void(std::size_t index, int worker)>& task) {
  if (task_count == 0) return;
  int workers = static_cast<int>(std::min<std::size_t>(std::max(threads, 1), task_count));
  std::atomic<std::size_t> next{0};
  auto run = [&](int worker) {
    for (std::size_t index = next.fetch_add(1, std::memory_order_relaxed); index < task_count;
         index = next.fetch_add(1, std::memory_order_relaxed)) {
      task(index, worker);
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(static_cast<std::size_t>(workers - 1));
  for (int worker = 1; worker < workers; ++worker) pool.emplace_back(run, worker);
  run(0);
  for (std::thread& thread : pool) thread.join();
}

int EffectiveThreads(int requested, int ceiling) {
  int threads = requested;
  if (threads <= 0) threads = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(threads, 1, std::max(ceiling, 1));
}

}  // namespace vigil::linkage
