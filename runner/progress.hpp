// Progress of a run: a bar with the time left, redrawn in place on a terminal, plain lines
// otherwise. Workers only bump an atomic counter; one reporter thread does all the printing.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "output/language.hpp"

namespace kommunesim::runner {

class Progress {
 public:
  Progress(std::string label, uint64_t total, output::Language language);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(uint64_t steps = 1) { done_.fetch_add(steps, std::memory_order_relaxed); }
  // A new estimate of the steps in all (a phase whose work shrinks as it learns, e.g. searches
  // that end early).
  void retotal(uint64_t total) { total_.store(total == 0 ? 1 : total, std::memory_order_relaxed); }
  // Stops the reporter and prints the final state.
  void finish();

 private:
  void report(bool final);
  std::string label_;
  output::Language language_;
  std::atomic<uint64_t> total_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::atomic<uint64_t> done_{0};
  bool terminal_;
  int last_decile_ = -1;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread reporter_;
};

}  // namespace kommunesim::runner
