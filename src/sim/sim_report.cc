// SimReport::ToJson and Summary.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/absl_view.h"
#include "dialer/simulator.h"

namespace dialer {
inline namespace v1 {
namespace {

// Fixed notation with at most `decimals` decimals, trailing zeros dropped:
// stable across platforms and easy to read ("0.027", "1502.648", "12").
std::string Number(double x, int decimals) {
  if (!std::isfinite(x)) return "null";
  std::string s = absl::StrFormat("%.*f", decimals, x);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string Number(const std::optional<double>& x, int decimals) {
  return x ? Number(*x, decimals) : "null";
}

std::string Quote(const std::string& text) {
  return boost::json::serialize(boost::json::string(text));
}

std::string Percent(double x) { return absl::StrFormat("%.2f%%", 100 * x); }

std::string OptionalSeconds(const std::optional<double>& x) {
  return x ? absl::StrFormat("%.2f s", *x) : std::string("n/a");
}

}  // namespace

std::string SimReport::ToJson() const {
  constexpr int kRate = 6;     // decimals of rates and ratios
  constexpr int kSeconds = 3;  // decimals of seconds
  std::string out = "{";
  auto key = [&out](std::string_view name) {
    if (out.size() > 1) out += ',';
    absl::StrAppend(&out, "\"", AbslView(name), "\":");
  };
  auto integer = [&](std::string_view name, int64_t v) {
    key(name);
    absl::StrAppend(&out, v);
  };
  auto real = [&](std::string_view name, auto v, int decimals) {
    key(name);
    out += Number(v, decimals);
  };
  key("scenario");
  out += Quote(scenario);
  key("pacer");
  out += Quote(pacer);
  key("seed");
  absl::StrAppend(&out, seed);
  integer("agents", agents);
  real("agent_hours", agent_hours, kRate);
  integer("dials", dials);
  integer("human_answers", human_answers);
  integer("machine_answers", machine_answers);
  integer("no_answers", no_answers);
  integer("busy", busy);
  integer("failed", failed);
  integer("canceled", canceled);
  integer("connects", connects);
  integer("conversations", conversations);
  integer("abandoned", abandoned);
  real("abandon_rate", abandon_rate, kRate);
  integer("amd_abandons", amd_abandons);
  real("pacing_abandon_rate", pacing_abandon_rate, kRate);
  real("observed_abandon_rate", observed_abandon_rate, kRate);
  real("max_abandon_rate_30min", max_abandon_rate_30min, kRate);
  real("talk_s_per_agent_hour", talk_s_per_agent_hour, kSeconds);
  real("conversations_per_agent_hour", conversations_per_agent_hour, kRate);
  real("dials_per_agent_hour", dials_per_agent_hour, kRate);
  real("idle_s_per_agent_hour", idle_s_per_agent_hour, kSeconds);
  real("occupancy", occupancy, kRate);
  real("speed_to_answer_p50_s", speed_to_answer_p50_s, kSeconds);
  real("speed_to_answer_p95_s", speed_to_answer_p95_s, kSeconds);
  integer("compliance_violations", compliance_violations);
  integer("blocked_by_compliance", blocked_by_compliance);
  integer("voicemails_left", voicemails_left);
  integer("agent_command_errors", agent_command_errors);
  integer("events", events);
  real("simulated_s", simulated_s, kSeconds);
  real("wall_s", wall_s, kSeconds);
  out += '}';
  return out;
}

std::string SimReport::Summary() const {
  std::string s;
  auto line = [&s](std::string_view label, const std::string& text) {
    absl::StrAppend(&s, absl::StrFormat("%-17s", label), text, "\n");
  };
  line("scenario", absl::StrCat(scenario, " (pacer ", pacer, ", seed ", seed,
                                ")"));
  line("agents", absl::StrFormat("%d, %.1f agent-hours logged in", agents,
                                 agent_hours));
  line("dials", absl::StrFormat("%d (%.1f per agent-hour)", dials,
                                dials_per_agent_hour));
  line("outcomes",
       absl::StrFormat("human %d, machine %d, no answer %d, busy %d, "
                       "failed %d, canceled %d",
                       human_answers, machine_answers, no_answers, busy,
                       failed, canceled));
  line("connects",
       absl::StrFormat("%d of %d live answers; %d conversations "
                       "(%.2f per agent-hour)",
                       connects, human_answers, conversations,
                       conversations_per_agent_hour));
  line("abandoned",
       absl::StrCat(abandoned, " (", Percent(abandon_rate), "): detector ",
                    amd_abandons, ", pacing ", Percent(pacing_abandon_rate),
                    "; engine measured ", Percent(observed_abandon_rate),
                    "; worst 30 min ",
                    max_abandon_rate_30min ? Percent(*max_abandon_rate_30min)
                                           : std::string("n/a")));
  line("agent time",
       absl::StrFormat("talk %.0f s and idle %.0f s per agent-hour; "
                       "occupancy %.1f%%",
                       talk_s_per_agent_hour, idle_s_per_agent_hour,
                       100 * occupancy));
  line("speed to answer", absl::StrCat("p50 ", OptionalSeconds(speed_to_answer_p50_s),
                                       ", p95 ", OptionalSeconds(speed_to_answer_p95_s)));
  line("voicemails", absl::StrCat(voicemails_left, " left after the beep"));
  line("compliance",
       absl::StrCat(compliance_violations, " violations (the engine's gate "
                                           "blocked ",
                    blocked_by_compliance, " dials)"));
  line("run", absl::StrFormat("%d events, %.0f simulated s, %.3f s wall%s",
                              events, simulated_s, wall_s,
                              agent_command_errors > 0
                                  ? absl::StrCat("; ", agent_command_errors,
                                                 " agent actions refused")
                                  : std::string()));
  return s;
}

}  // namespace v1
}  // namespace dialer
