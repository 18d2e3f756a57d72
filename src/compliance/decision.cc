#include "compliance/decision.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace dialer::compliance {
namespace {

void AppendJsonString(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", c);
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

std::string Instant(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", t, absl::UTCTimeZone());
}

std::string Civil(absl::CivilSecond cs) { return absl::FormatCivilTime(cs); }

template <typename Container, typename F>
void AppendArray(std::string& out, const Container& v, F element) {
  out += '[';
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(out, element(v[i]));
  }
  out += ']';
}

void AppendTimeOrNull(std::string& out, absl::Time t) {
  if (t == absl::InfiniteFuture() || t == absl::InfinitePast()) {
    out += "null";
  } else {
    AppendJsonString(out, Instant(t));
  }
}

}  // namespace

bool Decision::Has(Reason r) const {
  return std::find(reasons.begin(), reasons.end(), r) != reasons.end();
}

std::string_view DialModeName(DialMode mode) {
  switch (mode) {
    case DialMode::kPower: return "power";
    case DialMode::kParallel: return "parallel";
    case DialMode::kPredictive: return "predictive";
  }
  return "unknown";
}

std::string DecisionToJson(const Decision& d) {
  std::string out;
  out.reserve(512);
  out += "{\"allowed\":";
  out += d.allowed ? "true" : "false";
  out += ",\"reasons\":";
  AppendArray(out, d.reasons, [](Reason r) { return ReasonCode(r); });
  out += ",\"zones\":";
  AppendArray(out, d.zones, [](const std::string& z) { return std::string_view(z); });
  out += ",\"local_times\":";
  AppendArray(out, d.local_times, [](absl::CivilSecond cs) { return Civil(cs); });
  out += ",\"retry_at\":";
  AppendTimeOrNull(out, d.retry_at);
  out += ",\"at\":";
  AppendTimeOrNull(out, d.at);
  out += ",\"inputs\":{\"phone\":";
  AppendJsonString(out, d.phone_e164);
  out += ",\"state\":";
  AppendJsonString(out, d.contact_state);
  out += ",\"zip\":";
  AppendJsonString(out, d.zip);
  out += ",\"time_zone\":";
  AppendJsonString(out, d.time_zone);
  out += ",\"states\":";
  AppendArray(out, d.states, [](const std::string& s) { return std::string_view(s); });
  out += ",\"campaign_id\":";
  AppendJsonString(out, d.campaign_id);
  out += ",\"subject\":";
  AppendJsonString(out, d.subject);
  out += ",\"caller_id\":";
  AppendJsonString(out, d.caller_id);
  out += ",\"mode\":";
  AppendJsonString(out, DialModeName(d.mode));
  out += ",\"abandon_state\":";
  AppendJsonString(out, AbandonStateName(d.abandon_state));
  absl::StrAppend(&out, ",\"attempts_24h\":", d.attempts_24h,
                  ",\"attempts_general\":", d.attempts_general, ",\"last_conversation\":");
  AppendTimeOrNull(out, d.last_conversation);
  out += "}}";
  return out;
}

std::string DecisionToText(const Decision& d) {
  std::vector<std::string> zones;
  for (size_t i = 0; i < d.zones.size(); ++i) {
    zones.push_back(absl::StrCat(d.zones[i], " ", Civil(d.local_times[i])));
  }
  std::string out = absl::StrCat(
      d.allowed ? "ALLOWED" : "REFUSED", " ", d.phone_e164, " campaign ", d.campaign_id,
      " at ", Instant(d.at));
  if (!d.allowed) {
    absl::StrAppend(&out, " reasons [",
                    absl::StrJoin(d.reasons, ",",
                                  [](std::string* s, Reason r) {
                                    s->append(ReasonCode(r));
                                  }),
                    "]");
    absl::StrAppend(&out, " retry_at ",
                    d.retry_at == absl::InfiniteFuture() ? "never" : Instant(d.retry_at));
  }
  absl::StrAppend(&out, " zones [", absl::StrJoin(zones, "; "), "] states [",
                  absl::StrJoin(d.states, ","), "]");
  return out;
}

}  // namespace dialer::compliance
