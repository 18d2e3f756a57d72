#include "core/e164.h"

#include <string_view>

namespace dialer::core {

bool IsE164(std::string_view phone) {
  if (phone.size() < 1 + kE164MinDigits || phone.size() > 1 + kE164MaxDigits ||
      phone.front() != '+' || phone[1] == '0') {
    return false;
  }
  for (char c : phone.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace dialer::core
