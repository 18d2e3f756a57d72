// `dialer limit`: the physical limit of pacing for a scenario - the exact
// optimum occupancy of its Markov approximation under the abandon cap
// (src/pacing/limit/, docs/pacing.md "The physical limit").
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "boost/json.hpp"
#include "command.h"
#include "dialer/simulator.h"
#include "scenario_limits.h"

namespace {

namespace pacing = ::dialer::pacing;

constexpr int kMaxAgents = dialer::tools::kLimitMaxAgents;

constexpr char kUsage[] =
    "usage: dialer limit --scenario FILE.json [--json]\n"
    "\n"
    "Prints the physical limit of pacing for the scenario: the optimum\n"
    "occupancy of its Markov approximation (exponential talk+wrap, ring,\n"
    "screening and patience) under the abandon limit, solved exactly\n"
    "(docs/pacing.md). The campaign's limit follows its flow: connect on\n"
    "pick-up (the engine's default: agents screen machines) or verdict\n"
    "first; both are printed. The limit is the day's with the scenario's\n"
    "staffing (the agents its breaks leave at work, stretch by stretch,\n"
    "under one cap on the day's abandon rate); the stationary figure (every\n"
    "agent all day) is printed beside it. Up to 50 agents.\n"
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

  auto limits = dialer::tools::SolveScenarioLimits(*scenario);
  if (!limits.ok()) {
    return Fail(scenario_path + ": " + std::string(limits.status().message()));
  }
  const dialer::tools::FlowLimit& limit = limits->campaign();
  const pacing::ScenarioFigures& figures = limits->figures;
  const pacing::ScreeningModel& cop = limits->screening_model;
  const pacing::MarkovModel& vf = limits->verdict_model;
  const double power_talk =
      pacing::TalkSecondsPerAgentHour(figures, limits->power.occupancy);

