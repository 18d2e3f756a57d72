// Take the next eligible contact and put it back with a new retry time, on a
// queue of N contacts spread over every US time zone, with the federal
// 08:00-21:00 window checked as compliance would. Reports the median and
// p99 of one take-and-put-back, and the heap bytes per queued contact.
//
// Two variants run on the same data:
//  grouped=1  the design: each contact carries its zone's WindowGroup and
//             the group check parks a closed zone in O(log n);
//  grouped=0  the baseline: no groups; the window is checked per contact
//             and a closed contact is re-filed alone (what a queue without
//             window groups has to do).
// And the machine baseline: the latency of one dependent load that misses
// every cache (a pointer chase over 512 MiB), measured in the same run, so
// the figures can be read as "cache misses per operation" on any machine.
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "queue/contact_queue.h"
#include "tests/queue/federal_window.h"

namespace dialer::queue {
namespace {

size_t HeapInUse() {
  const struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

void BM_TakeAndPutBack(benchmark::State& state) {
  const auto contacts = static_cast<ContactId>(state.range(0));
  const bool grouped = state.range(1) != 0;
  constexpr int kOps = 1'000'000;
  constexpr int kAgents = 100;

  const std::vector<absl::TimeZone> zone_list = queue_testing::UsZones();
  std::vector<std::vector<absl::TimeZone>> zones;
  for (const absl::TimeZone& tz : zone_list) zones.push_back({tz});
  std::vector<std::string> agents;
  for (int a = 0; a < kAgents; ++a) agents.push_back("agent-" + std::to_string(a));
  std::mt19937_64 rng(20260309);
  // Monday 2026-03-09 14:00 UTC, the day after spring-forward: Eastern,
  // Central and Mountain (08:00 MDT) open; Arizona, Pacific, Alaska, Hawaii
  // and the Pacific islands closed.
  const absl::Time start = absl::FromCivil(absl::CivilHour(2026, 3, 9, 14),
                                           absl::UTCTimeZone());
  std::vector<uint8_t> zone_of(static_cast<size_t>(contacts) + 1);

  const size_t heap_before = HeapInUse();
  ContactQueue queue;
  for (ContactId id = 1; id <= contacts; ++id) {
    const auto zone = static_cast<uint8_t>(rng() % zones.size());
    zone_of[id] = zone;
    const uint64_t r = rng() % 100;
    Priority p = Priority::kFresh;
    absl::Time due = start - absl::Hours(1);
    if (r < 1) {
      p = Priority::kCallback;
      due = start + absl::Seconds(static_cast<int64_t>(rng() % (3 * 86400)));
    } else if (r < 5) {
      p = Priority::kHot;
    } else if (r < 25) {
      p = Priority::kRetry;
      due = start + absl::Seconds(static_cast<int64_t>(rng() % (2 * 86400)));
    } else if (r < 30) {
      p = Priority::kRecycled;
    }
    const std::string_view agent =
        rng() % 20 == 0 ? std::string_view(agents[rng() % kAgents]) : "";
    queue.Upsert(id, p, due, agent, grouped ? zone : 0);
  }
  const size_t heap_after = HeapInUse();

  absl::Time now = start;
  auto group_check = [&](WindowGroup g) {
    return queue_testing::FederalWindow(zones[g], now);
  };
  auto window_per_contact = [&](ContactId id) {
    return queue_testing::FederalWindow(zones[zone_of[id]], now);
  };
  auto contact_ok = [&](ContactId id) {
    // 1 in 100 fails a per-contact check (state cap, DNC refresh, ...).
    return id % 100 == 0 ? Eligibility::NotBefore(now + absl::Hours(1))
                         : Eligibility::Now();
  };
  auto contact_check = [&](ContactId id) {
    if (!grouped) {
      const Eligibility window = window_per_contact(id);
      if (!window.eligible) return window;
    }
    return contact_ok(id);
  };

  std::vector<int64_t> samples;
  samples.reserve(kOps);
  int64_t empty = 0;
  for (auto _ : state) {
    for (int op = 0; op < kOps; ++op) {
      const std::string_view agent = agents[op % kAgents];
      const auto t0 = std::chrono::steady_clock::now();
      auto entry = grouped ? queue.PopDue(now, agent, group_check, contact_check)
                           : queue.PopDue(now, agent, contact_check);
      if (entry) {
        queue.Upsert(entry->contact, Priority::kRetry,
                     now + absl::Minutes(30 + static_cast<int64_t>(rng() % 1410)),
                     entry->agent, entry->group);
      }
      const auto t1 = std::chrono::steady_clock::now();
      samples.push_back(
          std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count());
      if (!entry) ++empty;
      now += absl::Milliseconds(50);  // 1 M ops span ~14 h of windows
    }
  }
  std::vector<int64_t> sorted = samples;
  std::sort(sorted.begin(), sorted.end());
  auto at = [&](double q) {
    return static_cast<double>(sorted[static_cast<size_t>(q * (sorted.size() - 1))]);
  };
  state.counters["median_ns"] = at(0.5);
  state.counters["p99_ns"] = at(0.99);
  state.counters["p999_ns"] = at(0.999);
  state.counters["max_ns"] = static_cast<double>(sorted.back());
  state.counters["empty_pops"] = static_cast<double>(empty);
  state.counters["bytes_per_contact"] =
      static_cast<double>(heap_after - heap_before) / static_cast<double>(contacts);
  state.counters["zones"] = static_cast<double>(zones.size());
}

void BM_DependentLoadLatency(benchmark::State& state) {
  const size_t slots = (size_t{512} << 20) / sizeof(size_t);
  constexpr size_t kStride = 8;  // one slot per 64-byte line
  std::vector<size_t> order(slots / kStride);
  std::iota(order.begin(), order.end(), size_t{0});
  std::shuffle(order.begin(), order.end(), std::mt19937_64(1));
  std::vector<size_t> next(slots);
  for (size_t i = 0; i < order.size(); ++i) {
    next[order[i] * kStride] = order[(i + 1) % order.size()] * kStride;
  }
  constexpr int kLoads = 2'000'000;
  size_t at = 0;
  double ns = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < kLoads; ++i) at = next[at];
    const auto t1 = std::chrono::steady_clock::now();
    ns = std::chrono::duration<double, std::nano>(t1 - t0).count() / kLoads;
  }
  benchmark::DoNotOptimize(at);
  state.counters["ns_per_miss"] = ns;
}

BENCHMARK(BM_DependentLoadLatency)->Iterations(1)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_TakeAndPutBack)
    ->ArgNames({"contacts", "grouped"})
    ->Args({1'000'000, 1})
    ->Args({1'000'000, 0})
    ->Args({10'000'000, 1})
    ->Args({10'000'000, 0})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace dialer::queue
