// ParseScenario: JSON (Boost.JSON) to Scenario. Type and key errors are found
// here; ranges are checked by ValidateScenario.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/absl_view.h"
#include "dialer/simulator.h"
#include "sim/distribution.h"
#include "sim/scenario_validation.h"

namespace dialer {
inline namespace v1 {
namespace {

namespace json = boost::json;
using Kind = DurationDistribution::Kind;

std::string Describe(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object:
      return "an object";
    case json::kind::array:
      return "an array";
    case json::kind::string: {
      std::string s = json::serialize(v);
      if (s.size() > 60) s = s.substr(0, 57) + "...";
      return s;
    }
    case json::kind::double_:
      return absl::StrCat(v.get_double());
    default:
      return json::serialize(v);
  }
}

bool IsIdentifier(std::string_view key) {
  if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) {
    return false;
  }
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

std::string Child(std::string_view path, std::string_view key) {
  if (IsIdentifier(key)) return absl::StrCat(AbslView(path), ".", AbslView(key));
  return absl::StrCat(AbslView(path), "[",
                      json::serialize(json::string(key.data(), key.size())),
                      "]");
}

// The first error of a parse; later failures are ignored.
class Errors {
 public:
  bool ok() const { return status_.ok(); }
  const absl::Status& status() const { return status_; }
  void Fail(std::string_view path, std::string_view message) {
    if (ok()) {
      status_ = absl::InvalidArgumentError(
          absl::StrCat(AbslView(path), ": ", AbslView(message)));
    }
  }
  void Set(absl::Status status) {
    if (ok()) status_ = std::move(status);
  }
  void Expected(std::string_view path, std::string_view what,
                const json::value& got) {
    Fail(path, absl::StrCat("expected ", AbslView(what), ", got ", Describe(got)));
  }

 private:
  absl::Status status_;
};

// Reads one JSON object's members; Finish() rejects the keys nobody read.
class ObjectReader {
 public:
  ObjectReader(Errors& errors, const json::value& v, std::string path)
      : errors_(errors), path_(std::move(path)) {
    object_ = v.if_object();
    if (object_ == nullptr) errors_.Expected(path_, "an object", v);
  }

  bool valid() const { return object_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view key) const { return Child(path_, key); }

  const json::value* Find(std::string_view key) {
    known_.emplace_back(key);
    if (object_ == nullptr) return nullptr;
    return object_->if_contains(key);
  }

  const json::value* Require(std::string_view key) {
    const json::value* v = Find(key);
    if (v == nullptr && object_ != nullptr) {
      errors_.Fail(PathOf(key), "required key is missing");
    }
    return v;
  }

  void Finish() {
    if (object_ == nullptr) return;
    for (const auto& member : *object_) {
      bool known = false;
      for (const std::string& k : known_) known = known || k == member.key();
      if (!known) {
        errors_.Fail(PathOf(member.key()),
                     absl::StrCat("unknown key (expected one of ",
                                  absl::StrJoin(known_, "|"), ")"));
      }
    }
  }

 private:
  Errors& errors_;
  std::string path_;
  const json::object* object_ = nullptr;
  std::vector<std::string> known_;
};

std::optional<double> AsNumber(Errors& errors, const json::value& v,
                               std::string_view path) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  errors.Expected(path, "a number", v);
  return std::nullopt;
}

std::optional<int64_t> AsInteger(Errors& errors, const json::value& v,
                                 std::string_view path) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_double() && std::trunc(v.get_double()) == v.get_double() &&
      std::abs(v.get_double()) < 9e15) {
    return static_cast<int64_t>(v.get_double());
  }
  errors.Expected(path, "an integer", v);
  return std::nullopt;
}

void ReadNumber(ObjectReader& r, Errors& errors, std::string_view key,
                double& out) {
  if (const json::value* v = r.Find(key)) {
    if (auto n = AsNumber(errors, *v, r.PathOf(key))) out = *n;
  }
}

