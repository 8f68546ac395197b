// Parsing package files and resolving names during a load.
#include "scenarios/loader/load_context.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>

namespace kommunesim::scenarios {

std::vector<std::string> names_of(const NameIndex& index) {
  std::vector<std::string> names;
  for (const auto& [name, i] : index) names.push_back(name);
  return names;
}

std::optional<model::Payer> resolve_payer(TableReader& reader, std::string_view key,
                                          const std::string& name) {
  const auto it = std::find(model::kPayerNames.begin(), model::kPayerNames.end(), name);
  if (it != model::kPayerNames.end())
    return static_cast<model::Payer>(it - model::kPayerNames.begin());
  reader.error(
      key,
      "unknown payer '" + name + "'; expected municipality, state, region or citizen" +
          (key == "perspective" ? std::string(", or owning_department alone") : std::string()),
      closest_name(name, {model::kPayerNames.begin(), model::kPayerNames.end()}));
  return std::nullopt;
}

bool reads_clock(TableReader& reader) {
  const std::string duration =
      reader.string("duration", Need::kOptional).value_or("months_in_state");
  if (duration == "clock") return true;
  if (duration != "months_in_state")
    reader.error("duration",
                 "unknown duration '" + duration +
                     "'; expected months_in_state or clock (the module's [clock])",
                 closest_name(duration, {"months_in_state", "clock"}));
  return false;
}

namespace {

// Why the scenario's file `relative` may not be read, or "": it must lie inside the scenario
// folder (links resolved), be a regular file and hold at most kMaxScenarioFileBytes.
std::string unreadable(const std::filesystem::path& folder, const std::string& relative) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path inside = fs::weakly_canonical(fs::absolute(folder), error);
  const fs::path path = fs::weakly_canonical(fs::absolute(folder / relative), error);
  bool within = fs::path(relative).is_relative() && !error;
  auto p = path.begin();
  for (auto f = inside.begin(); within && f != inside.end(); ++f, ++p)
    within = p != path.end() && *p == *f;
  if (!within)
    return "expected a file inside the scenario folder " + folder.string() +
           " (a relative path, not leading out of it, and no link to elsewhere)";
  const auto status = fs::status(path, error);
  if (error || status.type() == fs::file_type::not_found)
    return "cannot read the file; expected it in the scenario folder " + folder.string();
  if (status.type() != fs::file_type::regular)
    return "expected a regular TOML file; found " +
           std::string(status.type() == fs::file_type::directory ? "a folder"
                       : status.type() == fs::file_type::fifo    ? "a named pipe"
                                                                 : "a device or special file");
  if (const auto size = fs::file_size(path, error); !error && size > kMaxScenarioFileBytes)
    return "the file holds " + std::to_string(size / 1'000'000) + " MB; expected at most " +
           std::to_string(kMaxScenarioFileBytes / 1'000'000) +
           " MB (a scenario file is text of a few kB)";
  return "";
}

}  // namespace

const toml::table* LoadContext::parse(const std::string& relative) {
  const std::filesystem::path path = folder / relative;
  if (const std::string problem = unreadable(folder, relative); !problem.empty()) {
    diagnostics.add({relative, 0, 0, {}, problem, {}});
    unread_file = true;
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    unread_file = true;
    diagnostics.add({relative,
                     0,
                     0,
                     {},
                     "cannot read the file; expected it in the scenario folder " + folder.string(),
                     {}});
    return nullptr;
  }
  std::ostringstream text;
  text << in.rdbuf();
  out.files.push_back(relative);
  try {
    documents.push_back(std::make_unique<toml::table>(toml::parse(text.str(), relative)));
    return documents.back().get();
  } catch (const toml::parse_error& e) {
    unread_file = true;
    diagnostics.add({relative,
                     static_cast<int>(e.source().begin.line),
                     static_cast<int>(e.source().begin.column),
                     {},
                     "TOML syntax error: " + std::string(e.description()),
                     {}});
    return nullptr;
  }
}

namespace {

// Names declared in a file of a list (a module, its states, a register parameter, a proposal, a
// normative set), which an unread file may have declared.
bool declared_in_listed_files(std::string_view what) {
  return what == "module" || what.starts_with("state of module") || what == "register parameter" ||
         what == "parameter" || what == "proposal" || what == "normative set";
}

}  // namespace

int LoadContext::resolve(TableReader& reader, std::string_view key, const std::string& name,
                         const NameIndex& index, std::string_view what) {
  const auto it = index.find(name);
  if (it != index.end()) return it->second;
  if (unread_file && declared_in_listed_files(what)) return -1;
  reader.error(key, "unknown " + std::string(what) + " '" + name + "'",
               closest_name(name, names_of(index)));
  return -1;
}

uint64_t LoadContext::state_mask(TableReader& reader, std::string_view key,
                                 const std::vector<std::string>& names, int module,
                                 std::string_view what) {
  uint64_t mask = 0;
  for (const auto& name : names) {
    const int s = resolve(reader, key, name, states[static_cast<size_t>(module)], what);
    if (s >= 0) mask |= uint64_t{1} << s;
  }
  return mask;
}

int LoadContext::resolve_at(const toml::node& node, const std::string& file, const std::string& key,
                            const std::string& name, const NameIndex& index,
                            std::string_view what) {
  const auto it = index.find(name);
  if (it != index.end()) return it->second;
  if (unread_file && declared_in_listed_files(what)) return -1;
  Diagnostic d = at(node, file, key, "unknown " + std::string(what) + " '" + name + "'");
  d.suggestion = closest_name(name, names_of(index));
  diagnostics.add(std::move(d));
  return -1;
}

