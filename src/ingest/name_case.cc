#include "ingest/name_case.h"

#include <algorithm>
#include <array>

#include "absl/strings/ascii.h"
#include "ingest/text_util.h"

namespace dialer::ingest {
namespace {

// Latin-1 letters in UTF-8: U+00C0-U+00DE upper (C3 80-9E), U+00E0-U+00FE
// lower (C3 A0-BE); U+00D7 and U+00F7 are signs.
bool IsLatin1Upper(std::string_view s, size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC3 &&
         static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9E &&
         static_cast<unsigned char>(s[i + 1]) != 0x97;
}
bool IsLatin1Lower(std::string_view s, size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC3 &&
         static_cast<unsigned char>(s[i + 1]) >= 0xA0 &&
         static_cast<unsigned char>(s[i + 1]) <= 0xBE &&
         static_cast<unsigned char>(s[i + 1]) != 0xB7;
}

bool IsLetterStart(std::string_view s, size_t i) {
  return absl::ascii_isalpha(static_cast<unsigned char>(s[i])) ||
         IsLatin1Upper(s, i) || IsLatin1Lower(s, i);
}

// Lower-cases `word`, then capitalises the letter at byte `at` (if any).
std::string Recase(std::string_view word, bool capitalize_first) {
  std::string out(word);
  bool first = capitalize_first;
  for (size_t i = 0; i < out.size(); ++i) {
    const bool letter = IsLetterStart(out, i);
    const bool latin1 = static_cast<unsigned char>(out[i]) == 0xC3 &&
                        (IsLatin1Upper(out, i) || IsLatin1Lower(out, i));
    if (latin1) {
      auto b = static_cast<unsigned char>(out[i + 1]);
      b = first ? (b & ~0x20) : (b | 0x20);
      out[i + 1] = static_cast<char>(b);
      ++i;
    } else if (letter) {
      out[i] = first ? absl::ascii_toupper(static_cast<unsigned char>(out[i]))
                     : absl::ascii_tolower(static_cast<unsigned char>(out[i]));
    }
    if (letter) first = false;
  }
  return out;
}

struct CaseCount {
  int upper = 0;
  int lower = 0;
};

CaseCount CountCases(std::string_view s) {
  CaseCount c;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (absl::ascii_isupper(b) || IsLatin1Upper(s, i)) ++c.upper;
    if (absl::ascii_islower(b) || IsLatin1Lower(s, i)) ++c.lower;
  }
  return c;
}

constexpr std::array<std::string_view, 20> kParticles = {
    "van", "von", "der", "den", "de",  "del", "della", "da", "di",  "du",
    "la",  "le",  "ter", "ten", "dos", "das", "do",    "y",  "bin", "ibn"};

struct Spelling {
  std::string_view lower;
  std::string_view spelled;
};

constexpr Spelling kPersonSuffixes[] = {
    {"ii", "II"}, {"iii", "III"}, {"iv", "IV"}, {"jr", "Jr"}, {"jr.", "Jr."},
    {"sr", "Sr"}, {"sr.", "Sr."}, {"phd", "PhD"}, {"md", "MD"}, {"dds", "DDS"},
    {"cpa", "CPA"}, {"esq", "Esq"}, {"esq.", "Esq."}};

constexpr Spelling kCompanyWords[] = {
    {"llc", "LLC"},   {"llp", "LLP"},   {"lp", "LP"},     {"plc", "PLC"},
    {"inc", "Inc"},   {"inc.", "Inc."}, {"ltd", "Ltd"},   {"ltd.", "Ltd."},
    {"co", "Co"},     {"co.", "Co."},   {"corp", "Corp"}, {"corp.", "Corp."},
    {"gmbh", "GmbH"}, {"ag", "AG"},     {"sa", "SA"},     {"usa", "USA"},
    {"the", "The"},   {"and", "and"},   {"of", "of"},     {"for", "for"},
    {"at", "at"},     {"in", "in"},     {"on", "on"},     {"to", "to"},
    {"by", "by"},     {"a", "a"},       {"an", "an"},     {"new", "New"},
    {"one", "One"},   {"big", "Big"},   {"red", "Red"},   {"sun", "Sun"},
    {"sky", "Sky"},   {"top", "Top"},   {"art", "Art"},   {"air", "Air"},
    {"car", "Car"},   {"bay", "Bay"},   {"oak", "Oak"},   {"all", "All"},
    {"pro", "Pro"},   {"go", "Go"},     {"my", "My"},     {"our", "Our"}};

template <size_t N>
const Spelling* Find(const Spelling (&table)[N], std::string_view lower) {
  for (const Spelling& s : table) {
    if (s.lower == lower) return &s;
  }
  return nullptr;
}

// Capitalises each part of `word` separated by '-' or '\''.
std::string CapitalizeParts(std::string_view word) {
  std::string out;
  size_t start = 0;
  while (start <= word.size()) {
    size_t end = word.find_first_of("-'", start);
    if (end == std::string_view::npos) end = word.size();
    std::string_view part = word.substr(start, end - start);
    std::string cased = Recase(part, true);
    const std::string lower = AsciiLower(part);
    if (lower.size() > 2 && lower.starts_with("mc")) {
      cased = "Mc" + Recase(part.substr(2), true);
    }
    out += cased;
    if (end < word.size()) out.push_back(word[end]);
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string TidySpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

namespace {

// Re-cases a one-case `tidy` value word by word: `recase(word, lower,
// is_first, is_last)` returns each word's new form.
template <typename Recaser>
std::string RecaseWords(const std::string& tidy, Recaser recase) {
  std::string out;
  size_t start = 0;
  while (start < tidy.size()) {
    size_t end = tidy.find(' ', start);
    if (end == std::string::npos) end = tidy.size();
    const std::string_view word(tidy.data() + start, end - start);
    if (!out.empty()) out.push_back(' ');
    out += recase(word, AsciiLower(word), start == 0, end == tidy.size());
    start = end + 1;
  }
  return out;
}

}  // namespace

std::string ProperCasePersonName(std::string_view name) {
  std::string tidy = TidySpaces(name);
  const CaseCount cases = CountCases(tidy);
  if (cases.upper > 0 && cases.lower > 0) return tidy;
  return RecaseWords(tidy, [](std::string_view word, const std::string& lower,
                              bool first, bool last) -> std::string {
    if (const Spelling* s = Find(kPersonSuffixes, lower); s && !first) {
      return std::string(s->spelled);
    }
    if (!first && !last &&
        std::find(kParticles.begin(), kParticles.end(), lower) != kParticles.end()) {
      return lower;
    }
    return CapitalizeParts(word);
  });
}

std::string ProperCaseCompanyName(std::string_view name) {
  std::string tidy = TidySpaces(name);
  const CaseCount cases = CountCases(tidy);
  if (cases.upper > 0 && cases.lower > 0) return tidy;
  const bool all_upper = cases.upper > 0;
  return RecaseWords(tidy, [all_upper](std::string_view word, const std::string& lower,
                                       bool first, bool) -> std::string {
    if (const Spelling* s = Find(kCompanyWords, lower)) {
      std::string spelled(s->spelled);
      if (first) spelled[0] = absl::ascii_toupper(spelled[0]);
      return spelled;
    }
    const bool kept = word.find_first_of("0123456789&.") != std::string::npos;
    if (kept || (all_upper && word.size() <= 3)) return std::string(word);
    return CapitalizeParts(word);
  });
}

}  // namespace dialer::ingest
