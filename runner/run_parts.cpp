// kommunesim run --part i/n and kommunesim merge: the main run's simulations split into parts
// that run anywhere (a job array, a shell loop), merged into the output one run writes. The
// sensitivity (tornado, switching values) runs at the merge, on its threads.
//
// A part's folder holds manifest.json (which part, the scenario and the SHA-256 of each input,
// the overrides of seed and replicates) and tallies.bin: 64-bit words in the machine's byte order
// (magic, version, the plan's unit count, this part's unit count, then per unit its index and
// model::save_years), read by machines of the same byte order.
#include <fmt/format.h>
#include <tbb/global_control.h>

#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "model/appraisal/appraisal.hpp"
#include "model/engine/processes.hpp"
#include "output/sha256.hpp"
#include "output/staged_folder.hpp"
#include "output/words.hpp"
#include "runner/commands.hpp"
#include "runner/run_steps.hpp"
#include "runner/scenario_loading.hpp"

namespace kommunesim::runner {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr uint64_t kPartMagic = 0x7472617073696d6bULL;  // "kmispart": a part's tallies.bin
constexpr uint64_t kPartVersion = 1;

struct PartNumber {
  int part = 0;  // 1-based
  int parts = 0;
};

std::optional<PartNumber> part_number(const std::string& text) {
  static const std::regex form(R"(^([0-9]{1,6})/([0-9]{1,6})$)");
  std::smatch m;
  if (!std::regex_match(text, m, form)) return std::nullopt;
  const PartNumber n{std::stoi(m[1]), std::stoi(m[2])};
  if (n.part < 1 || n.part > n.parts) return std::nullopt;
  return n;
}

json inputs_of(const scenarios::LoadedScenario& loaded) {
  json inputs = json::array();
  for (const auto& f : loaded.files)
    inputs.push_back({{"path", f}, {"sha256", output::sha256_of_file(loaded.folder / f)}});
  return inputs;
}

json optional_number(const auto& value) { return value ? json(*value) : json(nullptr); }

void write_words(const fs::path& file, const std::vector<uint64_t>& words) {
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(words.data()),
            static_cast<std::streamsize>(words.size() * sizeof(uint64_t)));
  if (!out) throw std::runtime_error(file.string() + ": could not be written");
}

std::vector<uint64_t> read_words(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read");
  in.seekg(0, std::ios::end);
  const auto bytes = static_cast<size_t>(in.tellg());
  if (bytes % sizeof(uint64_t) != 0) throw std::runtime_error(file.string() + ": truncated");
  std::vector<uint64_t> words(bytes / sizeof(uint64_t));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(words.data()), static_cast<std::streamsize>(bytes));
  return words;
}

// A part's folder as merge reads it.
struct Part {
  fs::path folder;
  json manifest;
  PartNumber number;
};

}  // namespace

int part_command(const RunOptions& options) {
  const auto number = part_number(*options.part);
  if (!number) {
    fmt::print(stderr, "error: --part {}: expected i/n with 1 <= i <= n, e.g. --part 2/8\n",
               *options.part);
    return kExitInvalidInput;
  }
  if (model::processes::count() > 1) {
    fmt::print(stderr, "error: --part is for runs without mpirun (mpirun spreads a run itself)\n");
    return kExitInvalidInput;
  }
  const auto started = std::chrono::steady_clock::now();
  const std::string started_utc = utc_now();
  auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  if (const auto problem = output::destination_problem(options.out, options.scenario)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  const int threads = effective_threads(options.threads);
  std::optional<output::StagedFolder> folder;
  if (const auto code =
          agreed_start(refused(*loaded, options, threads, options.out), options.out, folder))
    return *code;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  try {
    const output::Language language = *output::language_named(options.language);
    RunProgress progress(threads, language);
    appraisal::AppraisalOptions appraisal_options;
    appraisal_options.replicates = options.replicates;
    appraisal_options.seed = options.seed;
    appraisal_options.execution =
        options.full_simulations ? model::Execution::kFull : model::Execution::kSharedBaseline;
    const appraisal::PartRun run = appraisal::simulate_part(
        loaded->scenario, appraisal_options, number->part - 1, number->parts, progress);
    std::vector<uint64_t> words = {kPartMagic, kPartVersion, run.plan.units.size(),
                                   run.units.size()};
    for (const size_t u : run.units) {
      words.push_back(u);
      model::save_years(run.results.tallies[u], words);
    }
    write_words(folder->path() / "tallies.bin", words);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    json manifest;
    manifest["engine"] = {
        {"name", "kommunesim"}, {"version", KOMMUNESIM_VERSION}, {"commit", KOMMUNESIM_COMMIT}};
    manifest["part"] = number->part;
    manifest["parts"] = number->parts;
    manifest["scenario_folder"] = fs::weakly_canonical(fs::absolute(loaded->folder)).string();
    manifest["seed"] = optional_number(options.seed);
    manifest["replicates"] = optional_number(options.replicates);
    manifest["units"] = run.units.size();
    manifest["started_utc"] = started_utc;
    manifest["wall_time_seconds"] = seconds;
    manifest["command_line"] = options.command_line;
    manifest["inputs"] = inputs_of(*loaded);
    std::ofstream(folder->path() / "manifest.json") << manifest.dump(2) << "\n";
    folder->commit();
    size_t simulations = 0;  // units that share another's simulation are not counted
    for (const size_t u : run.units) simulations += run.plan.units[u].same_as < 0 ? 1 : 0;
    fmt::print(fmt::runtime(output::texts(language).wrote_part), options.out, number->part,
               number->parts, simulations, run.plan.replicates,
               output::decimal(seconds, 1, language));
    return kExitSuccess;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the part failed: {}\nnothing was written to {}\n", e.what(),
               options.out);
    return kExitRunFailed;
  }
}

