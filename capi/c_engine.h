// What a dialer_engine handle holds: the engine and the host adapters it
// uses, plus the one thing the C ABI remembers on top of the engine: the
// agents that logged in through it, for dashboards.
//
// Thread-safe: the engine serializes itself; the extra state is guarded by
// `mu`.
#ifndef DIALER_CAPI_C_ENGINE_H_
#define DIALER_CAPI_C_ENGINE_H_

#include <memory>
#include <set>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "capi/host_interfaces.h"
#include "dialer/c.h"
#include "dialer/engine.h"
#include "dialer/store.h"

struct dialer_engine {
  // Declared in destruction order's reverse: the engine goes first, then the
  // host objects (whose destroy callbacks run last).
  std::unique_ptr<dialer::capi::HostProvider> provider;
  std::unique_ptr<dialer::Store> store;
  std::unique_ptr<dialer::capi::HostClock> host_clock;  // null: system clock
  dialer::Clock* clock = nullptr;
  std::unique_ptr<dialer::capi::JsonEventSink> sink;
  std::unique_ptr<dialer::Engine> engine;

  absl::Mutex mu;
  std::set<std::string> agents ABSL_GUARDED_BY(mu);
};

#endif  // DIALER_CAPI_C_ENGINE_H_
