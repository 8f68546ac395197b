// The processes of a run. Without MPI, or started without mpirun, a run is one process and the
// simulations of each round (the main run's replicates, a tornado pass, a switching-value step)
// run on its threads. Under `mpirun -n N` (a build with KOMMUNESIM_MPI), every rank runs the whole
// appraisal in lockstep: each round's simulations are dealt to the ranks, and every rank then
// receives every simulation's integer tallies, so that each takes the same decisions (the
// replicate stopping rule, the switching-value searches) on the same numbers. Only rank 0
// writes. Results are therefore byte-identical for any number of ranks and threads.
#pragma once

#include <tbb/parallel_for.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kommunesim::model::processes {

// Starts MPI when the process was launched by mpirun (in a build with MPI); call once, first.
void start(int& argc, char**& argv);
// Ends MPI if start() began it.
void stop();

int rank();   // 0 without MPI
int count();  // 1 without MPI
inline bool is_root() { return rank() == 0; }

// Whether `ok` holds on every process (a collective call: every process must make it).
bool all(bool ok);
// The first process's `value`, on every process (a collective call).
int from_root(int value);

namespace detail {
// The process each of n indices is dealt to, the same on every process: round-robin
// (i % count()), or, given each index's cost, the costliest first, each to the process with the
// least cost dealt so far (ties to the lowest rank).
std::vector<int> deal(size_t n, const std::function<double(size_t)>& cost);
// Every index's words from the process it was dealt to (`owners`), on every process: `mine`
// holds the words of this process's indices, ascending. Throws on every process when `failure`
// (what went wrong here, or empty) is not empty on one of them.
std::vector<std::vector<uint64_t>> exchange(const std::vector<int>& owners,
                                            std::vector<std::vector<uint64_t>> mine,
                                            const std::string& failure);
}  // namespace detail

// For every i in [0, n): result = work(i), then store(i, std::move(result)), on every process.
// With one process work runs on the threads and store right after it (store(i, ...) must touch
// only what belongs to i). With several, each process works its dealt indices on its threads,
// `save` turns a result into words and `load` back, and store runs for every index on every
// process. A failure anywhere fails the round on every process. `cost` (optional): each index's
// relative cost, for dealing rounds whose simulations differ in length (detail::deal).
template <class Result>
void share(size_t n, const std::function<Result(size_t)>& work,
           const std::function<void(size_t, Result&&)>& store,
           const std::function<void(const Result&, std::vector<uint64_t>&)>& save,
           const std::function<Result(const uint64_t*&)>& load,
           const std::function<double(size_t)>& cost = {}) {
  if (count() == 1) {
    tbb::parallel_for(size_t{0}, n, [&](size_t i) { store(i, work(i)); });
    return;
  }
  const std::vector<int> owners = detail::deal(n, cost);
  std::vector<size_t> own;
  for (size_t i = 0; i < n; ++i)
    if (owners[i] == rank()) own.push_back(i);
  std::vector<std::vector<uint64_t>> mine(own.size());
  std::string failure;
  try {
    tbb::parallel_for(size_t{0}, own.size(), [&](size_t k) { save(work(own[k]), mine[k]); });
  } catch (const std::exception& e) {
    failure = e.what();
  }
  const std::vector<std::vector<uint64_t>> all_words =
      detail::exchange(owners, std::move(mine), failure);
  tbb::parallel_for(size_t{0}, n, [&](size_t i) {
    const uint64_t* at = all_words[i].data();
    store(i, load(at));
  });
}

}  // namespace kommunesim::model::processes
