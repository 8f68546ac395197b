// The processes of a run. Without MPI, or started without mpirun, a run is one process and the
// simulations of each round (the main run's replicates, a tornado pass, a switching-value step)
// run on its threads. Under `mpirun -n N` (a build with KOMMUNESIM_MPI), every rank runs the whole
// appraisal in lockstep: each round's simulations are handed out to the ranks as they work, and
// every rank then receives every simulation's integer tallies, so that each takes the same
// decisions (the replicate stopping rule, the switching-value searches) on the same numbers. Only
// rank 0 writes. Results are therefore byte-identical for any number of ranks and threads.
#pragma once

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <numeric>
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
// The order in which a round's n indices are handed out: the costliest first given each index's
// cost (ties in index order), else index order.
std::vector<size_t> dealing_order(size_t n, const std::function<double(size_t)>& cost);

// Hands out a round's indices while the processes work, first come first served: each takes the
// next positions of `order` from a counter that process 0 holds (MPI one-sided), so a process that
// finishes its simulations early takes more. Creating and destroying one are collective calls.
class Dealer {
 public:
  explicit Dealer(std::vector<size_t> order);
  ~Dealer();
  Dealer(const Dealer&) = delete;
  Dealer& operator=(const Dealer&) = delete;
  // The next (at most) `chunk` indices for this process; empty when every index is taken.
  std::vector<size_t> next(size_t chunk);

 private:
  std::vector<size_t> order_;
  struct Window;
  Window* window_ = nullptr;
};

// Which process took each of n indices, on every process, from each process's `taken` (a
// collective call).
std::vector<int> owners_of(size_t n, const std::vector<size_t>& taken);

// Every index's words from the process it was dealt to (`owners`), on every process: `mine`
// holds the words of this process's indices, ascending. Throws on every process when `failure`
// (what went wrong here, or empty) is not empty on one of them.
std::vector<std::vector<uint64_t>> exchange(const std::vector<int>& owners,
                                            std::vector<std::vector<uint64_t>> mine,
                                            const std::string& failure);
}  // namespace detail

// For every i in [0, n): result = work(i), then store(i, std::move(result)), on every process.
// With one process work runs on the threads and store right after it (store(i, ...) must touch
// only what belongs to i). With several, the processes take the indices a chunk (one per thread)
// at a time while they work (detail::Dealer), `save` turns a result into words and `load` back,
// and store runs for every index on every process. A failure anywhere fails the round on every
// process. `cost` (optional): each index's relative cost, so that the longest simulations are
// handed out first. Which process computed an index never changes its result.
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
  std::vector<size_t> own;  // the indices this process took, in the order taken
  std::vector<std::vector<uint64_t>> taken_words;
  std::string failure;
  {
    detail::Dealer dealer(detail::dealing_order(n, cost));
    const auto chunk = static_cast<size_t>(std::max(1, tbb::this_task_arena::max_concurrency()));
    while (failure.empty()) {  // a process that failed takes no more
      const std::vector<size_t> next = dealer.next(chunk);
      if (next.empty()) break;
      const size_t from = own.size();
      own.insert(own.end(), next.begin(), next.end());
      taken_words.resize(own.size());
      try {
        tbb::parallel_for(from, own.size(), [&](size_t k) { save(work(own[k]), taken_words[k]); });
      } catch (const std::exception& e) {
        failure = e.what();
      }
    }
  }
  const std::vector<int> owners = detail::owners_of(n, own);
  std::vector<std::vector<uint64_t>> mine;  // exchange takes them by ascending index
  std::vector<size_t> by_index(own.size());
  std::iota(by_index.begin(), by_index.end(), size_t{0});
  std::sort(by_index.begin(), by_index.end(), [&](size_t a, size_t b) { return own[a] < own[b]; });
  for (const size_t k : by_index) mine.push_back(std::move(taken_words[k]));
  const std::vector<std::vector<uint64_t>> all_words =
      detail::exchange(owners, std::move(mine), failure);
  tbb::parallel_for(size_t{0}, n, [&](size_t i) {
    const uint64_t* at = all_words[i].data();
    store(i, load(at));
  });
}

}  // namespace kommunesim::model::processes
