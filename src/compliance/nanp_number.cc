#include "compliance/nanp_number.h"

namespace dialer::compliance {

std::optional<NanpNumber> ParseNanpE164(std::string_view e164) {
  if (e164.size() != 12 || e164[0] != '+' || e164[1] != '1') {
    return std::nullopt;
  }
  uint64_t national = 0;
  for (size_t i = 2; i < 12; ++i) {
    const char c = e164[i];
    if (c < '0' || c > '9') return std::nullopt;
    national = national * 10 + static_cast<uint64_t>(c - '0');
  }
  if (!IsValidNanpNational(national)) return std::nullopt;
  return NanpNumber{national, static_cast<int>(national / 10000000)};
}

bool IsValidNanpNational(uint64_t national) {
  if (national < 2000000000ULL || national > 9999999999ULL) return false;
  return (national / 1000000) % 10 >= 2;  // NXX starts with 2-9
}

std::string FormatE164(uint64_t national) {
  std::string out = "+1";
  std::string digits(10, '0');
  for (int i = 9; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + national % 10);
    national /= 10;
  }
  return out + digits;
}

std::optional<StateCode> PackStateCode(std::string_view state) {
  if (state == "CNMI") state = "MP";
  if (state.size() != 2) return std::nullopt;
  char a = state[0], b = state[1];
  if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 'a' + 'A');
  if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 'a' + 'A');
  if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z') return std::nullopt;
  return static_cast<StateCode>((a << 8) | b);
}

std::string UnpackStateCode(StateCode code) {
  return std::string{static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
}

}  // namespace dialer::compliance
