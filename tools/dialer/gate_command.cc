// `dialer gate`: asks the compliance gate about one contact at one instant.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "boost/json.hpp"
#include "command.h"
#include "compliance/dnc_registry_loader.h"
#include "compliance/gate.h"

namespace dialer::tools {
namespace {

namespace json = boost::json;
using compliance::AbandonState;
using compliance::DailyWindow;
using compliance::GateCampaign;
using compliance::GateContact;

constexpr char kUsage[] =
    "usage: dialer gate --contact JSON --at ISO-8601-INSTANT [--campaign JSON]\n"
    "                   [--attempts-24h N] [--dnc FILE] [--json]\n"
    "  --contact   {\"phone\":\"+12125550100\",\"state\":\"NY\",\"zip\":\"\",\"time_zone\":\"\"}\n"
    "  --at        e.g. 2026-03-08T13:30:00Z or 2026-03-08T08:30:00-05:00\n"
    "  --campaign  {\"id\",\"subject\",\"window\":{\"start\":\"09:00\",\"end\":\"20:00\"},\n"
    "               \"max_attempts_per_24h\",\"general_cap\":{\"count\",\"window_hours\",\n"
    "               \"cool_off_hours\"},\"allowed_caller_ids\":[...],\"caller_id\",\n"
    "               \"abandon_state\":\"normal|approaching|throttle|stop\",\n"
    "               \"mode\":\"power|parallel|predictive\"}\n"
    "  --dnc       a registry file (one 10-digit number per line) used as the\n"
    "              national list\n"
    "Prints every rule that says no (reason codes: docs/compliance.md).\n";

absl::StatusOr<json::object> ParseObject(std::string_view text, absl::string_view flag) {
  boost::system::error_code ec;
  json::value v = json::parse(json::string_view(text.data(), text.size()), ec);
  if (ec) return absl::InvalidArgumentError(absl::StrCat(flag, ": invalid JSON: ", ec.message()));
  if (!v.is_object()) return absl::InvalidArgumentError(absl::StrCat(flag, ": must be a JSON object"));
  return v.as_object();
}

absl::StatusOr<std::string> StringField(const json::object& o, absl::string_view flag,
                                        absl::string_view name) {
  const json::value* v = o.if_contains(json::string_view(name.data(), name.size()));
  if (v == nullptr || v->is_null()) return std::string();
  if (!v->is_string()) {
    return absl::InvalidArgumentError(absl::StrCat(flag, ": field \"", name, "\" must be a string"));
  }
  return std::string(v->as_string());
}

absl::StatusOr<int64_t> IntField(const json::object& o, absl::string_view flag,
                                 absl::string_view name) {
  const json::value* v = o.if_contains(json::string_view(name.data(), name.size()));
  if (v == nullptr || v->is_null()) return 0;
  if (v->is_int64() && v->as_int64() >= 0) return v->as_int64();
  if (v->is_uint64()) return static_cast<int64_t>(v->as_uint64());
  return absl::InvalidArgumentError(
      absl::StrCat(flag, ": field \"", name, "\" must be a non-negative integer"));
}

absl::StatusOr<int> Minute(const json::object& o, absl::string_view field) {
  auto s = StringField(o, "--campaign", field);
  if (!s.ok()) return s.status();
  int h = 0, m = 0;
  if (s->size() == 5 && (*s)[2] == ':' && std::sscanf(s->c_str(), "%2d:%2d", &h, &m) == 2 &&
      h >= 0 && m >= 0 && m < 60 && h * 60 + m <= 24 * 60) {
    return h * 60 + m;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--campaign: field \"window.", field, "\" must be HH:MM, got '", *s, "'"));
}

absl::StatusOr<GateContact> ParseContact(std::string_view text) {
  auto o = ParseObject(text, "--contact");
  if (!o.ok()) return o.status();
  for (const auto& kv : *o) {
    const absl::string_view key(kv.key().data(), kv.key().size());
    if (key != "phone" && key != "state" && key != "zip" && key != "time_zone") {
      return absl::InvalidArgumentError(absl::StrCat("--contact: unknown field \"", key,
                                                     "\" (phone, state, zip, time_zone)"));
    }
  }
  GateContact c;
  for (auto [name, out] : {std::pair<const char*, std::string*>{"phone", &c.phone_e164},
                           {"state", &c.state}, {"zip", &c.zip}, {"time_zone", &c.time_zone}}) {
    auto s = StringField(*o, "--contact", name);
    if (!s.ok()) return s.status();
    *out = *s;
  }
  if (c.phone_e164.empty()) return absl::InvalidArgumentError("--contact: field \"phone\" is required");
  return c;
}

absl::StatusOr<GateCampaign> ParseCampaign(std::string_view text) {
  auto o = ParseObject(text, "--campaign");
  if (!o.ok()) return o.status();
  GateCampaign k;
  for (auto [name, out] : {std::pair<const char*, std::string*>{"id", &k.id},
                           {"subject", &k.subject}, {"caller_id", &k.caller_id}}) {
    auto s = StringField(*o, "--campaign", name);
    if (!s.ok()) return s.status();
    *out = *s;
  }
  if (const json::value* w = o->if_contains("window")) {
    if (!w->is_object()) return absl::InvalidArgumentError("--campaign: field \"window\" must be an object");
    auto start = Minute(w->as_object(), "start");
    if (!start.ok()) return start.status();
    auto end = Minute(w->as_object(), "end");
    if (!end.ok()) return end.status();
    k.SetDailyWindow({*start, *end});
  }
  auto cap = IntField(*o, "--campaign", "max_attempts_per_24h");
  if (!cap.ok()) return cap.status();
  k.max_attempts_per_24h = static_cast<int>(*cap);
  if (const json::value* g = o->if_contains("general_cap")) {
    if (!g->is_object()) return absl::InvalidArgumentError("--campaign: field \"general_cap\" must be an object");
    auto count = IntField(g->as_object(), "--campaign general_cap", "count");
    auto window = IntField(g->as_object(), "--campaign general_cap", "window_hours");
    auto cool = IntField(g->as_object(), "--campaign general_cap", "cool_off_hours");
    for (const auto* s : {&count, &window, &cool}) {
      if (!s->ok()) return s->status();
    }
    k.general_cap = {static_cast<int>(*count), absl::Hours(*window), absl::Hours(*cool)};
  }
  if (const json::value* ids = o->if_contains("allowed_caller_ids")) {
    if (!ids->is_array()) {
      return absl::InvalidArgumentError("--campaign: field \"allowed_caller_ids\" must be an array");
    }
    for (const json::value& id : ids->as_array()) {
      if (!id.is_string()) {
        return absl::InvalidArgumentError("--campaign: \"allowed_caller_ids\" must hold strings");
      }
      k.allowed_caller_ids.insert(std::string(id.as_string()));
    }
  }
  auto state = StringField(*o, "--campaign", "abandon_state");
  if (!state.ok()) return state.status();
  if (!state->empty()) {
    bool found = false;
    for (AbandonState s : {AbandonState::kNormal, AbandonState::kApproaching,
                           AbandonState::kThrottle, AbandonState::kStop}) {
      if (compliance::AbandonStateName(s) == *state) {
        k.abandon_state = s;
        found = true;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--campaign: field \"abandon_state\" must be normal|approaching|throttle|stop, got '",
          *state, "'"));
    }
  }
  auto mode = StringField(*o, "--campaign", "mode");
  if (!mode.ok()) return mode.status();
  if (!mode->empty()) {
    bool found = false;
    for (DialMode m : {DialMode::kPower, DialMode::kParallel, DialMode::kPredictive}) {
      if (compliance::DialModeName(m) == *mode) {
        k.mode = m;
        found = true;
      }
    }
    if (!found) {
      return absl::InvalidArgumentError(absl::StrCat(
          "--campaign: field \"mode\" must be power|parallel|predictive, got '", *mode, "'"));
    }
  }
  return k;
}

