#pragma once
// A minimal fork-join pool for linkage's embarrassingly parallel loops
// (preparing fields, scoring blocks, sampling pairs): `threads` std::threads
// take task indices from a shared atomic counter until none are left, then
// join. Tasks must not throw. Work is spread dynamically, so uneven tasks
// (one huge block) do not leave threads idle for long.

#include <cstddef>
#include <functional>

namespace vigil::linkage {

// Runs `task(index, worker)` for every index in [0, task_count), on up to
// `threads` threads (the calling thread is one of them; worker is
// 0..threads-1 and identifies the thread, for per-thread buffers). Returns
// when every task has finished.
void RunParallel(int threads, std::size_t task_count,
                 const std::function<void(std::size_t index, int worker)>& task);

// The number of threads to use when asked for `requested` (0 or less means
// one per hardware thread; never more than `ceiling`, never fewer than 1).
int EffectiveThreads(int requested, int ceiling = 256);

}  // namespace vigil::linkage
