// kommunesim compare: two run folders side by side, in the terminal and as an HTML page.
#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/compare.hpp"
#include "runner/commands.hpp"

namespace kommunesim::runner {
namespace {

// The page replaces only a missing file or an earlier comparison page.
bool replaceable(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) return true;
  std::ifstream in(file);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return head.find("<title>kommunesim: ") != std::string::npos;
}

}  // namespace

int compare_command(const CompareOptions& options) {
  const output::Language language = *output::language_named(options.language);
  if (!replaceable(options.html)) {
    fmt::print(stderr,
               "error: --html {} exists and is not a comparison page kommunesim wrote; choose "
               "another --html or move the file away\n",
               options.html);
    return kExitInvalidInput;
  }
  try {
    const output::RunComparison comparison = output::compare_runs(options.run_a, options.run_b);
    const std::string page = output::comparison_html(comparison, language);
    const std::filesystem::path staged = options.html + ".partial";
    {
      std::ofstream out(staged);
      out << page;
      if (!out) throw std::runtime_error("cannot write " + staged.string());
    }
    std::filesystem::rename(staged, options.html);
    fmt::print("{}", output::comparison_text(comparison, language));
    fmt::print("\n{}\n", options.html);
    return kExitSuccess;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kExitInvalidInput;
  }
}

}  // namespace kommunesim::runner
