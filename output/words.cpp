// Verdict and change words.
#include "output/words.hpp"

#include <fmt/format.h>

namespace kommunesim::output {

using appraisal::Change;
using appraisal::Verdict;

std::string_view verdict_words(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNetGain:
      return "net gain";
    case Verdict::kNetCost:
      return "net cost";
    case Verdict::kBreakEven:
      return "about break-even";
    case Verdict::kTooCloseToCall:
      break;
  }
  return "too close to call";
}

std::string_view verdict_id(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNetGain:
      return "net_gain";
    case Verdict::kNetCost:
      return "net_cost";
    case Verdict::kBreakEven:
      return "break_even";
    case Verdict::kTooCloseToCall:
      break;
  }
  return "too_close_to_call";
}

std::string verdict_reason(Verdict verdict, double materiality_dkk) {
  switch (verdict) {
    case Verdict::kNetGain:
      return "net gain: the 90 % interval of the mean lies above zero";
    case Verdict::kNetCost:
      return "net cost: the 90 % interval of the mean lies below zero";
    case Verdict::kBreakEven:
      return fmt::format(
          "about break-even: the 90 % interval of the mean lies within {:.0f} DKK of zero, the "
          "materiality threshold",
          materiality_dkk);
    case Verdict::kTooCloseToCall:
      break;
  }
  return "too close to call: the difference is smaller than its uncertainty";
}

std::string_view change_words(Change change) {
  switch (change) {
    case Change::kIncrease:
      return "increase";
    case Change::kDecrease:
      return "decrease";
    case Change::kNoClearChange:
      break;
  }
  return "no clear change";
}

std::string_view change_id(Change change) {
  return change == Change::kNoClearChange ? "no_clear_change" : change_words(change);
}

// How the replicate count came about, e.g. "40 replicates (batches of 10 until resolved;
// stopped at the cap: 3 of 42 verdicts and 1 of 7 top ranks unresolved)".
std::string replicates_text(const appraisal::Appraisal& a) {
  const auto& r = a.replicates;
  const auto& left = r.resolution;
  const std::string unresolved =
      left.done()
          ? std::string("all resolved")
          : fmt::format("{} of {} verdicts and {} of {} top ranks unresolved", left.unresolved_rows,
                        left.rows, left.unresolved_top_ranks, left.sets);
  const std::string count =
      fmt::format("{} replicate{}", a.plan.replicates, a.plan.replicates == 1 ? "" : "s");
  if (!r.adaptive) return count + " (a fixed count; " + unresolved + ")";
  return count + fmt::format(
                     " (from {}, {} more at a time while a verdict or top rank was unresolved, "
                     "at most {}; {}{})",
                     r.first, r.batch, r.max, r.capped() ? "stopped at the cap: " : "", unresolved);
}

}  // namespace kommunesim::output
