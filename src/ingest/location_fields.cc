#include "ingest/location_fields.h"

#include "absl/strings/ascii.h"
#include "ingest/text_util.h"
#include "ingest/name_case.h"

namespace dialer::ingest {
namespace {

struct State {
  std::string_view code;
  std::string_view name;
};

constexpr State kStates[] = {
    {"AL", "alabama"}, {"AK", "alaska"}, {"AZ", "arizona"},
    {"AR", "arkansas"}, {"CA", "california"}, {"CO", "colorado"},
    {"CT", "connecticut"}, {"DE", "delaware"},
    {"DC", "district of columbia"}, {"FL", "florida"}, {"GA", "georgia"},
    {"HI", "hawaii"}, {"ID", "idaho"}, {"IL", "illinois"},
    {"IN", "indiana"}, {"IA", "iowa"}, {"KS", "kansas"},
    {"KY", "kentucky"}, {"LA", "louisiana"}, {"ME", "maine"},
    {"MD", "maryland"}, {"MA", "massachusetts"}, {"MI", "michigan"},
    {"MN", "minnesota"}, {"MS", "mississippi"}, {"MO", "missouri"},
    {"MT", "montana"}, {"NE", "nebraska"}, {"NV", "nevada"},
    {"NH", "new hampshire"}, {"NJ", "new jersey"}, {"NM", "new mexico"},
    {"NY", "new york"}, {"NC", "north carolina"}, {"ND", "north dakota"},
    {"OH", "ohio"}, {"OK", "oklahoma"}, {"OR", "oregon"},
    {"PA", "pennsylvania"}, {"RI", "rhode island"},
    {"SC", "south carolina"}, {"SD", "south dakota"},
    {"TN", "tennessee"}, {"TX", "texas"}, {"UT", "utah"},
    {"VT", "vermont"}, {"VA", "virginia"}, {"WA", "washington"},
    {"WV", "west virginia"}, {"WI", "wisconsin"}, {"WY", "wyoming"},
    {"PR", "puerto rico"}, {"VI", "virgin islands"}, {"GU", "guam"},
    {"AS", "american samoa"}, {"MP", "northern mariana islands"},
    {"AB", "alberta"}, {"BC", "british columbia"}, {"MB", "manitoba"},
    {"NB", "new brunswick"}, {"NL", "newfoundland and labrador"},
    {"NS", "nova scotia"}, {"NT", "northwest territories"},
    {"NU", "nunavut"}, {"ON", "ontario"}, {"PE", "prince edward island"},
    {"QC", "quebec"}, {"SK", "saskatchewan"}, {"YT", "yukon"},
};

struct ZoneAlias {
  std::string_view alias;  // lower case
  std::string_view zone;
};

constexpr ZoneAlias kZoneAliases[] = {
    {"eastern", "America/New_York"},     {"est", "America/New_York"},
    {"edt", "America/New_York"},         {"et", "America/New_York"},
    {"us/eastern", "America/New_York"},  {"central", "America/Chicago"},
    {"cst", "America/Chicago"},          {"cdt", "America/Chicago"},
    {"ct", "America/Chicago"},           {"us/central", "America/Chicago"},
    {"mountain", "America/Denver"},      {"mdt", "America/Denver"},
    {"us/mountain", "America/Denver"},   {"arizona", "America/Phoenix"},
    {"us/arizona", "America/Phoenix"},   {"pacific", "America/Los_Angeles"},
    {"pst", "America/Los_Angeles"},      {"pdt", "America/Los_Angeles"},
    {"pt", "America/Los_Angeles"},       {"us/pacific", "America/Los_Angeles"},
    {"alaska", "America/Anchorage"},     {"akst", "America/Anchorage"},
    {"akdt", "America/Anchorage"},       {"us/alaska", "America/Anchorage"},
    {"hawaii", "Pacific/Honolulu"},      {"hst", "Pacific/Honolulu"},
    {"us/hawaii", "Pacific/Honolulu"},   {"utc", "UTC"},
    {"gmt", "UTC"},
};

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> NormalizeStateCode(std::string_view raw) {
  std::string text = AsciiLower(TidySpaces(raw));
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (text.empty()) return std::nullopt;
  for (const State& s : kStates) {
    if (s.name == text || EqualsIgnoreCase(s.code, text)) {
      return std::string(s.code);
    }
  }
  return std::nullopt;
}

std::optional<std::string> NormalizeZip(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.size() == 4 && AllDigits(s)) return Cat("0", s);
  if (s.size() == 5 && AllDigits(s)) return std::string(s);
  if (s.size() == 9 && AllDigits(s)) {
    return Cat(s.substr(0, 5), "-", s.substr(5));
  }
  if (s.size() == 10 && s[5] == '-' && AllDigits(s.substr(0, 5)) &&
      AllDigits(s.substr(6))) {
    return std::string(s);
  }
  return std::nullopt;
}

std::optional<std::string> NormalizeTimeZoneName(std::string_view raw) {
  const std::string_view s = Trim(raw);
  if (s.empty()) return std::nullopt;
  const std::string lower = AsciiLower(s);
  for (const ZoneAlias& a : kZoneAliases) {
    if (a.alias == lower) return std::string(a.zone);
  }
  // An IANA ID: Area/Location[/Sub] of letters, digits, '_', '-', '+'.
  const size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || s.back() == '/' ||
      !absl::ascii_isupper(static_cast<unsigned char>(s[0]))) {
    return std::nullopt;
  }
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '/' &&
        c != '_' && c != '-' && c != '+') {
      return std::nullopt;
    }
  }
  return std::string(s);
}

}  // namespace dialer::ingest
