#include "queue/priority.h"

namespace dialer::queue {

std::string_view ToString(Priority priority) {
  switch (priority) {
    case Priority::kCallback:
      return "callback";
    case Priority::kHot:
      return "hot";
    case Priority::kRetry:
      return "retry";
    case Priority::kFresh:
      return "fresh";
    case Priority::kRecycled:
      return "recycled";
  }
  return "unknown";
}

}  // namespace dialer::queue
