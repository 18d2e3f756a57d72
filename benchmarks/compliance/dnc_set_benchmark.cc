// DNC set at registry scale: load (parse + build) time, bytes per number,
// lookups per second: independent lookups one call each (the loop lets the
// CPU overlap consecutive calls), dependent lookups (latency), and
// ContainsBatch (software-pipelined prefetching). Baseline in the same run: std::binary_search over a
// sorted std::vector<uint64_t> of the same numbers (8 bytes per number).
//
//   compliance_benchmark --benchmark_filter=Dnc
// Arg = how many numbers (250 M is the national registry).
#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <random>
#include <string>

#include <time.h>

#include "benchmark/benchmark.h"
#include "compliance/dnc_registry_loader.h"
#include "compliance/dnc_set.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {
namespace {

// CPU time of this thread: on a shared machine wall time mostly measures
// the other processes.
double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

uint64_t RandomNanp(std::mt19937_64& rng) {
  while (true) {
    const uint64_t n = 2000000000ULL + rng() % 8000000000ULL;
    if (IsValidNanpNational(n)) return n;
  }
}

struct Fixture {
  DncSet set;
  std::vector<uint64_t> sorted;  // baseline
  std::vector<uint64_t> probes;  // half members, half random
};

// Loads `n` generated numbers through the registry parser, as from a file.
DncSet LoadGenerated(int64_t n, double* seconds, double* cpu_seconds) {
  std::mt19937_64 rng(250);
  DncSetBuilder builder;
  DncRegistryParser parser(&builder, {});
  std::string chunk;
  int64_t done = 0;
  double total = 0, cpu = 0;
  while (done < n) {
    chunk.clear();
    const int64_t lines = std::min<int64_t>(1 << 20, n - done);
    for (int64_t i = 0; i < lines; ++i) {
      const uint64_t x = RandomNanp(rng);
      char line[11];
      uint64_t v = x;
      for (int d = 9; d >= 0; --d, v /= 10) line[d] = static_cast<char>('0' + v % 10);
      line[10] = '\n';
      chunk.append(line, 11);
    }
    done += lines;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuSeconds();
    parser.Feed(chunk);
    cpu += ThreadCpuSeconds() - c0;
    total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = ThreadCpuSeconds();
  parser.Finish();
  DncSet set = std::move(builder).Build();
  cpu += ThreadCpuSeconds() - c0;
  total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  *seconds = total;
  if (cpu_seconds != nullptr) *cpu_seconds = cpu;
  return set;
}

std::map<int64_t, DncSet>& Loaded() {
  static auto* loaded = new std::map<int64_t, DncSet>();
  return *loaded;
}

Fixture& Get(int64_t n) {
  static std::map<int64_t, std::unique_ptr<Fixture>> cache;
  auto& f = cache[n];
  if (!f) {
    f = std::make_unique<Fixture>();
    if (auto it = Loaded().find(n); it != Loaded().end()) {
      f->set = std::move(it->second);
      Loaded().erase(it);
    } else {
      double seconds = 0;
      f->set = LoadGenerated(n, &seconds, nullptr);
    }
    f->sorted = f->set.ToVector();
    std::mt19937_64 rng(7);
    for (int i = 0; i < (1 << 22); ++i) {
      f->probes.push_back(i % 2 ? f->sorted[rng() % f->sorted.size()] : RandomNanp(rng));
    }
  }
  return *f;
}

void BM_DncLoad(benchmark::State& state) {
  for (auto _ : state) {
    double seconds = 0, cpu = 0;
    DncSet set = LoadGenerated(state.range(0), &seconds, &cpu);
    state.SetIterationTime(seconds);
    state.counters["load_cpu_seconds"] = cpu;
    state.counters["numbers"] = static_cast<double>(set.size());
    state.counters["bytes_per_number"] =
        static_cast<double>(set.MemoryBytes()) / static_cast<double>(set.size());
    state.counters["load_seconds"] = seconds;
    Loaded()[state.range(0)] = std::move(set);  // reused by the lookup benchmarks
  }
}
BENCHMARK(BM_DncLoad)->Arg(10'000'000)->Arg(250'000'000)->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kSecond);

void BM_DncContains(benchmark::State& state) {
  Fixture& f = Get(state.range(0));
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    hits += f.set.Contains(f.probes[i++ & (f.probes.size() - 1)]);
  }
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_number"] =
      static_cast<double>(f.set.MemoryBytes()) / static_cast<double>(f.set.size());
}
BENCHMARK(BM_DncContains)->Arg(10'000'000)->Arg(250'000'000);

// Latency, not throughput: the next probe depends on the previous answer,
// so no two lookups overlap (what one isolated check costs).
void BM_DncContainsDependent(benchmark::State& state) {
  Fixture& f = Get(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    i = (i + 1 + f.set.Contains(f.probes[i & (f.probes.size() - 1)])) & (f.probes.size() - 1);
  }
  benchmark::DoNotOptimize(i);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DncContainsDependent)->Arg(10'000'000)->Arg(250'000'000);

void BM_DncContainsBatch(benchmark::State& state) {
  Fixture& f = Get(state.range(0));
  constexpr size_t kBatch = 4096;
  std::unique_ptr<bool[]> out(new bool[kBatch]);
  size_t offset = 0;
  for (auto _ : state) {
    f.set.ContainsBatch(std::span<const uint64_t>(f.probes.data() + offset, kBatch),
                        std::span<bool>(out.get(), kBatch));
    benchmark::DoNotOptimize(out[0]);
    offset = (offset + kBatch) & (f.probes.size() - 1);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_DncContainsBatch)->Arg(10'000'000)->Arg(250'000'000);

void BM_BaselineSortedVectorBinarySearch(benchmark::State& state) {
  Fixture& f = Get(state.range(0));
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    hits += std::binary_search(f.sorted.begin(), f.sorted.end(),
                               f.probes[i++ & (f.probes.size() - 1)]);
  }
  benchmark::DoNotOptimize(hits);
  state.SetItemsProcessed(state.iterations());
  state.counters["bytes_per_number"] = 8;
}
BENCHMARK(BM_BaselineSortedVectorBinarySearch)->Arg(10'000'000)->Arg(250'000'000);

}  // namespace
}  // namespace dialer::compliance
