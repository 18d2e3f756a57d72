// Throughput of the discrete-event clock the simulator runs on, against a
// naive baseline measured in the same run: std::priority_queue of
// std::function (no cancel, a heap allocation per non-trivial callback).
//
// Workload (the simulator's shape): `pending` timers in flight; each
// callback schedules its successor 1 ms - 10 s ahead (precomputed random
// offsets), so the heap stays at `pending` entries. One iteration = one
// event run. items_per_second is events per second.
#include <cstdint>
#include <functional>
#include <queue>
#include <random>
#include <vector>

#include "dialer/manual_clock.h"
#include "dialer/simulated_clock.h"

#include "absl/time/time.h"
#include "benchmark/benchmark.h"

namespace dialer {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1773147600);

std::vector<absl::Duration> Offsets() {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> ms(1, 10000);
  std::vector<absl::Duration> offsets(1 << 16);
  for (absl::Duration& d : offsets) d = absl::Milliseconds(ms(rng));
  return offsets;
}

// The callback captures a pointer and an integer, like the engine's timers
// (an object and a call id).
template <typename ClockT>
struct Chain {
  explicit Chain(ClockT* c) : clock(c), offsets(Offsets()) {}
  void Fire(int64_t tag) {
    const absl::Duration d = offsets[next++ & (offsets.size() - 1)];
    clock->ScheduleAt(clock->Now() + d, [this, tag] { Fire(tag + 1); });
  }
  ClockT* clock;
  std::vector<absl::Duration> offsets;
  size_t next = 0;
};

void BM_SimulatedClock(benchmark::State& state) {
  SimulatedClock clock(kStart);
  Chain<SimulatedClock> chain(&clock);
  for (int64_t i = 0; i < state.range(0); ++i) chain.Fire(i);
  for (auto _ : state) benchmark::DoNotOptimize(clock.RunNext());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SimulatedClock)->Arg(16)->Arg(1024)->Arg(65536);

// Same workload plus the engine's other habit: a ring-timeout timer per
// event that is canceled before it fires (the call was answered).
void BM_SimulatedClockWithCancel(benchmark::State& state) {
  SimulatedClock clock(kStart);
  std::vector<absl::Duration> offsets = Offsets();
  size_t next = 0;
  std::function<void()> fire = [&] {
    const TimerId timeout =
        clock.ScheduleAt(clock.Now() + absl::Seconds(25), [] {});
    clock.Cancel(timeout);
    clock.ScheduleAt(clock.Now() + offsets[next++ & (offsets.size() - 1)],
                     [&fire] { fire(); });
  };
  for (int64_t i = 0; i < state.range(0); ++i) fire();
  for (auto _ : state) benchmark::DoNotOptimize(clock.RunNext());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SimulatedClockWithCancel)->Arg(1024);

// ManualClock runs the same queue behind a mutex (tests only; for scale).
void BM_ManualClock(benchmark::State& state) {
  ManualClock clock(kStart);
  Chain<ManualClock> chain(&clock);
  for (int64_t i = 0; i < state.range(0); ++i) chain.Fire(i);
  for (auto _ : state) {
    benchmark::DoNotOptimize(clock.AdvanceTo(clock.NextDeadline()));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ManualClock)->Arg(1024);

// Baseline: the obvious implementation.
class NaiveClock {
 public:
  absl::Time Now() const { return now_; }
  void ScheduleAt(absl::Time when, std::function<void()> fn) {
    heap_.push(Entry{when, seq_++, std::move(fn)});
  }
  bool RunNext() {
    if (heap_.empty()) return false;
    Entry e = heap_.top();  // priority_queue::top is const: a copy
    heap_.pop();
    now_ = e.when;
    e.fn();
    return true;
  }

 private:
  struct Entry {
    absl::Time when;
    uint64_t seq;
    std::function<void()> fn;
    bool operator<(const Entry& o) const {
      return when != o.when ? when > o.when : seq > o.seq;
    }
  };
  std::priority_queue<Entry> heap_;
  absl::Time now_ = kStart;
  uint64_t seq_ = 0;
};

void BM_NaiveBaseline(benchmark::State& state) {
  NaiveClock clock;
  Chain<NaiveClock> chain(&clock);
  for (int64_t i = 0; i < state.range(0); ++i) chain.Fire(i);
  for (auto _ : state) benchmark::DoNotOptimize(clock.RunNext());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NaiveBaseline)->Arg(16)->Arg(1024)->Arg(65536);

}  // namespace
}  // namespace dialer
