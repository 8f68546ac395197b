// The processes of a run (processes.hpp): MPI when built with it and launched by mpirun.
#include "model/engine/processes.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <string>

#ifdef KOMMUNESIM_WITH_MPI
#include <mpi.h>
#endif

namespace kommunesim::model::processes {

namespace detail {

std::vector<size_t> dealing_order(size_t n, const std::function<double(size_t)>& cost) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  if (cost)
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return cost(a) > cost(b); });
  return order;
}

}  // namespace detail

#ifdef KOMMUNESIM_WITH_MPI

namespace {

bool started = false;

// Open MPI's and MPICH's launchers set these in every process they start.
bool launched_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

void check(int code, const char* call) {
  if (code != MPI_SUCCESS) throw std::runtime_error(std::string(call) + " failed");
}

}  // namespace

void start(int& argc, char**& argv) {
  if (started || !launched_by_mpirun()) return;
  // Only the main thread makes MPI calls (the rounds are driven from it).
  int provided = 0;
  check(MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  started = true;
}

void stop() {
  if (started) MPI_Finalize();
  started = false;
}

int rank() {
  if (!started) return 0;
  int r = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &r);
  return r;
}

int count() {
  if (!started) return 1;
  int n = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &n);
  return n;
}

bool all(bool ok) {
  if (!started) return ok;
  int mine = ok ? 1 : 0, every = 0;
  check(MPI_Allreduce(&mine, &every, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD), "MPI_Allreduce");
  return every == 1;
}

int from_root(int value) {
  if (started) check(MPI_Bcast(&value, 1, MPI_INT, 0, MPI_COMM_WORLD), "MPI_Bcast");
  return value;
}

