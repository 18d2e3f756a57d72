#include "ingest/email_address.h"

#include "absl/strings/ascii.h"
#include "ingest/text_util.h"

namespace dialer::ingest {
namespace {

bool IsAtomChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) !=
             std::string_view::npos;
}

}  // namespace

std::string NormalizeEmail(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.size() >= 7 && EqualsIgnoreCase(s.substr(0, 7), "mailto:")) {
    s.remove_prefix(7);
  }
  return AsciiLower(Trim(s));
}

bool IsValidEmail(std::string_view email) {
  const size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64 ||
      email.find('@', at + 1) != std::string_view::npos || email.size() > 254) {
    return false;
  }
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : local) {
    if (c != '.' && !IsAtomChar(c)) return false;
  }
  int labels = 0;
  std::string_view last;
  for (std::string_view rest = domain;;) {
    const size_t dot = rest.find('.');
    const std::string_view label = rest.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' ||
        label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (c != '-' && !absl::ascii_isalnum(static_cast<unsigned char>(c))) {
        return false;
      }
    }
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (labels < 2 || last.size() < 2) return false;
  for (char c : last) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace dialer::ingest
