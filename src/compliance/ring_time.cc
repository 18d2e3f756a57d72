#include "compliance/ring_time.h"

#include <algorithm>

namespace dialer::compliance {

absl::Duration MinRingTimeout() { return absl::Seconds(15); }

absl::Duration EffectiveRingTimeout(absl::Duration requested) {
  return std::max(requested, MinRingTimeout());
}

}  // namespace dialer::compliance
