// Builds pacing Snapshots for the tests.
#ifndef DIALER_TESTS_PACING_SNAPSHOT_BUILDER_H_
#define DIALER_TESTS_PACING_SNAPSHOT_BUILDER_H_

#include "absl/time/time.h"
#include "pacing/pacer.h"

namespace dialer::pacing::testing {

inline absl::Time T0() { return absl::FromUnixSeconds(1773147600); }  // 2026-03-10 13:00Z

class SnapshotBuilder {
 public:
  explicit SnapshotBuilder(absl::Time now) { s_.now = now; }
  SnapshotBuilder& Agents(int n, AgentActivity activity,
                          absl::Duration in_state = absl::ZeroDuration(),
                          bool has_call = false) {
    for (int i = 0; i < n; ++i) {
      s_.agents.push_back(AgentView{activity, in_state, has_call});
    }
    return *this;
  }
  SnapshotBuilder& Calls(int n, CallStage stage,
                         absl::Duration age = absl::ZeroDuration(),
                         absl::Duration in_stage = absl::ZeroDuration()) {
    for (int i = 0; i < n; ++i) s_.calls.push_back(CallView{stage, age, in_stage});
    return *this;
  }
  // Marks the last `n` agents added as leaving after their call.
  SnapshotBuilder& Leaving(int n) {
    for (int i = 0; i < n && i < static_cast<int>(s_.agents.size()); ++i) {
      AgentView& a = s_.agents[s_.agents.size() - 1 - i];
      a.leaving = true;
    }
    return *this;
  }
  SnapshotBuilder& State(compliance::AbandonState state) {
    s_.abandon_state = state;
    return *this;
  }
  Snapshot Build() const { return s_; }

 private:
  Snapshot s_;
};

}  // namespace dialer::pacing::testing

#endif  // DIALER_TESTS_PACING_SNAPSHOT_BUILDER_H_
