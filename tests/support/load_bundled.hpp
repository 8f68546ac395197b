// Loading a bundled scenario in a test: every diagnostic becomes a test failure, and a scenario
// that does not load stops the test.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "scenarios/loader/load_scenario.hpp"

namespace kommunesim::test_support {

inline model::Scenario load_bundled(const std::filesystem::path& folder) {
  auto loaded = scenarios::load_scenario(folder);
  if (!loaded.loaded) {
    for (const auto& d : loaded.diagnostics.items()) ADD_FAILURE() << scenarios::format(d);
    throw std::runtime_error(folder.string() + " does not load");
  }
  return loaded.loaded->scenario;
}

}  // namespace kommunesim::test_support
