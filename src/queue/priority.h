// The priority classes of the contact queue, best first. The queue is not
// FIFO: a due callback is offered before a due hot lead, a hot lead before a
// due retry, and so on (see docs/queue.md).
//
// Plain values: safe to use from any thread.
#ifndef DIALER_QUEUE_PRIORITY_H_
#define DIALER_QUEUE_PRIORITY_H_

#include <cstdint>
#include <string_view>

namespace dialer::queue {

enum class Priority : uint8_t {
  kCallback = 0,  // a promise to call back at a requested time
  kHot = 1,       // high-value or recently engaged
  kRetry = 2,     // a follow-up attempt per the retry rules
  kFresh = 3,     // never attempted
  kRecycled = 4,  // used up its attempts and came back after a rest period
};

inline constexpr int kPriorityCount = 5;

// Returns the stable snake_case name ("callback", "hot", "retry", "fresh",
// "recycled"), or "unknown" for a value outside the enum.
std::string_view ToString(Priority priority);

}  // namespace dialer::queue

#endif  // DIALER_QUEUE_PRIORITY_H_
