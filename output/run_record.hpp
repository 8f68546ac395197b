// Everything a writer needs to know about one completed run: the appraisal and its provenance.
#pragma once

#include <string>
#include <vector>

#include "model/appraisal/appraisal.hpp"
#include "output/language.hpp"

namespace kommunesim::output {

struct InputFile {
  std::string path;  // relative to the scenario folder
  std::string sha256;
};

struct Provenance {
  std::string scenario_folder;
  std::vector<InputFile> inputs;
  std::string engine_version;
  std::string engine_commit;
  std::string started_utc;
  std::string command_line;
  int threads = 1;
  int processes = 1;  // under mpirun: the ranks that shared the simulations
  double wall_seconds = 0;
};

struct RunRecord {
  const appraisal::Appraisal& appraisal;
  const Provenance& provenance;
  // The language of the terminal summary, the workbook, assumptions.md and the report (csv,
  // sqlite and the manifest keep ids in every language).
  Language language = Language::kDanish;
};

}  // namespace kommunesim::output
