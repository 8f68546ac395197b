// User errors as data: every problem found in a scenario package, with file, line, column and
// key, collected and reported together.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kommunesim::scenarios {

struct Diagnostic {
  std::string file;  // relative to the scenario folder
  int line = 0;
  int column = 0;
  std::string key;         // dotted path of the offending key, e.g. "transition[2].probability"
  std::string message;     // what was found and what was expected
  std::string suggestion;  // a likely intended name, if any
};

// "file:line:column: key: message (did you mean 'x'?)"
std::string format(const Diagnostic& d);

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// The candidate closest to `name` by edit distance, if it is close enough to be a likely typo.
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace kommunesim::scenarios