int merge_command(const MergeOptions& options) {
  // The parts: one of each number 1..n, of one scenario, seed and replicate count.
  std::vector<Part> parts;
  std::vector<std::string> problems;
  for (const auto& folder : options.parts) {
    std::ifstream in(fs::path(folder) / "manifest.json");
    json manifest = in ? json::parse(in, nullptr, false) : json();
    if (!in || manifest.is_discarded() || !manifest.contains("part") ||
        !manifest.contains("parts")) {
      problems.push_back(folder +
                         ": expected the folder of a part (run --part i/n), with its "
                         "manifest.json");
      continue;
    }
    parts.push_back(
        {folder, manifest, {manifest["part"].get<int>(), manifest["parts"].get<int>()}});
  }
  if (parts.empty() && problems.empty()) problems.push_back("expected the parts' folders");
  if (!parts.empty()) {
    const Part& first = parts.front();
    std::set<int> numbers;
    for (const Part& p : parts) {
      for (const char* key : {"parts", "seed", "replicates", "inputs"})
        if (p.manifest[key] != first.manifest[key])
          problems.push_back(
              fmt::format("{}: its {} differ from {}'s: the parts must be of one "
                          "run (one scenario, seed and replicate count)",
                          p.folder.string(), key, first.folder.string()));
      if (!numbers.insert(p.number.part).second)
        problems.push_back(fmt::format("{}: part {} of {} is given twice", p.folder.string(),
                                       p.number.part, p.number.parts));
    }
    for (int i = 1; i <= first.number.parts; ++i)
      if (!numbers.contains(i))
        problems.push_back(fmt::format("part {} of {} is missing", i, first.number.parts));
  }
  if (!problems.empty()) {
    for (const auto& p : problems) fmt::print(stderr, "error: {}\n", p);
    fmt::print(stderr, "nothing was simulated or written\n");
    return kExitInvalidInput;
  }
  const json& manifest = parts.front().manifest;
  const std::string scenario =
      options.scenario.value_or(manifest["scenario_folder"].get<std::string>());
  auto loaded = load_or_report(scenario);
  if (!loaded) return kExitInvalidInput;
  if (inputs_of(*loaded) != manifest["inputs"]) {
    fmt::print(stderr,
               "error: {}: its files differ from those the parts ran (SHA-256 in each part's "
               "manifest.json): merge the parts with the scenario they ran\n"
               "nothing was simulated or written\n",
               scenario);
    return kExitInvalidInput;
  }
  RunOptions run = options.run;
  run.scenario = scenario;
  if (!manifest["seed"].is_null()) run.seed = manifest["seed"].get<uint32_t>();
  if (!manifest["replicates"].is_null()) run.replicates = manifest["replicates"].get<int>();

  // Every unit's tallies, from the part that simulated it.
  model::RunResults all;
  try {
    for (const Part& p : parts) {
      const std::vector<uint64_t> words = read_words(p.folder / "tallies.bin");
      if (words.size() < 4 || words[0] != kPartMagic || words[1] != kPartVersion)
        throw std::runtime_error((p.folder / "tallies.bin").string() +
                                 ": not the tallies of a part of this engine version");
      if (all.tallies.empty()) all.tallies.resize(words[2]);
      if (words[2] != all.tallies.size())
        throw std::runtime_error((p.folder / "tallies.bin").string() +
                                 ": another plan than the other parts'");
      const uint64_t* at = words.data() + 4;
      const uint64_t* end = words.data() + words.size();
      for (uint64_t k = 0; k < words[3]; ++k) {
        if (at >= end || *at >= all.tallies.size())
          throw std::runtime_error((p.folder / "tallies.bin").string() + ": truncated");
        const uint64_t u = *at++;
        all.tallies[u] = model::load_years(at);
      }
    }
    for (size_t u = 0; u < all.tallies.size(); ++u)
      if (all.tallies[u].empty())
        throw std::runtime_error(fmt::format("no part holds simulation {} of the plan", u));
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\nnothing was simulated or written\n", e.what());
    return kExitInvalidInput;
  }

  const auto assets = checked_report_assets();
  if (!assets) return kExitRunFailed;
  if (const auto problem = output::destination_problem(run.out, scenario)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  const int threads = effective_threads(run.threads);
  std::optional<output::StagedFolder> folder;
  if (const auto code = agreed_start(refused(*loaded, run, threads, run.out), run.out, folder))
    return *code;
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  try {
    std::string files;
    const double seconds =
        appraise_into(*loaded, run, threads, *assets, folder ? folder->path() : "", files, &all);
    if (!folder) return kExitSuccess;
    folder->commit();
    const output::Language language = *output::language_named(run.language);
    fmt::print(fmt::runtime(output::texts(language).wrote), run.out, files,
               output::decimal(seconds, 1, language));
    return kExitSuccess;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: the merge failed: {}\nnothing was written to {}\n", e.what(),
               run.out);
    return kExitRunFailed;
  }
}

}  // namespace kommunesim::runner
