// pacing_matrix: issue 5's benchmark. Every scenario of a directory x every
// pacer x several seeds through the product simulator and engine
// (dialer::RunSimulation), the physical limit beside every scenario of up to
// 50 agents (the code of `dialer limit`), and the targets checked on the
// numbers of this one run. Writes into --out:
//   runs.csv               one row per run (every report key used below)
//   matrix.md              the table per scenario and the target checks
//   talk_vs_abandon.svg    talk-s per agent-hour against the abandon rate
//   abandon_over_day.svg   the 30-minute abandon rate through the day
// and prints matrix.md. Run it with benchmarks/pacing/run_matrix.sh.
//
// Runs are independent and RunSimulation is reentrant, so --jobs threads
// run them side by side; nothing here times anything except the reported
// wall_s of each run (informative only).
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "benchmarks/pacing/matrix/matrix_report.h"
#include "dialer/simulator.h"
#include "tools/dialer/scenario_limits.h"

namespace {

namespace fs = std::filesystem;
using dialer::bench::Limit;
using dialer::bench::MatrixInput;
using dialer::bench::Run;

constexpr char kUsage[] =
    "usage: pacing_matrix [--scenarios DIR] [--out DIR] [--seeds 1,2,3]\n"
    "                     [--pacers a,b,...] [--only NAME,...] [--jobs N]\n"
    "\n"
    "Runs every scenario (*.json in DIR) x pacer x seed through the\n"
    "simulator and writes runs.csv, matrix.md and two SVG plots into --out.\n";

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> out;
  for (absl::string_view part :
       absl::StrSplit(absl::string_view(text.data(), text.size()), ',',
                      absl::SkipEmpty())) {
    out.emplace_back(part.data(), part.size());
  }
  return out;
}

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The scenario's limits, as `dialer limit`: the campaign flow's (connect on
// pick-up) and the verdict-first model's beside it, with the scenario's
// staffing, and the stationary figures of every agent all day.
std::optional<Limit> SolveLimit(const dialer::Scenario& s) {
  if (s.agents.count > dialer::tools::kLimitMaxAgents) return std::nullopt;
  auto limits = dialer::tools::SolveScenarioLimits(s);
  if (!limits.ok()) {
    std::fprintf(stderr, "pacing_matrix: limit of %s: %s\n", s.name.c_str(),
                 std::string(limits.status().message()).c_str());
    return std::nullopt;
  }
  const dialer::tools::FlowLimit& campaign = limits->campaign();
  Limit limit;
  limit.flow = limits->connect_on_pickup ? "connect-on-pick-up"
                                         : "verdict-first";
  limit.occupancy = campaign.occupancy;
  limit.talk_s_per_agent_hour = campaign.talk_s_per_agent_hour;
  limit.screening = limits->connect_on_pickup
                        ? campaign.result.optimum.screening
                        : 0;
  limit.power_occupancy = limits->power.occupancy;
  limit.budget = limits->connect_on_pickup
                     ? limits->screening_model.abandon_cap
                     : limits->verdict_model.abandon_cap;
  limit.truncation_reached = campaign.result.ringing_cap_reached ||
                             campaign.result.waiting_cap_reached ||
                             campaign.result.screening_cap_reached;
  limit.verdict_first_occupancy = limits->verdict_first.occupancy;
  limit.verdict_first_budget = limits->verdict_model.abandon_cap;
  limit.staffed = limits->staffed();
  limit.stationary_occupancy = limits->stationary_campaign().occupancy;
  limit.stationary_verdict_first_occupancy =
      limits->stationary_verdict_first.occupancy;
  for (const dialer::tools::StaffedLimit& g : limits->segments) {
    if (!limit.staffing.empty()) limit.staffing += ", ";
    limit.staffing += absl::StrFormat("%d agents %.2f h", g.figures.agents,
                                      g.duration_s / 3600);
  }
  return limit;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path scenario_dir = "benchmarks/pacing/scenarios";
  fs::path out_dir = "benchmarks/pacing/results";
  std::vector<uint64_t> seeds = {1, 2, 3};
  std::vector<std::string> pacers = {"power", "parallel", "predictive",
                                     "baseline-ratio", "baseline-adaptive"};
  std::vector<std::string> only;
  int jobs = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--scenarios" && has_value) {
      scenario_dir = argv[++i];
    } else if (arg == "--out" && has_value) {
      out_dir = argv[++i];
    } else if (arg == "--seeds" && has_value) {
      seeds.clear();
      for (const std::string& s : SplitList(argv[++i])) {
        uint64_t seed = 0;
        if (!absl::SimpleAtoi(s, &seed)) {
          std::fprintf(stderr, "pacing_matrix: bad seed '%s'\n%s", s.c_str(),
                       kUsage);
          return 2;
        }
        seeds.push_back(seed);
      }
    } else if (arg == "--pacers" && has_value) {
      pacers = SplitList(argv[++i]);
    } else if (arg == "--only" && has_value) {
      only = SplitList(argv[++i]);
    } else if (arg == "--jobs" && has_value) {
      if (!absl::SimpleAtoi(argv[++i], &jobs) || jobs < 1) {
        std::fprintf(stderr, "pacing_matrix: bad --jobs\n%s", kUsage);
        return 2;
      }
    } else {
      std::fprintf(stderr, "pacing_matrix: unknown or incomplete '%s'\n%s",
                   argv[i], kUsage);
      return 2;
    }
  }
  if (seeds.empty() || pacers.empty()) {
    std::fprintf(stderr, "pacing_matrix: no seeds or no pacers\n%s", kUsage);
    return 2;
  }

  // Scenarios, in file-name order.
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(scenario_dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec || files.empty()) {
    std::fprintf(stderr, "pacing_matrix: no *.json in %s\n",
                 scenario_dir.c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  MatrixInput input;
  input.pacers = pacers;
  input.seeds = seeds;
  std::vector<dialer::Scenario> scenarios;
  for (const fs::path& file : files) {
    const std::optional<std::string> text = ReadFile(file);
    if (!text) {
      std::fprintf(stderr, "pacing_matrix: cannot read %s\n", file.c_str());
      return 1;
    }
    auto scenario = dialer::ParseScenario(*text);
    if (!scenario.ok()) {
      std::fprintf(stderr, "pacing_matrix: %s: %s\n", file.c_str(),
                   std::string(scenario.status().message()).c_str());
      return 1;
    }
    if (!only.empty() &&
        std::find(only.begin(), only.end(), scenario->name) == only.end()) {
      continue;
    }
    scenarios.push_back(*std::move(scenario));
  }
  for (const dialer::Scenario& s : scenarios) {
    dialer::bench::ScenarioInfo info;
    info.name = s.name;
    info.description = s.description;
    info.agents = s.agents.count;
    info.detector_false_positive = s.amd.human_as_machine;
    info.abandon_limit = s.campaign.abandon_limit;
    info.duration_s = s.duration_s;
    info.limit = SolveLimit(s);
    input.scenarios.push_back(std::move(info));
  }

  // Every run; the biggest first so the threads finish together.
  struct Job {
    size_t scenario;
    size_t pacer;
    uint64_t seed;
  };
  std::vector<Job> work;
  for (size_t s = 0; s < scenarios.size(); ++s) {
    for (size_t p = 0; p < pacers.size(); ++p) {
      for (uint64_t seed : seeds) work.push_back({s, p, seed});
    }
  }
  auto weight = [&](const Job& j) {
    const dialer::Scenario& s = scenarios[j.scenario];
    const double w = s.agents.count * s.duration_s;
    return pacers[j.pacer] == "predictive" ? 20 * w : w;
  };
  std::stable_sort(work.begin(), work.end(), [&](const Job& a, const Job& b) {
    return weight(a) > weight(b);
  });

  input.runs.resize(work.size());
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex print;
  auto worker = [&] {
    for (size_t i = next++; i < work.size() && !failed; i = next++) {
      const Job& job = work[i];
      const dialer::Scenario& scenario = scenarios[job.scenario];
      Run& run = input.runs[i];
      run.scenario = job.scenario;
      run.pacer = job.pacer;
      dialer::SimOptions options;
      options.pacer = pacers[job.pacer];
      options.seed = job.seed;
      options.scenario_dir = scenario_dir.string();
      const absl::Time start = absl::Now();
      bool first = true;
      absl::Time day_start;
      // The engine's own counters once per simulated minute: the abandon
      // rate over the day as the engine observed it.
      options.progress = [&](const dialer::SimProgress& p) {
        if (first) {
          day_start = p.now - p.elapsed;
          first = false;
        }
        run.timeline.push_back({absl::ToDoubleSeconds(p.now - day_start),
                                p.human_answers, p.abandoned});
      };
      auto report = dialer::RunSimulation(scenario, options);
      std::lock_guard<std::mutex> lock(print);
      if (!report.ok()) {
        std::fprintf(stderr, "pacing_matrix: %s / %s / seed %llu: %s\n",
                     scenario.name.c_str(), options.pacer.c_str(),
                     static_cast<unsigned long long>(job.seed),
                     report.status().ToString().c_str());
        failed = true;
        return;
      }
      run.report = *std::move(report);
      std::fprintf(stderr,
                   "[%zu/%zu] %-24s %-18s seed %llu  talk %6.0f  abandon "
                   "%5.2f%%  %.1f s\n",
                   i + 1, work.size(), scenario.name.c_str(),
                   options.pacer.c_str(),
                   static_cast<unsigned long long>(job.seed),
                   run.report.talk_s_per_agent_hour,
                   100 * run.report.abandon_rate,
                   absl::ToDoubleSeconds(absl::Now() - start));
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (std::thread& t : threads) t.join();
  if (failed) return 1;

  fs::create_directories(out_dir, ec);
  const auto write = [&](const char* name, const std::string& text) {
    std::ofstream out(out_dir / name, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      std::fprintf(stderr, "pacing_matrix: cannot write %s\n",
                   (out_dir / name).c_str());
      return false;
    }
    return true;
  };
  const std::string markdown = dialer::bench::MatrixMarkdown(input);
  if (!write("runs.csv", dialer::bench::RunsCsv(input)) ||
      !write("matrix.md", markdown) ||
      !write("talk_vs_abandon.svg", dialer::bench::TalkVsAbandonSvg(input)) ||
      !write("abandon_over_day.svg", dialer::bench::AbandonOverDaySvg(input))) {
    return 1;
  }
  std::fputs(markdown.c_str(), stdout);
  return 0;
}
