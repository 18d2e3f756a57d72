#include "core/disposition_codes.h"

#include <algorithm>
#include <string_view>

namespace dialer::core {

bool IsStandardDispositionCode(std::string_view code) {
  return std::find(kStandardDispositionCodes.begin(),
                   kStandardDispositionCodes.end(),
                   code) != kStandardDispositionCodes.end();
}

bool IsSystemDispositionCode(std::string_view code) {
  return std::find(kSystemDispositionCodes.begin(),
                   kSystemDispositionCodes.end(),
                   code) != kSystemDispositionCodes.end();
}

bool IsSnakeCase(std::string_view code) {
  if (code.empty() || code.front() < 'a' || code.front() > 'z' ||
      code.back() == '_') {
    return false;
  }
  char previous = '\0';
  for (char c : code) {
    const bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!word_char && (c != '_' || previous == '_')) return false;
    previous = c;
  }
  return true;
}

}  // namespace dialer::core
