// The ring-time floor: an unanswered telemarketing call may not be
// disconnected before 15 seconds or four rings (47 CFR 64.1200(a)(6); TSR
// safe harbor 16 CFR 310.4(b)(4)(ii)). The engine passes every ring timeout
// through EffectiveRingTimeout().
//
// Pure functions: safe to call from any thread.
#ifndef DIALER_COMPLIANCE_RING_TIME_H_
#define DIALER_COMPLIANCE_RING_TIME_H_

#include "absl/time/time.h"

namespace dialer::compliance {

// 15 seconds. (Four rings at the North American 6-second cadence take
// about 24 s, so 15 s is the binding floor.)
absl::Duration MinRingTimeout();

// max(requested, MinRingTimeout()); a zero, negative or infinite request
// yields the floor or stays infinite respectively.
absl::Duration EffectiveRingTimeout(absl::Duration requested);

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_RING_TIME_H_
