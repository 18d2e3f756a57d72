// `dialer limit`: the physical limit of pacing for a scenario - the exact
// optimum occupancy of its Markov approximation under the abandon cap
// (src/pacing/limit/, docs/pacing.md "The physical limit").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "boost/json.hpp"
#include "command.h"
#include "dialer/simulator.h"
#include "limit_figures.h"
#include "pacing/limit/markov_limit.h"
#include "pacing/limit/scenario_model.h"

namespace {

namespace pacing = ::dialer::pacing;

constexpr int kMaxAgents = dialer::tools::kLimitMaxAgents;

constexpr char kUsage[] =
    "usage: dialer limit --scenario FILE.json [--json]\n"
    "\n"
    "Prints the physical limit of pacing for the scenario: the optimum\n"
    "occupancy of its Markov approximation (exponential talk+wrap, ring and\n"
    "patience) at the abandon budget left after the detector's false\n"
    "positives, solved exactly (docs/pacing.md). Up to 50 agents.\n"
    "\n"
    "  --scenario FILE  scenario in the format of docs/scenario.md\n"
    "  --json           print one JSON object\n"
    "\n"
    "Exit status: 0 printed, 1 the scenario could not be read or solved,\n"
    "2 bad arguments.\n";

int Usage(std::string_view problem) {
  std::fprintf(stderr, "dialer limit: %.*s\n\n%s",
               static_cast<int>(problem.size()), problem.data(), kUsage);
  return 2;
}

int Fail(std::string_view problem) {
  std::fprintf(stderr, "dialer limit: %.*s\n", static_cast<int>(problem.size()),
               problem.data());
  return 1;
}

std::string ReadFile(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int RunLimitCommand(int argc, char** argv) {
  std::string scenario_path;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--scenario" && i + 1 < argc) {
      scenario_path = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else {
      return Usage("unknown or incomplete argument '" + std::string(arg) + "'");
    }
  }
  if (scenario_path.empty()) return Usage("--scenario is required");

  bool read = false;
  const std::string text = ReadFile(scenario_path, read);
  if (!read) return Fail("cannot read " + scenario_path);
  auto scenario = dialer::ParseScenario(text);
  if (!scenario.ok()) {
    return Fail(scenario_path + ": " + std::string(scenario.status().message()));
  }
  if (scenario->agents.count > kMaxAgents) {
    return Fail(scenario_path + ": " + std::to_string(scenario->agents.count) +
                " agents; the limit is computed for up to 50");
  }

  const pacing::ScenarioFigures figures =
      dialer::tools::LimitFigures(*scenario);
  const pacing::MarkovModel model = pacing::ToMarkovModel(figures);
  // Wall time of the solve, for people; not part of any result.
  const auto started = std::chrono::steady_clock::now();
  auto limit = pacing::SolveMarkovLimit(model);
  if (!limit.ok()) {
    return Fail(scenario_path + ": " + std::string(limit.status().message()));
  }
  const double solve_s = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - started)
                             .count();
  auto progressive = pacing::EvaluateProgressive(model);
  if (!progressive.ok()) {
    return Fail(scenario_path + ": " +
                std::string(progressive.status().message()));
  }
  const double occupancy = limit->optimum.occupancy;
  const double talk = pacing::TalkSecondsPerAgentHour(figures, occupancy);
  const double power_talk =
      pacing::TalkSecondsPerAgentHour(figures, progressive->occupancy);

  if (json) {
    boost::json::object out;
    out["scenario"] = scenario->name;
    out["agents"] = model.agents;
    out["occupancy"] = occupancy;
    out["talk_s_per_agent_hour"] = talk;
    out["dials_per_agent_hour"] = limit->optimum.dials_per_agent_hour;
    out["pacing_abandon_rate"] = limit->optimum.abandon_rate;
    out["power_occupancy"] = progressive->occupancy;
    out["power_talk_s_per_agent_hour"] = power_talk;
    boost::json::object m;
    m["live_probability"] = model.live_probability;
    m["service_mean_s"] = model.service_mean_s;
    m["ring_mean_s"] = model.ring_mean_s;
    m["grace_mean_s"] = model.grace_mean_s;
    m["abandon_cap"] = model.abandon_cap;
    out["model"] = std::move(m);
    out["kappa"] = limit->kappa;
    out["states"] = limit->states;
    out["policy_iterations"] = limit->policy_iterations;
    out["ringing_cap_reached"] = limit->ringing_cap_reached;
    out["solve_s"] = solve_s;
    std::printf("%s\n", boost::json::serialize(out).c_str());
    return 0;
  }
  std::printf(
      "scenario            %s (%d agents)\n"
      "model               p %.4f  h %.1f s  m %.2f s  g %.2f s  cap %.2f%%\n"
      "optimum occupancy   %.1f%%  (%.0f talk-s per agent-hour, %.0f dials per "
      "agent-hour)\n"
      "power dialing       %.1f%%  (%.0f talk-s per agent-hour)\n"
      "solved              %d states, %d policy iterations, %.2f s%s\n",
      scenario->name.c_str(), model.agents, model.live_probability,
      model.service_mean_s, model.ring_mean_s, model.grace_mean_s,
      100 * model.abandon_cap, 100 * occupancy, talk,
      limit->optimum.dials_per_agent_hour, 100 * progressive->occupancy,
      power_talk, limit->states, limit->policy_iterations, solve_s,
      limit->ringing_cap_reached ? " (ringing cap reached: a lower bound)"
                                 : "");
  return 0;
}

}  // namespace

DIALER_REGISTER_COMMAND("limit",
                        "the physical limit of pacing for a scenario (exact "
                        "Markov optimum)",
                        RunLimitCommand);