int Fail(const absl::Status& status) {
  std::cerr << "dialer gate: " << status.message() << "\n";
  return 2;
}

int RunGateCommand(int argc, char** argv) {
  std::optional<std::string> contact_json, at_text, campaign_json, dnc_path;
  int attempts = 0;
  bool as_json = false;
  for (int i = 1; i < argc; ++i) {
    const absl::string_view arg = argv[i];
    auto value = [&](std::optional<std::string>& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    if (arg == "--json") {
      as_json = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--contact") {
      if (!value(contact_json)) return Fail(absl::InvalidArgumentError("--contact needs a value"));
    } else if (arg == "--at") {
      if (!value(at_text)) return Fail(absl::InvalidArgumentError("--at needs a value"));
    } else if (arg == "--campaign") {
      if (!value(campaign_json)) return Fail(absl::InvalidArgumentError("--campaign needs a value"));
    } else if (arg == "--dnc") {
      if (!value(dnc_path)) return Fail(absl::InvalidArgumentError("--dnc needs a value"));
    } else if (arg == "--attempts-24h") {
      std::optional<std::string> n;
      if (!value(n) || std::sscanf(n->c_str(), "%d", &attempts) != 1 || attempts < 0) {
        return Fail(absl::InvalidArgumentError("--attempts-24h needs a non-negative integer"));
      }
    } else {
      std::cerr << kUsage;
      return Fail(absl::InvalidArgumentError(absl::StrCat("unknown argument '", arg, "'")));
    }
  }
  if (!contact_json || !at_text) {
    std::cerr << kUsage;
    return Fail(absl::InvalidArgumentError("--contact and --at are required"));
  }
  auto contact = ParseContact(*contact_json);
  if (!contact.ok()) return Fail(contact.status());
  absl::Time at;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, *at_text, &at, &error)) {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("--at: '", *at_text, "' is not an ISO-8601 instant with offset: ", error)));
  }
  GateCampaign campaign;
  campaign.check_caller_id = false;
  if (campaign_json) {
    auto parsed = ParseCampaign(*campaign_json);
    if (!parsed.ok()) return Fail(parsed.status());
    campaign = *std::move(parsed);
  }
  auto rules = compliance::Rules::Default();
  if (!rules.ok()) return Fail(rules.status());
  compliance::DncLists dnc;
  if (dnc_path) {
    compliance::DncSetBuilder builder;
    auto report = compliance::LoadDncRegistryFile(*dnc_path, &builder);
    if (!report.ok()) return Fail(report.status());
    if (report->bad > 0) {
      std::cerr << "dialer gate: " << *dnc_path << ": " << report->bad << " bad line(s), first at line "
                << report->first_bad[0].line << "\n";
    }
    dnc.SetNational(std::move(builder).Build());
    rules->dnc = &dnc;
  }
  compliance::GateCounters counters;
  counters.attempts_24h = attempts;
  const compliance::Gate gate(*rules);
  const compliance::Decision d = gate.Check(*contact, campaign, counters, at);
  std::cout << (as_json ? compliance::DecisionToJson(d) : compliance::DecisionToText(d)) << "\n";
  return d.allowed ? 0 : 1;
}

}  // namespace

DIALER_REGISTER_COMMAND("gate", "ask the compliance gate whether a contact may be called at an instant",
                        RunGateCommand);

}  // namespace dialer::tools
