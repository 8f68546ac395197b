// Disclosure control (diskretionering) of a scenario built on real data: a count of persons,
// households or events below the threshold is not shown in any output, nor any figure it could
// be derived from. Municipalities and Danmarks Statistik hide cells of 1-4 persons; a model
// calibrated to a municipality's own small counts reproduces them, so its outputs need the same.
//
// The rule, applied to the appraisal's tables before anything is written (a suppressed figure
// becomes NaN, which every writer shows as a suppressed cell):
//   - cross-silo picture: a combination of centres with 0 < persons (households) < threshold is
//     suppressed with its spending; then, within each arm, year and counting (persons or
//     households), among the combinations known to at most one centre and among those known to two
//     or more, the next smallest are suppressed until what is hidden adds up to the threshold, so
//     that no small count follows from a total and the cells shown;
//   - calibration: a count target (persons, population, flow) below the threshold, or the
//     baseline's figure for it, with its deviation;
//   - capacity use: admissions, and participant-months of fewer than threshold full-year places;
//   - citizen flows: transitions over the horizon;
//   - summary: participants, and the net value per participant;
//   - results.sqlite's tables per replicate and by age (counts of a synthetic population's
//     single draw, or fine cross-tables) are written empty; their means are in the tables above.
// Money by department, payer and budget type, net values and the effects on outcome measures (the
// difference a proposal makes) are model results over whole departments and are shown.
#pragma once

#include <string>
#include <vector>

#include "model/appraisal/appraisal.hpp"

namespace kommunesim::appraisal {

// Whether a count may be shown under `threshold`: zero, or at least the threshold.
bool shown_count(double count, int threshold);

// Suppresses the appraisal's small counts (see above) and records in `appraisal.disclosure` how
// many cells each table lost. Does nothing unless the scenario says it is built on real data.
void control_disclosure(Appraisal& appraisal);

}  // namespace kommunesim::appraisal
