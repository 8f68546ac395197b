// A filled budget form read back into a proposal draft, checked cell by cell against the
// scenario it is for.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/engine/scenario.hpp"
#include "scenarios/loader/proposal_draft.hpp"

namespace kommunesim::forms {

// Every fault of a form, one line each: "FILE: Forslag!C18 (Fast udgift pr. år (kr.)): expected
// an amount in kroner; found 'ca. 2 mio.'".
struct FormError : std::runtime_error {
  explicit FormError(std::vector<std::string> problems);
  std::vector<std::string> problems;
};

// The proposal on the form `file` (written by write_proposal_template for `scenario`, in either
// language, and filled in by hand). Throws FormError naming each faulty cell, or XlsxError when
// the file is not a readable workbook.
scenarios::ProposalDraft read_proposal_form(const std::filesystem::path& file,
                                            const model::Scenario& scenario);

}  // namespace kommunesim::forms
