// The budget form as an .xlsx template (libxlsxwriter): the form sheet with its yellow input
// cells and drop-down lists, and the list sheet of the scenario's choices.
#pragma once

#include <filesystem>

#include "forms/proposal_form.hpp"
#include "model/engine/scenario.hpp"

namespace kommunesim::forms {

// Writes the form for `scenario` to `file`: empty, or filled with `prefill` (a proposal to
// revise, draft_of_proposal). Throws std::runtime_error naming the file when it cannot be
// written.
void write_proposal_template(const model::Scenario& scenario, FormLanguage language,
                             const std::filesystem::path& file,
                             const scenarios::ProposalDraft* prefill = nullptr);

}  // namespace kommunesim::forms
