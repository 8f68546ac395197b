// What a run will need, known before it simulates: its peak memory and the size of its output
// folder, from the run's shape (persons, replicates, arms, dynamics groups, years, threads) and
// per-unit costs measured on the default scenario. A run whose estimate exceeds the machine's
// memory, or whose output would not fit the file system, is refused before simulating.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "model/engine/scenario.hpp"

namespace kommunesim::runner {

struct ResourceEstimate {
  double memory_bytes = 0;  // peak resident memory
  double output_bytes = 0;  // the output folder (results.sqlite is most of it)
};

// `replicates`: the most the run may simulate (the adaptive rule's maximum).
ResourceEstimate estimate_resources(const model::Scenario& scenario, int replicates, int threads);

// The machine's physical memory in bytes (0 when it cannot be read).
double machine_memory_bytes();

// Why the run cannot go ahead with these resources, or nothing: more memory than the machine has
// (unless `ignore_memory`), more output than the file system holding `out` has free.
std::optional<std::string> resource_problem(const ResourceEstimate& estimate,
                                            const std::filesystem::path& out, int persons,
                                            int threads, bool ignore_memory);

}  // namespace kommunesim::runner
