// Computes a SimReport from the ground truth of a finished run (the
// provider's CallTruth records, the contact book, the agents' state times)
// plus the engine's own counters for observed_abandon_rate.
// docs/simulator.md explains every key.
//
// Pure functions.
#ifndef DIALER_SIM_REPORT_BUILDER_H_
#define DIALER_SIM_REPORT_BUILDER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "dialer/engine.h"
#include "dialer/simulator.h"
#include "sim/contact_book.h"
#include "sim/simulated_provider.h"

namespace dialer::sim {

// The FCC's limit between the greeting's end and the agent's hello.
inline constexpr absl::Duration kConnectLimit = absl::Seconds(2);

struct RunFacts {
  std::string scenario;
  std::string pacer;
  uint64_t seed = 0;
  int agents = 0;
  absl::Duration logged_in;  // all agents, breaks excluded
  absl::Duration wrap;       // all agents, in wrap-up
  CampaignStats engine;
  int64_t agent_command_errors = 0;
  int64_t events = 0;
  absl::Duration simulated;
  double wall_s = 0;
};

SimReport BuildReport(const RunFacts& facts, const SimulatedProvider& provider,
                      const ContactBook& contacts);

// True if a dial placed at `at` to contacts.contacts()[contact] breaks the
// ground truth: a number the simulator never listed, one on its DNC share,
// or a time outside 08:00-21:00 local in ANY of the number's zones (an
// imported number has every candidate zone; none at all is a violation).
bool IsComplianceViolation(const ContactBook& contacts, int64_t contact,
                           absl::Time at);

// Worst abandoned/answers over any half-open window [s, s + window) holding
// at least `min_answers` answers; nullopt when no window does. `answers` are
// (time of the live answer, abandoned), in any order.
std::optional<double> MaxWindowRate(
    std::vector<std::pair<absl::Time, bool>> answers, absl::Duration window,
    int min_answers);

// Nearest-rank percentile (p in (0, 1]); nullopt for no values.
std::optional<double> Percentile(std::vector<double> values, double p);

}  // namespace dialer::sim

#endif  // DIALER_SIM_REPORT_BUILDER_H_