template <typename Int>
void ReadInteger(ObjectReader& r, Errors& errors, std::string_view key,
                 Int& out) {
  if (const json::value* v = r.Find(key)) {
    if (auto n = AsInteger(errors, *v, r.PathOf(key))) {
      if (*n < std::numeric_limits<Int>::min() ||
          *n > std::numeric_limits<Int>::max()) {
        errors.Expected(r.PathOf(key), "a smaller integer", *v);
      } else {
        out = static_cast<Int>(*n);
      }
    }
  }
}

void ReadString(ObjectReader& r, Errors& errors, std::string_view key,
                std::string& out) {
  if (const json::value* v = r.Find(key)) {
    if (const json::string* s = v->if_string()) {
      out = std::string(*s);
    } else {
      errors.Expected(r.PathOf(key), "a string", *v);
    }
  }
}

void ReadBool(ObjectReader& r, Errors& errors, std::string_view key,
              bool& out) {
  if (const json::value* v = r.Find(key)) {
    if (v->is_bool()) {
      out = v->get_bool();
    } else {
      errors.Expected(r.PathOf(key), "true or false", *v);
    }
  }
}

void ParseDistribution(Errors& errors, const json::value& v,
                       const std::string& path, DurationDistribution& out) {
  ObjectReader r(errors, v, path);
  if (!r.valid()) return;
  const json::value* dist = r.Require("dist");
  if (dist == nullptr) return;
  static constexpr std::string_view kNames =
      "const|exponential|lognormal|uniform|empirical";
  const json::string* name = dist->if_string();
  DurationDistribution d;
  auto require_number = [&](std::string_view key, double& field) {
    if (const json::value* n = r.Require(key)) {
      if (auto x = AsNumber(errors, *n, r.PathOf(key))) field = *x;
    }
  };
  if (name != nullptr && *name == "const") {
    d.kind = Kind::kConst;
    require_number("value", d.value);
  } else if (name != nullptr && *name == "exponential") {
    d.kind = Kind::kExponential;
    require_number("mean", d.mean);
  } else if (name != nullptr && *name == "lognormal") {
    d.kind = Kind::kLognormal;
    require_number("mean", d.mean);
    require_number("cv", d.cv);
  } else if (name != nullptr && *name == "uniform") {
    d.kind = Kind::kUniform;
    require_number("min", d.min);
    require_number("max", d.max);
  } else if (name != nullptr && *name == "empirical") {
    d.kind = Kind::kEmpirical;
    if (const json::value* values = r.Require("values")) {
      const std::string values_path = r.PathOf("values");
      if (const json::array* a = values->if_array()) {
        for (size_t i = 0; i < a->size(); ++i) {
          if (auto x = AsNumber(errors, (*a)[i],
                                absl::StrCat(values_path, "[", i, "]"))) {
            d.values.push_back(*x);
          }
        }
      } else {
        errors.Expected(values_path, "an array of numbers", *values);
      }
    }
  } else {
    errors.Expected(r.PathOf("dist"), absl::StrCat("one of ", AbslView(kNames)), *dist);
    return;
  }
  r.Finish();
  if (!errors.ok()) return;
  if (auto st = sim::Validate(d, path); !st.ok()) {
    errors.Set(std::move(st));
    return;
  }
  out = std::move(d);
}

void ReadDistribution(ObjectReader& r, Errors& errors, std::string_view key,
                      DurationDistribution& out) {
  if (const json::value* v = r.Find(key)) {
    ParseDistribution(errors, *v, r.PathOf(key), out);
  }
}

