// `dialer sim`: runs a simulation scenario (docs/simulator.md).
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "command.h"
#include "dialer/simulator.h"

namespace {

constexpr char kUsage[] =
    "usage: dialer sim --scenario FILE [--pacer P] [--seed N] [--json] "
    "[--events FILE]\n"
    "\n"
    "Runs the scenario (JSON, docs/scenario.md) on a simulated clock against\n"
    "a simulated network and simulated agents, and reports what happened.\n"
    "\n"
    "  --scenario FILE  the scenario to run\n"
    "  --pacer P        power|parallel|predictive|baseline-ratio|"
    "baseline-adaptive\n"
    "                   (default: the scenario's campaign.mode)\n"
    "  --seed N         override the scenario's seed\n"
    "  --json           print only the report as one JSON object\n"
    "  --events FILE    write the event log (one JSON object per line)\n"
    "\n"
    "Exit status: 0 done, 1 the run failed, 2 bad arguments or scenario.\n";

int Usage(std::string_view problem) {
  std::fprintf(stderr, "dialer sim: %.*s\n\n%s",
               static_cast<int>(problem.size()), problem.data(), kUsage);
  return 2;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

int RunSimCommand(int argc, char** argv) {
  std::string scenario_path, events_path;
  dialer::SimOptions options;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string text;
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--scenario") {
      if (!value(&scenario_path)) return Usage("--scenario needs a FILE");
    } else if (arg == "--events") {
      if (!value(&events_path)) return Usage("--events needs a FILE");
    } else if (arg == "--pacer") {
      if (!value(&options.pacer)) return Usage("--pacer needs a name");
    } else if (arg == "--seed") {
      if (!value(&text)) return Usage("--seed needs a number");
      uint64_t seed = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seed);
      if (ec != std::errc() || end != text.data() + text.size()) {
        return Usage("--seed: expected an integer in [0, 2^64), got \"" +
                     text + "\"");
      }
      options.seed = seed;
    } else {
      return Usage("unknown argument \"" + std::string(arg) + "\"");
    }
  }
  if (scenario_path.empty()) return Usage("--scenario FILE is required");

  std::string text;
  if (!ReadFile(scenario_path, &text)) {
    std::fprintf(stderr, "dialer sim: cannot read %s\n", scenario_path.c_str());
    return 2;
  }
  absl::StatusOr<dialer::Scenario> scenario = dialer::ParseScenario(text);
  // A relative contacts.csv is read next to the scenario file.
  options.scenario_dir =
      std::filesystem::path(scenario_path).parent_path().string();
  if (!scenario.ok()) {
    std::fprintf(stderr, "dialer sim: %s: %s\n", scenario_path.c_str(),
                 std::string(scenario.status().message()).c_str());
    return 2;
  }

  std::ofstream events;
  if (!events_path.empty()) {
    events.open(events_path, std::ios::binary | std::ios::trunc);
    if (!events) {
      std::fprintf(stderr, "dialer sim: cannot write %s\n", events_path.c_str());
      return 2;
    }
    options.event_log = &events;
  }

  absl::TimeZone center;
  const bool live = isatty(fileno(stderr)) != 0 &&
                    absl::LoadTimeZone(scenario->time_zone, &center);
  if (live) {
    options.progress = [center](const dialer::SimProgress& p) {
      std::fprintf(stderr,
                   "\r\033[K%s  dials %lld  connects %lld  abandoned %.2f%%",
                   absl::FormatTime("%H:%M:%S", p.now, center).c_str(),
                   static_cast<long long>(p.dials),
                   static_cast<long long>(p.connects), 100 * p.abandon_rate);
      std::fflush(stderr);
    };
  }

  absl::StatusOr<dialer::SimReport> report =
      dialer::RunSimulation(*scenario, options);
  if (live) std::fputs("\r\033[K", stderr);
  if (!report.ok()) {
    std::fprintf(stderr, "dialer sim: %s\n", report.status().ToString().c_str());
    return report.status().code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (events.is_open()) {
    events.flush();
    if (!events) {
      std::fprintf(stderr, "dialer sim: writing %s failed\n",
                   events_path.c_str());
      return 1;
    }
  }
  if (json) {
    std::cout << report->ToJson() << "\n";
  } else {
    std::cout << report->Summary();
  }
  return 0;
}

DIALER_REGISTER_COMMAND("sim", "run a simulated campaign day from a scenario",
                        RunSimCommand);
