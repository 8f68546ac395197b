// Progress of a run: a bar redrawn in place on a terminal, plain lines otherwise. Workers only
// bump an atomic counter; one reporter thread does all the printing.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace kommunesim::runner {

class Progress {
 public:
  Progress(std::string label, uint64_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance() { done_.fetch_add(1, std::memory_order_relaxed); }
  // Stops the reporter and prints the final state.
  void finish();

 private:
  void report(bool final);
  std::string label_;
  uint64_t total_;
  std::atomic<uint64_t> done_{0};
  bool terminal_;
  int last_decile_ = -1;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread reporter_;
};

}  // namespace kommunesim::runner
