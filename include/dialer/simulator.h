// The simulator: runs a whole campaign day against a simulated telephone
// network and simulated agents, on a simulated clock, and reports what
// happened from the ground truth the engine never sees.
//
// A scenario is JSON in the format of docs/scenario.md (format 1, shared
// contract); docs/simulator.md lists the defaults this implementation uses
// and how every report key is computed.
//
// Example:
//   auto scenario = dialer::ParseScenario(json_text);
//   if (!scenario.ok()) return scenario.status();
//   auto report = dialer::RunSimulation(*scenario, {});
//   if (!report.ok()) return report.status();
//   std::cout << report->ToJson() << "\n";
//
// Determinism: the same scenario, options and seed give the same report
// (except `wall_s`) and a byte-identical event log, on any platform with the
// same tz database: random numbers come from the simulator's own generator
// and transforms, never from std::*_distribution.
//
// Thread-safety: the functions are reentrant; one RunSimulation uses only
// the calling thread and may run concurrently with others. The values are
// plain data.
#ifndef DIALER_SIMULATOR_H_
#define DIALER_SIMULATOR_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "dialer/export.h"

namespace dialer {
inline namespace v1 {

// A distribution of durations in seconds ("dist" objects of the scenario).
struct DurationDistribution {
  enum class Kind : int32_t {
    kConst = 0,        // always `value`
    kExponential = 1,  // mean `mean`
    kLognormal = 2,    // mean `mean`, coefficient of variation `cv`
    kUniform = 3,      // in [min, max)
    kEmpirical = 4,    // one of `values`, each equally likely
  };
  Kind kind = Kind::kConst;
  double value = 0;
  double mean = 0;
  double cv = 0;
  double min = 0;
  double max = 0;
  std::vector<double> values;
};

// A break taken by a fraction of the agents.
struct AgentBreak {
  double at_s = 0;      // seconds after the start
  double for_s = 0;     // length of the break
  double fraction = 0;  // share of the agents taking it, in [0, 1]
};

// A parsed scenario: every key of format 1, defaults filled in. Build one with
// ParseScenario(); a hand-built one must satisfy the same ranges.
struct DIALER_EXPORT Scenario {
  int format = 1;
  std::string name = "unnamed";
  std::string description;
  uint64_t seed = 42;
  // The center's local start time, in `time_zone`.
  absl::CivilSecond start = absl::CivilSecond(2026, 3, 10, 9, 0, 0);
  std::string time_zone = "America/New_York";
  double duration_s = 28800;

  struct Agents {
    int count = 20;
    DurationDistribution wrap_s;
    std::vector<AgentBreak> breaks;
  } agents;

  struct Contacts {
    int64_t count = 100000;
    // IANA zone -> weight (> 0), in the order the scenario gives them.
    std::vector<std::pair<std::string, double>> time_zones;
    // A CSV contact list instead of generated contacts: a path, relative to
    // SimOptions::scenario_dir unless absolute. The simulator imports it
    // with Engine::ImportContacts (default ImportOptions: US region, skip
    // duplicates); `count`, `time_zones` and `dnc_fraction` are then
    // ignored. Compliance ground truth for these numbers: every candidate
    // zone (area code, state, ZIP, explicit zone); a dial outside 08:00-21:00
    // local time in ANY of them counts as a violation.
    std::string csv;
    // Extension of format 1: share of generated contacts whose numbers the
    // simulator puts on the do-not-call list before the run.
    double dnc_fraction = 0;
  } contacts;

  struct Outcomes {
    double human = 0.12;
    double machine = 0.30;
    double busy = 0.03;
    double failed = 0.02;
    // (local hour of the center, probability of a live answer), sorted by
    // hour; empty means `human` all day.
    std::vector<std::pair<double, double>> human_by_hour;
  } outcomes;

  DurationDistribution ring_to_answer_s;
  double no_answer_after_s = 25;

  struct Amd {
    DurationDistribution latency_s;
    double human_as_machine = 0.01;
    double machine_as_human = 0.06;
  } amd;

  DurationDistribution talk_s;
  DurationDistribution patience_s;
  DurationDistribution bridge_delay_s;

  struct Campaign {
    std::string mode = "power";  // power | parallel | predictive
    int lines_per_agent = 1;
    double abandon_limit = 0.03;
    bool voicemail_drop = false;
  } campaign;

  // The defaults of docs/simulator.md for the distributions.
  Scenario();
};

// Parses a scenario (JSON text, format 1). Unknown keys are errors. Returns
// InvalidArgument whose message starts with the JSON path of the offending
// value and says what was expected, e.g.
//   $.agents.wrap_s.dist: expected one of const|exponential|lognormal|uniform|empirical, got "normal"
// Syntax errors name the line and column.
[[nodiscard]] DIALER_EXPORT absl::StatusOr<Scenario> ParseScenario(
    std::string_view json);

// Where a running simulation is; passed to SimOptions::progress.
struct SimProgress {
  absl::Time now;  // simulated time
  absl::Duration elapsed;
  int64_t events = 0;  // SimulatedClock callbacks run so far
  int64_t dials = 0;
  int64_t human_answers = 0;
  int64_t connects = 0;
  int64_t abandoned = 0;
  double abandon_rate = 0;  // abandoned / human_answers so far
};

struct SimOptions {
  // "" runs the scenario's campaign.mode; otherwise power, parallel,
  // predictive, baseline-ratio or baseline-adaptive.
  std::string pacer;
  // Overrides the scenario's seed.
  std::optional<uint64_t> seed;
  // Called on the simulating thread about once per simulated minute and
  // once at the end. Must not block.
  std::function<void(const SimProgress&)> progress;
  // When set, receives one JSON object per line for every engine event,
  // provider command, provider event and simulated-agent action, each with
  // its simulated time. Not owned.
  std::ostream* event_log = nullptr;
  // The directory a relative contacts.csv path is resolved against (`dialer
  // sim` passes the scenario file's directory). Empty: the current
  // directory.
  std::string scenario_dir;
};

// The result of a run: every key of the scenario.md report table plus a few
// more (marked "extra"). Counts are over the whole run, including the
// settling of calls in flight at the end. A rate or percentile whose
// denominator is empty is 0, except the optional ones, which are then
// absent (null in JSON).
struct DIALER_EXPORT SimReport {
  std::string scenario;
  std::string pacer;
  uint64_t seed = 0;

  int agents = 0;
  double agent_hours = 0;  // logged in, breaks excluded

  int64_t dials = 0;
  int64_t human_answers = 0;
  int64_t machine_answers = 0;
  int64_t no_answers = 0;
  int64_t busy = 0;
  int64_t failed = 0;
  int64_t canceled = 0;  // extra: canceled by the engine before pick-up

  int64_t connects = 0;       // live answers connected within 2 s
  int64_t conversations = 0;  // extra: live answers that talked to an agent
  int64_t abandoned = 0;
  double abandon_rate = 0;
  int64_t amd_abandons = 0;
  double pacing_abandon_rate = 0;
  double observed_abandon_rate = 0;
  std::optional<double> max_abandon_rate_30min;

  double talk_s_per_agent_hour = 0;
  double conversations_per_agent_hour = 0;
  double dials_per_agent_hour = 0;
  double idle_s_per_agent_hour = 0;
  double occupancy = 0;
  std::optional<double> speed_to_answer_p50_s;
  std::optional<double> speed_to_answer_p95_s;

  int64_t compliance_violations = 0;
  int64_t blocked_by_compliance = 0;  // extra: the engine's gate said no
  int64_t voicemails_left = 0;        // extra: messages played after a beep
  int64_t agent_command_errors = 0;   // extra: engine refusals of agent actions

  int64_t events = 0;  // SimulatedClock callbacks executed
  double simulated_s = 0;  // extra: start to the last settled event
  double wall_s = 0;

  // One JSON object, keys in the order of the fields above, every key
  // present. Rates are rounded to 6 decimals and seconds to 3.
  std::string ToJson() const;
  // A few aligned lines for people.
  std::string Summary() const;
};

// Runs `scenario`. Errors: InvalidArgument for a bad pacer or a zone without
// US area codes (message names the scenario path), NotFound naming
// $.contacts.csv when the CSV file cannot be opened, Unimplemented for a
// pacer the engine does not offer yet, and whatever the engine returns when
// it refuses the campaign or the contacts (an unreadable CSV list is
// InvalidArgument from ImportContacts, prefixed with $.contacts.csv).
[[nodiscard]] DIALER_EXPORT absl::StatusOr<SimReport> RunSimulation(
    const Scenario& scenario, const SimOptions& options);

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_SIMULATOR_H_
