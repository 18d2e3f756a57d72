// A manual clock for the bindings whose host language cannot answer the
// engine's clock synchronously from the engine's thread (Node, Java): the
// clock lives in native code and the host moves it. It fills a dialer_clock
// vtable (dialer/c_provider.h); AdvanceTo fires the engine's due timers in
// (deadline, scheduling) order on the calling thread.
//
// Header-only (the bindings build apart from libdialer). Thread-safe.
#ifndef DIALER_BINDINGS_COMMON_MANUAL_CLOCK_H_
#define DIALER_BINDINGS_COMMON_MANUAL_CLOCK_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <utility>

#include "dialer/c.h"
#include "dialer/c_provider.h"

namespace dialer_bindings {

class ManualClock {
 public:
  explicit ManualClock(int64_t start_us) : now_us_(start_us) {}

  int64_t Now() {
    std::lock_guard<std::mutex> lock(mu_);
    return now_us_;
  }

  // The vtable for dialer_engine_options.clock; no destroy (the binding
  // owns the clock and frees it after the engine).
  dialer_clock VTable() {
    dialer_clock c = DIALER_CLOCK_INIT;
    c.user_data = this;
    c.now_us = [](void* ud) { return Of(ud)->Now(); };
    c.schedule_at = [](void* ud, dialer_time_us when, uint64_t id) {
      ManualClock* m = Of(ud);
      std::lock_guard<std::mutex> lock(m->mu_);
      m->timers_.emplace(std::make_pair(std::max(when, m->now_us_), ++m->seq_), id);
    };
    c.cancel = [](void* ud, uint64_t id) {
      std::lock_guard<std::mutex> lock(Of(ud)->mu_);
      Of(ud)->canceled_.insert(id);
    };
    return c;
  }

  // Fires every timer due at or before `until` (moving the time to each
  // deadline), then sets the time to `until` (never backwards). Counts the
  // timers that ran in *fired; returns the first failure of
  // dialer_engine_fire_timer other than NOT_FOUND (a timer the engine
  // dropped), with the thread's last error set.
  dialer_status AdvanceTo(dialer_engine* engine, int64_t until, int* fired) {
    for (;;) {
      uint64_t id;
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (timers_.empty() || timers_.begin()->first.first > until) break;
        auto it = timers_.begin();
        now_us_ = std::max(now_us_, it->first.first);
        id = it->second;
        timers_.erase(it);
        if (canceled_.erase(id) > 0) continue;
      }
      dialer_status st = dialer_engine_fire_timer(engine, id);
      if (st == DIALER_OK) ++*fired;
      else if (st != DIALER_NOT_FOUND) return st;
    }
    std::lock_guard<std::mutex> lock(mu_);
    now_us_ = std::max(now_us_, until);
    return DIALER_OK;
  }

 private:
  static ManualClock* Of(void* ud) { return static_cast<ManualClock*>(ud); }

  std::mutex mu_;
  int64_t now_us_;
  uint64_t seq_ = 0;
  std::map<std::pair<int64_t, uint64_t>, uint64_t> timers_;  // (when, seq) -> id
  std::set<uint64_t> canceled_;
};

}  // namespace dialer_bindings

#endif  // DIALER_BINDINGS_COMMON_MANUAL_CLOCK_H_
