// The sim benchmarks' shared workload and measuring helpers: the day of
// examples/power-team.json scaled to `agents` agents and 100,000 contacts,
// the calling thread's CPU time and the process's peak RSS.
#ifndef DIALER_BENCHMARKS_SIM_DAY_WORKLOAD_H_
#define DIALER_BENCHMARKS_SIM_DAY_WORKLOAD_H_

#include <sys/resource.h>
#include <time.h>

#include <fstream>
#include <sstream>
#include <string>

#include "dialer/simulator.h"

namespace dialer::sim_bench {

inline Scenario DayOf(int agents) {
  std::ifstream in(std::string(DIALER_SOURCE_DIR) + "/examples/power-team.json");
  std::stringstream ss;
  ss << in.rdbuf();
  absl::StatusOr<Scenario> s = ParseScenario(ss.str());
  if (!s.ok()) return Scenario();
  s->agents.count = agents;
  s->contacts.count = 100000;
  s->campaign.mode = "power";
  return *s;
}

// CPU time of the calling thread, in seconds.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec * 1e-9;
}

inline double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

}  // namespace dialer::sim_bench

#endif  // DIALER_BENCHMARKS_SIM_DAY_WORKLOAD_H_