namespace detail {

// The counter of positions handed out, on process 0: an MPI window of one 64-bit integer.
struct Dealer::Window {
  MPI_Win win = MPI_WIN_NULL;
  int64_t* counter = nullptr;
  size_t taken = 0;  // without mpirun: one process takes every index
};

Dealer::Dealer(std::vector<size_t> order) : order_(std::move(order)), window_(new Window) {
  if (!started) return;
  const MPI_Aint size = rank() == 0 ? static_cast<MPI_Aint>(sizeof(int64_t)) : 0;
  check(MPI_Win_allocate(size, sizeof(int64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &window_->counter,
                         &window_->win),
        "MPI_Win_allocate");
  if (rank() == 0) *window_->counter = 0;
  check(MPI_Barrier(MPI_COMM_WORLD), "MPI_Barrier");  // nobody takes before it is 0
  check(MPI_Win_lock_all(0, window_->win), "MPI_Win_lock_all");
}

Dealer::~Dealer() {
  if (started) {
    MPI_Win_unlock_all(window_->win);
    MPI_Win_free(&window_->win);
  }
  delete window_;
}

std::vector<size_t> Dealer::next(size_t chunk) {
  int64_t first = 0;
  if (started) {
    const auto add = static_cast<int64_t>(chunk);
    check(MPI_Fetch_and_op(&add, &first, MPI_INT64_T, 0, 0, MPI_SUM, window_->win),
          "MPI_Fetch_and_op");
    check(MPI_Win_flush(0, window_->win), "MPI_Win_flush");
  } else {
    first = static_cast<int64_t>(window_->taken);
    window_->taken += chunk;
  }
  const auto from = std::min(static_cast<size_t>(first), order_.size());
  const size_t to = std::min(from + chunk, order_.size());
  return {order_.begin() + static_cast<std::ptrdiff_t>(from),
          order_.begin() + static_cast<std::ptrdiff_t>(to)};
}

namespace {

// Every process's words, on every process, process by process: words[from[r] .. from[r + 1])
// are process r's.
struct Gathered {
  std::vector<uint64_t> words;
  std::vector<int> from;  // count() + 1 offsets
};

Gathered gather_words(const std::vector<uint64_t>& send) {
  const auto ranks = static_cast<size_t>(count());
  std::vector<int> counts(ranks);
  const int own = static_cast<int>(send.size());
  check(MPI_Allgather(&own, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD),
        "MPI_Allgather");
  Gathered gathered;
  gathered.from.assign(ranks + 1, 0);
  for (size_t r = 0; r < ranks; ++r) gathered.from[r + 1] = gathered.from[r] + counts[r];
  gathered.words.resize(static_cast<size_t>(gathered.from[ranks]));
  check(MPI_Allgatherv(send.data(), own, MPI_UINT64_T, gathered.words.data(), counts.data(),
                       gathered.from.data(), MPI_UINT64_T, MPI_COMM_WORLD),
        "MPI_Allgatherv");
  return gathered;
}

}  // namespace

std::vector<int> owners_of(size_t n, const std::vector<size_t>& taken) {
  if (!started) return std::vector<int>(n, 0);
  const Gathered all_taken = gather_words({taken.begin(), taken.end()});
  std::vector<int> owners(n, -1);
  for (int r = 0; r < count(); ++r)
    for (int k = all_taken.from[static_cast<size_t>(r)];
         k < all_taken.from[static_cast<size_t>(r) + 1]; ++k)
      owners[all_taken.words[static_cast<size_t>(k)]] = r;
  return owners;
}

std::vector<std::vector<uint64_t>> exchange(const std::vector<int>& owners,
                                            std::vector<std::vector<uint64_t>> mine,
                                            const std::string& failure) {
  if (!all(failure.empty()))
    throw std::runtime_error(
        failure.empty() ? "a simulation failed on another of the run's processes" : failure);
  const int ranks = count();
  // Every index's word count, then every index's words, gathered rank by rank (each rank's
  // indices ascending).
  std::vector<uint64_t> my_sizes, my_words;
  for (const auto& words : mine) {
    my_sizes.push_back(words.size());
    my_words.insert(my_words.end(), words.begin(), words.end());
  }
  const Gathered sizes = gather_words(my_sizes);
  const Gathered words = gather_words(my_words);
  std::vector<std::vector<uint64_t>> out(owners.size());
  for (int r = 0; r < ranks; ++r) {
    auto at = static_cast<size_t>(words.from[static_cast<size_t>(r)]);
    auto k = static_cast<size_t>(sizes.from[static_cast<size_t>(r)]);
    for (size_t i = 0; i < owners.size(); ++i) {
      if (owners[i] != r) continue;
      const auto size = static_cast<size_t>(sizes.words[k++]);
      out[i].assign(words.words.begin() + static_cast<long>(at),
                    words.words.begin() + static_cast<long>(at + size));
      at += size;
    }
  }
  return out;
}

}  // namespace detail

#else  // one process

void start(int&, char**&) {}
void stop() {}
int rank() { return 0; }
int count() { return 1; }
bool all(bool ok) { return ok; }
int from_root(int value) { return value; }

namespace detail {
// One process takes every index, in order.
struct Dealer::Window {
  size_t taken = 0;
};
Dealer::Dealer(std::vector<size_t> order) : order_(std::move(order)), window_(new Window) {}
Dealer::~Dealer() { delete window_; }
std::vector<size_t> Dealer::next(size_t chunk) {
  const size_t from = std::min(window_->taken, order_.size());
  window_->taken = std::min(from + chunk, order_.size());
  return {order_.begin() + static_cast<std::ptrdiff_t>(from),
          order_.begin() + static_cast<std::ptrdiff_t>(window_->taken)};
}
std::vector<int> owners_of(size_t n, const std::vector<size_t>&) { return std::vector<int>(n, 0); }
std::vector<std::vector<uint64_t>> exchange(const std::vector<int>&,
                                            std::vector<std::vector<uint64_t>> mine,
                                            const std::string& failure) {
  if (!failure.empty()) throw std::runtime_error(failure);
  return mine;
}
}  // namespace detail

#endif

}  // namespace kommunesim::model::processes