void ParseAgents(Errors& errors, const json::value& v, Scenario::Agents& out) {
  ObjectReader r(errors, v, "$.agents");
  if (!r.valid()) return;
  ReadInteger(r, errors, "count", out.count);
  ReadDistribution(r, errors, "wrap_s", out.wrap_s);
  if (const json::value* breaks = r.Find("breaks")) {
    const json::array* a = breaks->if_array();
    if (a == nullptr) {
      errors.Expected(r.PathOf("breaks"), "an array", *breaks);
    } else {
      out.breaks.clear();
      for (size_t i = 0; i < a->size(); ++i) {
        ObjectReader b(errors, (*a)[i], absl::StrCat("$.agents.breaks[", i, "]"));
        if (!b.valid()) break;
        AgentBreak item;
        for (auto [key, field] : {std::pair{"at_s", &item.at_s},
                                  std::pair{"for_s", &item.for_s},
                                  std::pair{"fraction", &item.fraction}}) {
          if (const json::value* n = b.Require(key)) {
            if (auto x = AsNumber(errors, *n, b.PathOf(key))) *field = *x;
          }
        }
        b.Finish();
        out.breaks.push_back(item);
      }
    }
  }
  r.Finish();
}

void ParseContacts(Errors& errors, const json::value& v,
                   Scenario::Contacts& out, bool& zones_given) {
  ObjectReader r(errors, v, "$.contacts");
  if (!r.valid()) return;
  ReadInteger(r, errors, "count", out.count);
  if (const json::value* zones = r.Find("time_zones")) {
    zones_given = true;
    ObjectReader z(errors, *zones, r.PathOf("time_zones"));
    if (const json::object* o = zones->if_object()) {
      out.time_zones.clear();
      for (const auto& member : *o) {
        double weight = 0;
        ReadNumber(z, errors, member.key(), weight);
        out.time_zones.emplace_back(std::string(member.key()), weight);
      }
    }
  }
  ReadString(r, errors, "csv", out.csv);
  ReadNumber(r, errors, "dnc_fraction", out.dnc_fraction);
  r.Finish();
}

void ParseOutcomes(Errors& errors, const json::value& v,
                   Scenario::Outcomes& out) {
  ObjectReader r(errors, v, "$.outcomes");
  if (!r.valid()) return;
  ReadNumber(r, errors, "human", out.human);
  ReadNumber(r, errors, "machine", out.machine);
  ReadNumber(r, errors, "busy", out.busy);
  ReadNumber(r, errors, "failed", out.failed);
  if (const json::value* by_hour = r.Find("human_by_hour")) {
    ObjectReader h(errors, *by_hour, r.PathOf("human_by_hour"));
    if (const json::object* o = by_hour->if_object()) {
      out.human_by_hour.clear();
      for (const auto& member : *o) {
        double hour = 0;
        if (!absl::SimpleAtod(
                absl::string_view(member.key().data(), member.key().size()),
                &hour)) {
          errors.Fail(h.PathOf(member.key()),
                      "expected an hour in [0, 24] as the key");
          break;
        }
        double p = 0;
        ReadNumber(h, errors, member.key(), p);
        out.human_by_hour.emplace_back(hour, p);
      }
      std::stable_sort(
          out.human_by_hour.begin(), out.human_by_hour.end(),
          [](const auto& a, const auto& b) { return a.first < b.first; });
    }
  }
  r.Finish();
}

void ParseAmd(Errors& errors, const json::value& v, Scenario::Amd& out) {
  ObjectReader r(errors, v, "$.amd");
  if (!r.valid()) return;
  ReadDistribution(r, errors, "latency_s", out.latency_s);
  ReadNumber(r, errors, "human_as_machine", out.human_as_machine);
  ReadNumber(r, errors, "machine_as_human", out.machine_as_human);
  r.Finish();
}

void ParseCampaign(Errors& errors, const json::value& v,
                   Scenario::Campaign& out) {
  ObjectReader r(errors, v, "$.campaign");
  if (!r.valid()) return;
  if (const json::value* mode = r.Find("mode")) {
    const json::string* s = mode->if_string();
    if (s != nullptr &&
        (*s == "power" || *s == "parallel" || *s == "predictive")) {
      out.mode = std::string(*s);
    } else {
      errors.Expected(r.PathOf("mode"), "one of power|parallel|predictive",
                      *mode);
    }
  }
  ReadInteger(r, errors, "lines_per_agent", out.lines_per_agent);
  ReadNumber(r, errors, "abandon_limit", out.abandon_limit);
  ReadBool(r, errors, "voicemail_drop", out.voicemail_drop);
  r.Finish();
}