int LoadContext::declare(TableReader& reader, std::string_view key, const std::string& name,
                         NameIndex& index, std::string_view what) {
  if (index.count(name)) {
    reader.error(key, std::string(what) + " '" + name + "' is declared twice; ids must be unique");
    return -1;
  }
  const int i = static_cast<int>(index.size());
  index[name] = i;
  return i;
}

namespace {

// Shares over a module's states that must sum to 1, each read by `read` (which reports its own
// problems and returns nullopt on one); `what` names the shares in the message about their sum.
std::optional<std::vector<double>> read_state_shares(
    LoadContext& ctx, const toml::table& table, const std::string& file, const std::string& path,
    int module, std::string_view what,
    const std::function<std::optional<double>(const toml::node&, const std::string&, int)>& read) {
  const NameIndex& states = ctx.states[static_cast<size_t>(module)];
  std::vector<double> shares(states.size(), 0.0);
  bool ok = true;
  double total = 0;
  for (const auto& [name, node] : table) {
    const std::string where = path + "." + std::string(name.str());
    const int s = ctx.resolve_at(node, file, where, std::string(name.str()), states, "state");
    const auto v = read(node, where, s);
    if (s < 0 || !v) {
      ok = false;
      continue;
    }
    shares[static_cast<size_t>(s)] = *v;
    total += *v;
  }
  if (ok && std::abs(total - 1.0) > 1e-6) {
    ctx.diagnostics.add(
        at(table, file, path,
           std::string(what) + " sum to " + number_text(total) + "; expected them to sum to 1"));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return shares;
}

}  // namespace

std::optional<std::vector<double>> read_shares_table(LoadContext& ctx, const toml::table& table,
                                                     const std::string& file,
                                                     const std::string& path, int module) {
  return read_state_shares(
      ctx, table, file, path, module, "shares",
      [&](const toml::node& node, const std::string& where, int) -> std::optional<double> {
        const auto v = node.value<double>();
        if (!v || node.is_boolean() || !(*v >= 0 && *v <= 1)) {  // NaN fails too
          ctx.diagnostics.add(at(node, file, where, "expected a share in [0, 1]"));
          return std::nullopt;
        }
        return v;
      });
}

std::optional<std::vector<double>> read_share_parameters(LoadContext& ctx, TableReader& reader,
                                                         std::string_view key, int module,
                                                         int rule) {
  const toml::table* table = reader.table(key, Need::kRequired);
  if (!table || module < 0) return std::nullopt;
  return read_state_shares(
      ctx, *table, reader.file(), reader.path(key), module, "the register's values of these shares",
      [&](const toml::node& node, const std::string& where, int state) {
        return ctx.parameter(
            node, reader.file(), where, "a share of the entry rule",
            {model::ParameterUse::Kind::kEntryShare, 0, module, rule, std::max(state, 0)}, 0, 1);
      });
}

std::optional<double> LoadContext::parameter(const toml::node& node, const std::string& file,
                                             const std::string& key, std::string_view what,
                                             model::ParameterUse use, double min, double max) {
  const auto id = node.value<std::string>();
  if (!id) {
    diagnostics.add(at(node, file, key,
                       "expected the id of a register parameter (a string) for " +
                           std::string(what) + ", found " + type_name(node) +
                           "; every figure from the world is declared once in the register, "
                           "with its source and range"));
    return std::nullopt;
  }
  const int k = resolve_at(node, file, key, *id, parameters, "register parameter");
  if (k < 0) return std::nullopt;
  const model::Parameter& p = out.scenario.parameters[static_cast<size_t>(k)];
  use.parameter = k;
  out.scenario.parameter_uses.push_back(use);  // named here, even if the checks below fail
  const char* category = use.is_dynamics() ? "dynamics" : "valuation";
  bool ok = true;
  if (p.category != category) {
    diagnostics.add(at(node, file, key,
                       "register parameter '" + p.id + "' has category " + p.category + ", but " +
                           std::string(what) + " is a " + category +
                           " parameter (costs are valued after simulation; rates, relative "
                           "risks, shares and effects change the simulation)"));
    ok = false;
  }
  if (p.low < min || p.high > max) {
    std::ostringstream range;
    range << "register parameter '" << p.id << "' has the range [" << p.low << ", " << p.high
          << "], but " << what << " must lie in [" << min << ", " << max << "]";
    diagnostics.add(at(node, file, key, range.str()));
    ok = false;
  }
  const bool effect = use.kind == model::ParameterUse::Kind::kEffect;
  if (!effect && p.distribution != model::EffectSize::Kind::kPoint) {
    diagnostics.add(at(node, file, key,
                       "register parameter '" + p.id +
                           "' has a distribution, which only a proposal's effect size may have"));
    ok = false;
  }
  if (!ok) return std::nullopt;
  return p.value;
}

std::optional<double> LoadContext::parameter(TableReader& reader, std::string_view key,
                                             std::string_view what, model::ParameterUse use,
                                             double min, double max) {
  const toml::node* node = reader.node(key);
  if (!node) {
    reader.error(key, "missing required key; expected the id of a register parameter for " +
                          std::string(what));
    return std::nullopt;
  }
  return parameter(*node, reader.file(), reader.path(key), what, use, min, max);
}

}  // namespace kommunesim::scenarios
