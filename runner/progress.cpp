// Progress bar and progress lines, on standard error.
#include "runner/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "output/words.hpp"

namespace kommunesim::runner {

Progress::Progress(std::string label, uint64_t total, output::Language language)
    : label_(std::move(label)),
      language_(language),
      total_(total == 0 ? 1 : total),
      terminal_(::isatty(STDERR_FILENO) != 0) {
  reporter_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop_; }))
      report(false);
  });
}

Progress::~Progress() { finish(); }

void Progress::finish() {
  {
    std::lock_guard lock(mutex_);
    if (stop_) return;
    stop_ = true;
  }
  wake_.notify_all();
  reporter_.join();
  report(true);
}

void Progress::report(bool final) {
  const uint64_t total = total_.load(std::memory_order_relaxed);
  const uint64_t done = final ? total : std::min(done_.load(std::memory_order_relaxed), total);
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const std::string left = output::time_left_text(elapsed, fraction, language_);
  if (terminal_) {
    constexpr int kWidth = 40;
    const int filled = static_cast<int>(fraction * kWidth);
    // Padded, so that a shorter estimate overwrites the end of a longer one.
    std::fprintf(stderr, "\r%s [%s%s] %3d%% %-24s", label_.c_str(),
                 std::string(static_cast<size_t>(filled), '#').c_str(),
                 std::string(static_cast<size_t>(kWidth - filled), '.').c_str(),
                 static_cast<int>(fraction * 100), left.c_str());
    if (final) std::fprintf(stderr, "\n");
  } else {
    const int decile = static_cast<int>(fraction * 10);
    if (decile != last_decile_) {
      if (left.empty())
        std::fprintf(stderr, "%s: %d%%\n", label_.c_str(), decile * 10);
      else
        std::fprintf(stderr, "%s: %d%% (%s)\n", label_.c_str(), decile * 10, left.c_str());
      last_decile_ = decile;
    }
  }
  std::fflush(stderr);
}

}  // namespace kommunesim::runner