  if (json) {
    auto truncation = [](boost::json::object& o, const pacing::LimitResult& r) {
      o["ringing_cap_reached"] = r.ringing_cap_reached;
      o["waiting_cap_reached"] = r.waiting_cap_reached;
      o["screening_cap_reached"] = r.screening_cap_reached;
    };
    // The figures of one model (the campaign flow's at the top level, each
    // model's under its own key).
    auto flow = [&](const dialer::tools::FlowLimit& f) {
      boost::json::object o;
      o["occupancy"] = f.occupancy;
      o["talk_s_per_agent_hour"] = f.talk_s_per_agent_hour;
      o["dials_per_agent_hour"] = f.result.optimum.dials_per_agent_hour;
      o["pacing_abandon_rate"] = f.result.optimum.abandon_rate;
      o["kappa"] = f.result.kappa;
      o["states"] = f.result.states;
      o["policy_iterations"] = f.result.policy_iterations;
      truncation(o, f.result);
      o["solve_s"] = f.solve_s;
      return o;
    };
    // What each group of the staffing contributes at the day's optimum.
    auto segments = [&](bool screening) {
      boost::json::array a;
      for (const dialer::tools::StaffedLimit& g : limits->segments) {
        const pacing::SegmentLimit& l =
            screening ? g.screening : g.verdict_first;
        boost::json::object o;
        o["agents"] = g.figures.agents;
        o["duration_s"] = g.duration_s;
        o["occupancy"] =
            screening ? g.screening_occupancy : l.optimum.occupancy;
        o["pacing_abandon_rate"] = l.optimum.abandon_rate;
        o["dials_per_agent_hour"] = l.optimum.dials_per_agent_hour;
        o["states"] = l.states;
        if (screening) {
          o["live_call_share"] = l.optimum.occupancy;
          o["screening_share"] = l.optimum.screening;
          o["live_probability"] = g.screening_model.live_probability;
          o["machine_probability"] = g.screening_model.machine_probability;
        } else {
          o["live_probability"] = g.verdict_model.live_probability;
        }
        a.push_back(std::move(o));
      }
      return a;
    };
    boost::json::object out = flow(limit);
    out["scenario"] = scenario->name;
    out["agents"] = cop.agents;
    // The campaign's limit: the model of the flow its config follows.
    out["flow"] = limits->connect_on_pickup ? "connect_on_pickup"
                                            : "verdict_first";
    out["power_occupancy"] = limits->power.occupancy;
    out["power_talk_s_per_agent_hour"] = power_talk;
    // Every agent all day (the same as the above without breaks).
    const dialer::tools::FlowLimit& stationary = limits->stationary_campaign();
    out["stationary_occupancy"] = stationary.occupancy;
    out["stationary_talk_s_per_agent_hour"] = stationary.talk_s_per_agent_hour;
    out["stationary_power_occupancy"] = limits->stationary_power.occupancy;
    out["seed"] = scenario->seed;
    boost::json::array staffing;
    for (const dialer::sim::StaffingSegment& seg : limits->staffing) {
      boost::json::object o;
      o["start_s"] = seg.start_s;
      o["length_s"] = seg.length_s;
      o["agents"] = seg.agents;
      staffing.push_back(std::move(o));
    }
    out["staffing"] = std::move(staffing);

    boost::json::object c = flow(limits->screening);
    c["live_call_share"] = limits->screening.result.optimum.occupancy;
    c["screening_share"] = limits->screening.result.optimum.screening;
    c["upper_bound_live_call_share"] = limits->screening.result.upper_bound;
    boost::json::object cm;
    cm["live_probability"] = cop.live_probability;
    cm["machine_probability"] = cop.machine_probability;
    cm["service_mean_s"] = cop.service_mean_s;
    cm["ring_mean_s"] = cop.ring_mean_s;
    cm["screen_mean_s"] = cop.screen_mean_s;
    cm["grace_mean_s"] = cop.grace_mean_s;
    cm["false_positive"] = cop.false_positive;
    cm["count_false_positives"] = cop.count_false_positives;
    cm["abandon_cap"] = cop.abandon_cap;
    c["model"] = std::move(cm);
    c["segments"] = segments(true);
    boost::json::object cs = flow(limits->stationary_screening);
    cs["live_call_share"] =
        limits->stationary_screening.result.optimum.occupancy;
    cs["screening_share"] =
        limits->stationary_screening.result.optimum.screening;
    cs["upper_bound_live_call_share"] =
        limits->stationary_screening.result.upper_bound;
    c["stationary"] = std::move(cs);
    out["connect_on_pickup"] = std::move(c);

    boost::json::object v = flow(limits->verdict_first);
    boost::json::object vm;
    vm["live_probability"] = vf.live_probability;
    vm["service_mean_s"] = vf.service_mean_s;
    vm["ring_mean_s"] = vf.ring_mean_s;
    vm["grace_mean_s"] = vf.grace_mean_s;
    vm["abandon_cap"] = vf.abandon_cap;
    v["model"] = std::move(vm);
    v["segments"] = segments(false);
    v["stationary"] = flow(limits->stationary_verdict_first);
    out["verdict_first"] = std::move(v);
    std::printf("%s\n", boost::json::serialize(out).c_str());
    return 0;
  }
  auto flags = [](const pacing::LimitResult& r) {
    std::string f;
    if (r.ringing_cap_reached) f += " ringing";
    if (r.waiting_cap_reached) f += " waiting";
    if (r.screening_cap_reached) f += " screening";
    return f.empty() ? std::string()
                     : " (truncation reached:" + f + "; a lower bound)";
  };
  const auto& sc = limits->screening;
  const auto& vd = limits->verdict_first;
  const bool staffed = limits->staffed();
  const char* with = staffed ? " with the staffing" : "";
  std::printf("scenario            %s (%d agents), flow: %s\n",
              scenario->name.c_str(), cop.agents,
              limits->connect_on_pickup ? "connect-on-pick-up"
                                        : "verdict-first");
  if (staffed) {
    // The agents at work over the day (the breaks), by group.
    double agent_time = 0;
    for (const dialer::tools::StaffedLimit& g : limits->segments) {
      agent_time += g.duration_s * g.figures.agents;
    }
    const double day = scenario->duration_s * cop.agents;
    std::printf("staffing            %zu stretches (seed %llu), %.1f%% of the "
                "agent-time on break; at work:",
                limits->staffing.size(),
                static_cast<unsigned long long>(scenario->seed),
                100 * (1 - agent_time / day));
    for (const dialer::tools::StaffedLimit& g : limits->segments) {
      std::printf(" %d agents %.2f h (p %.4f u %.4f);", g.figures.agents,
                  g.duration_s / 3600, g.screening_model.live_probability,
                  g.screening_model.machine_probability);
    }
    std::printf("\n");
  }
  auto by_group = [&](bool screening) {
    std::string line = "  by staffing      ";
    for (const dialer::tools::StaffedLimit& g : limits->segments) {
      const pacing::SegmentLimit& l =
          screening ? g.screening : g.verdict_first;
      char part[96];
      std::snprintf(part, sizeof part, " %d agents %.1f%% (abandons %.2f%%);",
                    g.figures.agents,
                    100 * (screening ? g.screening_occupancy
                                     : l.optimum.occupancy),
                    100 * l.optimum.abandon_rate);
      line += part;
    }
    std::printf("%s\n", line.c_str());
  };
  auto stationary = [&](const dialer::tools::FlowLimit& f) {
    std::printf(
        "  all %d agents all day: %.1f%% occupancy (%.0f talk-s per "
        "agent-hour; solved in %.2f s)%s\n",
        cop.agents, 100 * f.occupancy, f.talk_s_per_agent_hour, f.solve_s,
        flags(f.result).c_str());
  };
  std::printf(
      "connect-on-pick-up  p %.4f  u %.4f  h %.1f s  m %.2f s  d %.2f s  "
      "g %.2f s  fp %.2f%%  cap %.2f%%\n"
      "  optimum           %.1f%% occupancy%s (%.0f talk-s per agent-hour), "
      "%.1f%% of the time screening machines, %.0f dials per agent-hour\n",
      cop.live_probability, cop.machine_probability, cop.service_mean_s,
      cop.ring_mean_s, cop.screen_mean_s, cop.grace_mean_s,
      100 * cop.false_positive, 100 * cop.abandon_cap, 100 * sc.occupancy,
      with, sc.talk_s_per_agent_hour, 100 * sc.result.optimum.screening,
      sc.result.optimum.dials_per_agent_hour);
  if (staffed) {
    by_group(true);
    stationary(limits->stationary_screening);
  }
  std::printf(
      "  solved            %d states, %d policy iterations, %.2f s%s\n"
      "verdict-first       p %.4f  h %.1f s  m %.2f s  g %.2f s  cap %.2f%%\n"
      "  optimum           %.1f%% occupancy%s (%.0f talk-s per agent-hour, "
      "%.0f dials per agent-hour)\n",
      sc.result.states, sc.result.policy_iterations, sc.solve_s,
      flags(sc.result).c_str(), vf.live_probability, vf.service_mean_s,
      vf.ring_mean_s, vf.grace_mean_s, 100 * vf.abandon_cap,
      100 * vd.occupancy, with, vd.talk_s_per_agent_hour,
      vd.result.optimum.dials_per_agent_hour);
  if (staffed) {
    by_group(false);
    stationary(limits->stationary_verdict_first);
  }
  std::printf(
      "  solved            %d states, %d policy iterations, %.2f s%s\n"
      "power dialing       %.1f%%  (%.0f talk-s per agent-hour; "
      "verdict-first model)\n",
      vd.result.states, vd.result.policy_iterations, vd.solve_s,
      flags(vd.result).c_str(), 100 * limits->power.occupancy, power_talk);
  return 0;
}

}  // namespace

DIALER_REGISTER_COMMAND("limit",
                        "the physical limit of pacing for a scenario (exact "
                        "Markov optimum)",
                        RunLimitCommand);
