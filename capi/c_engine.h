// What a dialer_engine handle holds: the engine and the host adapters it
// uses, plus the little the C ABI remembers on top of the engine (agents
// seen, for dashboards; phones and emails added, for CSV deduplication; the
// internal DNC numbers, for the CSV scrub).
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
  std::set<std::string> phones ABSL_GUARDED_BY(mu);
  std::set<std::string> emails ABSL_GUARDED_BY(mu);
  std::set<std::string> dnc ABSL_GUARDED_BY(mu);
};

namespace dialer::capi {

// Remembers the numbers and email of contacts this handle added.
void RememberContact(dialer_engine& e, const Contact& c);

}  // namespace dialer::capi

#endif  // DIALER_CAPI_C_ENGINE_H_
