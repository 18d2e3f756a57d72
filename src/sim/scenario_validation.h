// Range checks of a Scenario, shared by the JSON parser and RunSimulation
// (a scenario may also be built in code).
//
// Pure function.
#ifndef DIALER_SIM_SCENARIO_VALIDATION_H_
#define DIALER_SIM_SCENARIO_VALIDATION_H_

#include "absl/status/status.h"
#include "dialer/simulator.h"

namespace dialer::sim {

// InvalidArgument "<json path>: expected <range>, got <value>" for the first
// value out of range; OK otherwise. Time zone names are checked against the
// tz database.
absl::Status ValidateScenario(const Scenario& scenario);

// Probability of a live answer at `local_hour` (fractional hour of the
// center's local day): `human_by_hour` interpolated linearly, clamped to its
// first and last points, or `human` when it is empty.
double HumanProbabilityAt(const Scenario::Outcomes& outcomes,
                          double local_hour);

// `machine` scaled so it keeps its share of the non-human remainder.
double MachineProbabilityFor(const Scenario::Outcomes& outcomes,
                             double human_probability);

}  // namespace dialer::sim

#endif  // DIALER_SIM_SCENARIO_VALIDATION_H_
