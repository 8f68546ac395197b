// kommunesim proposal-template and add-proposal: the budget form for a proposal, written for a
// scenario and read back into a new copy of it (the scenario itself is never changed).
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>

#include "forms/proposal_form.hpp"
#include "forms/proposal_form_reader.hpp"
#include "forms/proposal_template_xlsx.hpp"
#include "runner/commands.hpp"
#include "runner/scenario_loading.hpp"
#include "scenarios/loader/proposal_draft.hpp"

namespace kommunesim::runner {
namespace fs = std::filesystem;

int proposal_template_command(const ProposalTemplateOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  const fs::path file = options.out;
  if (file.extension() != ".xlsx") {
    fmt::print(stderr, "error: --out {}: expected a file name ending in .xlsx\n", options.out);
    return kExitInvalidInput;
  }
  if (fs::exists(file)) {
    fmt::print(stderr,
               "error: --out {}: the file exists; choose a new name (a filled form is "
               "never overwritten)\n",
               options.out);
    return kExitInvalidInput;
  }
  std::optional<scenarios::ProposalDraft> prefill;
  if (options.from) {
    const auto& proposals = loaded->scenario.proposals;
    const auto it = std::find_if(proposals.begin(), proposals.end(),
                                 [&](const model::Proposal& p) { return p.id == *options.from; });
    if (it == proposals.end()) {
      std::string ids;
      for (const auto& p : proposals) ids += (ids.empty() ? "" : ", ") + p.id;
      fmt::print(stderr, "error: --from {}: the scenario has no such proposal; it has: {}\n",
                 *options.from, ids);
      return kExitInvalidInput;
    }
    prefill = forms::draft_of_proposal(loaded->scenario, static_cast<int>(it - proposals.begin()));
  }
  // Written beside the destination and renamed into place, so a failure leaves no partial form.
  const fs::path partial = fs::path(file).concat(".partial");
  try {
    forms::write_proposal_template(
        loaded->scenario,
        options.language == "en" ? forms::FormLanguage::kEnglish : forms::FormLanguage::kDanish,
        partial, prefill ? &*prefill : nullptr);
    fs::rename(partial, file);
  } catch (const std::exception& e) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    fmt::print(stderr, "error: {}\nnothing was written to {}\n", e.what(), options.out);
    return kExitRunFailed;
  }
  fmt::print(
      fmt::runtime(
          options.language == "en"
              ? "wrote {}: the budget form for a proposal of {}; fill it in and read it with: "
                "kommunesim add-proposal {} {} --out NEW_FOLDER\n"
              : "skrev {}: budgetformularen til et forslag i {}; udfyld den og læs den ind "
                "med: kommunesim add-proposal {} {} --out NY_MAPPE\n"),
      options.out, loaded->scenario.name, options.out, options.scenario);
  return kExitSuccess;
}

int add_proposal_command(const AddProposalOptions& options) {
  const auto loaded = load_or_report(options.scenario);
  if (!loaded) return kExitInvalidInput;
  if (const auto problem = new_scenario_folder_problem(options.out, loaded->folder)) {
    fmt::print(stderr, "error: {}\n", *problem);
    return kExitInvalidInput;
  }
  scenarios::ProposalDraft draft;
  try {
    draft = forms::read_proposal_form(options.form, loaded->scenario);
  } catch (const forms::FormError& e) {
    for (const std::string& p : e.problems) fmt::print(stderr, "{}\n", p);
    fmt::print(stderr, "{} problem{} in the form; nothing was written to {}\n", e.problems.size(),
               e.problems.size() == 1 ? "" : "s", options.out);
    return kExitInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\nnothing was written to {}\n", e.what(), options.out);
    return kExitInvalidInput;
  }
  // The new scenario must load as a hand-written one would: the loader's checks apply.
  if (const int code = write_new_scenario(options.out, options.form, "the proposal from the form",
                                          [&](const std::filesystem::path& folder) {
                                            scenarios::copy_with_proposal(*loaded, folder, draft);
                                          });
      code != kExitSuccess)
    return code;
  fmt::print(
      "{} ({}): wrote {} with the proposal as proposals/{}.toml and its figures in {}; run "
      "it with: kommunesim run {}\n",
      draft.title, draft.id, options.out, draft.id, scenarios::draft_register_file(draft).string(),
      options.out);
  return kExitSuccess;
}

}  // namespace kommunesim::runner
