// A copy of a scenario package with some register values replaced, for `kommunesim calibrate`:
// every file of the folder copied as it is, except the `value = ...` line of each named
// parameter, which gets the new value and a comment saying where it came from.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "scenarios/loader/load_scenario.hpp"

namespace kommunesim::scenarios {

// The text a new register value is written as: plain decimal, six significant digits, no
// exponent (as the register is written by hand).
std::string register_number(double value);

// The lines of a text file. Throws std::runtime_error naming the file when it cannot be read.
std::vector<std::string> lines_of(const std::filesystem::path& file);

// Copies `loaded`'s folder into `destination` (which must not exist) with `values` (parameter id
// -> value) written into the register files that declare them, each line ending "# `note`".
// Throws std::runtime_error naming the file when one cannot be read or written.
void copy_with_values(const LoadedScenario& loaded, const std::filesystem::path& destination,
                      const std::map<std::string, double>& values, const std::string& note);

}  // namespace kommunesim::scenarios