void ParseTop(Errors& errors, const json::value& root, Scenario& s,
              bool& zones_given) {
  ObjectReader r(errors, root, "$");
  if (!r.valid()) return;
  if (const json::value* format = r.Require("format")) {
    if (!(format->is_int64() && format->get_int64() == 1)) {
      errors.Expected("$.format", "1 (the only format version)", *format);
    }
  }
  ReadString(r, errors, "name", s.name);
  ReadString(r, errors, "description", s.description);
  if (const json::value* seed = r.Find("seed")) {
    if (seed->is_uint64()) {
      s.seed = seed->get_uint64();
    } else if (seed->is_int64() && seed->get_int64() >= 0) {
      s.seed = static_cast<uint64_t>(seed->get_int64());
    } else {
      errors.Expected("$.seed", "an integer in [0, 2^64)", *seed);
    }
  }
  if (const json::value* start = r.Find("start")) {
    const json::string* text = start->if_string();
    if (text == nullptr ||
        !absl::ParseCivilTime(absl::string_view(text->data(), text->size()),
                              &s.start)) {
      errors.Expected("$.start",
                      "a local time like \"2026-03-10T09:00:00\"", *start);
    }
  }
  ReadString(r, errors, "time_zone", s.time_zone);
  ReadNumber(r, errors, "duration_s", s.duration_s);
  if (const json::value* v = r.Find("agents")) ParseAgents(errors, *v, s.agents);
  if (const json::value* v = r.Find("contacts")) {
    ParseContacts(errors, *v, s.contacts, zones_given);
  }
  if (const json::value* v = r.Find("outcomes")) {
    ParseOutcomes(errors, *v, s.outcomes);
  }
  ReadDistribution(r, errors, "ring_to_answer_s", s.ring_to_answer_s);
  ReadNumber(r, errors, "no_answer_after_s", s.no_answer_after_s);
  if (const json::value* v = r.Find("amd")) ParseAmd(errors, *v, s.amd);
  ReadDistribution(r, errors, "talk_s", s.talk_s);
  ReadDistribution(r, errors, "patience_s", s.patience_s);
  ReadDistribution(r, errors, "bridge_delay_s", s.bridge_delay_s);
  if (const json::value* v = r.Find("campaign")) {
    ParseCampaign(errors, *v, s.campaign);
  }
  r.Finish();
}

// Line and column (1-based) of byte `offset` in `text`.
std::string Position(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return absl::StrCat("line ", line, ", column ", column);
}

}  // namespace

Scenario::Scenario()
    : ring_to_answer_s(sim::LognormalDist(11, 0.45)),
      talk_s(sim::LognormalDist(150, 1.0)),
      patience_s(sim::ExponentialDist(4)),
      bridge_delay_s(sim::ConstDist(0.4)) {
  agents.wrap_s = sim::LognormalDist(30, 0.5);
  amd.latency_s = sim::LognormalDist(2.2, 0.3);
}

absl::StatusOr<Scenario> ParseScenario(std::string_view text) {
  json::parse_options options;
  options.allow_comments = false;
  json::stream_parser parser({}, options);
  boost::system::error_code ec;
  size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("$: invalid JSON at ", Position(text, consumed), ": ",
                     ec.message()));
  }
  json::value root = parser.release();

  Scenario scenario;
  Errors errors;
  bool zones_given = false;
  ParseTop(errors, root, scenario, zones_given);
  if (!errors.ok()) return errors.status();
  if (!zones_given && scenario.contacts.csv.empty()) {
    scenario.contacts.time_zones.emplace_back(scenario.time_zone, 1.0);
  }
  if (auto st = sim::ValidateScenario(scenario); !st.ok()) return st;
  return scenario;
}

}  // namespace v1
}  // namespace dialer
