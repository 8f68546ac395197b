// The appraisal's tables in results.sqlite: summary, ledger, flips, switching values, tornado,
// calibration, the parameter register with each set's values, and citizen flows.
#pragma once

#include "output/run_record.hpp"
#include "output/sqlite_database.hpp"

namespace kommunesim::output {

void write_decision_tables(Database& db, const RunRecord& run);

}  // namespace kommunesim::output
