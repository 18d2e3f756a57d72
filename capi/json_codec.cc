#include "capi/json_codec.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>

#include <boost/json.hpp>

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"
#include "core/enum_names.h"
#include "ingest/assignment.h"
#include "ingest/column_mapping.h"

namespace dialer::capi {
namespace {

namespace json = boost::json;

std::string Kind(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_: return "a number";
    case json::kind::string: return "a string";
    case json::kind::array: return "an array";
    case json::kind::object: return "an object";
  }
  return "a value";
}

std::string KeyStr(json::string_view k) { return std::string(k.data(), k.size()); }

json::value TimeUs(absl::Time t) {
  if (t == absl::InfinitePast()) return nullptr;
  return absl::ToUnixMicros(t);
}

double Seconds(absl::Duration d) { return absl::ToDoubleSeconds(d); }

// Seconds, with absl::InfiniteDuration() as null (the inverse of
// Reader::DurationSOrInfinite).
json::value SecondsOrNull(absl::Duration d) {
  if (d == absl::InfiniteDuration()) return nullptr;
  return Seconds(d);
}

// Reads one JSON object strictly: every key must be consumed by a getter, and
// the first problem wins.
class Reader {
 public:
  Reader(const json::value& v, std::string path) : path_(std::move(path)) {
    object_ = v.if_object();
    if (object_ == nullptr) {
      Fail(path_, absl::StrCat("expected an object, got ", Kind(v)));
    }
  }

  const json::value* Get(std::string_view key) {
    if (object_ == nullptr) return nullptr;
    seen_.insert(std::string(key));
    auto it = object_->find(AbslKey(key));
    if (it == object_->end() || it->value().is_null()) return nullptr;
    return &it->value();
  }

  void Str(std::string_view key, std::string* out) {
    if (const json::value* v = Get(key)) {
      if (const json::string* s = v->if_string()) {
        out->assign(s->data(), s->size());
      } else {
        Fail(Path(key), absl::StrCat("expected a string, got ", Kind(*v)));
      }
    }
  }

  template <typename Int>
  void Integer(std::string_view key, Int* out) {
    if (const json::value* v = Get(key)) {
      std::optional<int64_t> i = AsInt(*v);
      if (!i || *i < static_cast<int64_t>(std::numeric_limits<Int>::min()) ||
          *i > static_cast<int64_t>(std::numeric_limits<Int>::max())) {
        Fail(Path(key), absl::StrCat("expected an integer, got ",
                                     json::serialize(*v)));
        return;
      }
      *out = static_cast<Int>(*i);
    }
  }

  void Number(std::string_view key, double* out) {
    if (const json::value* v = Get(key)) {
      if (!v->is_number()) {
        Fail(Path(key), absl::StrCat("expected a number, got ", Kind(*v)));
        return;
      }
      *out = v->to_number<double>();
    }
  }

  void Bool(std::string_view key, bool* out) {
    if (const json::value* v = Get(key)) {
      if (!v->is_bool()) {
        Fail(Path(key), absl::StrCat("expected true or false, got ", Kind(*v)));
        return;
      }
      *out = v->get_bool();
    }
  }

  void DurationS(std::string_view key, absl::Duration* out) {
    if (const json::value* v = Get(key)) {
      if (auto d = SecondsValue(*v, Path(key))) *out = *d;
    }
  }

  // A list of durations in seconds; each entry is checked like DurationS.
  void DurationList(std::string_view key, std::vector<absl::Duration>* out) {
    if (const json::value* v = Get(key)) {
      const json::array* a = v->if_array();
      if (a == nullptr) {
        Fail(Path(key), absl::StrCat("expected an array, got ", Kind(*v)));
        return;
      }
      std::vector<absl::Duration> list;
      for (size_t i = 0; i < a->size(); ++i) {
        auto d = SecondsValue((*a)[i], absl::StrCat(Path(key), "[", i, "]"));
        if (!d) return;
        list.push_back(*d);
      }
      *out = std::move(list);
    }
  }

  // An object of durations in seconds by name; each checked like DurationS.
  template <typename Map>
  void DurationMap(std::string_view key, Map* out) {
    if (const json::value* v = Get(key)) {
      const json::object* o = v->if_object();
      if (o == nullptr) {
        Fail(Path(key), absl::StrCat("expected an object, got ", Kind(*v)));
        return;
      }
      Map map;
      for (const auto& [k, item] : *o) {
        auto d = SecondsValue(item, absl::StrCat(Path(key), ".", KeyStr(k)));
        if (!d) return;
        map[KeyStr(k)] = *d;
      }
      *out = std::move(map);
    }
  }

  // As DurationS, and an explicit null is absl::InfiniteDuration() (an
  // omitted key keeps *out).
  void DurationSOrInfinite(std::string_view key, absl::Duration* out) {
    if (IsNull(key)) {
      seen_.insert(std::string(key));
      *out = absl::InfiniteDuration();
      return;
    }
    DurationS(key, out);
  }

  // True when the object has `key` with the value null.
  bool IsNull(std::string_view key) const {
    if (object_ == nullptr) return false;
    auto it = object_->find(AbslKey(key));
    return it != object_->end() && it->value().is_null();
  }

  void Instant(std::string_view key, absl::Time* out) {
    int64_t us = 0;
    if (Get(key) == nullptr) return;
    Integer(key, &us);
    if (ok()) *out = absl::FromUnixMicros(us);
  }

  void StrList(std::string_view key, std::vector<std::string>* out) {
    if (const json::value* v = Get(key)) {
      const json::array* a = v->if_array();
      if (a == nullptr) {
        Fail(Path(key), absl::StrCat("expected an array, got ", Kind(*v)));
        return;
      }
      out->clear();
      for (size_t i = 0; i < a->size(); ++i) {
        const json::string* s = (*a)[i].if_string();
        if (s == nullptr) {
          Fail(absl::StrCat(Path(key), "[", i, "]"),
               absl::StrCat("expected a string, got ", Kind((*a)[i])));
          return;
        }
        out->emplace_back(s->data(), s->size());
      }
    }
  }

  template <typename Map>
  void StrMap(std::string_view key, Map* out) {
    if (const json::value* v = Get(key)) {
      const json::object* o = v->if_object();
      if (o == nullptr) {
        Fail(Path(key), absl::StrCat("expected an object, got ", Kind(*v)));
        return;
      }
      out->clear();
      for (const auto& [k, item] : *o) {
        const json::string* s = item.if_string();
        if (s == nullptr) {
          Fail(absl::StrCat(Path(key), ".", KeyStr(k)),
               absl::StrCat("expected a string, got ", Kind(item)));
          return;
        }
        out->emplace(std::string(k.data(), k.size()),
                     std::string(s->data(), s->size()));
      }
    }
  }

  template <typename Enum>
  void EnumName(std::string_view key, Enum* out,
                std::optional<Enum> (*parse)(std::string_view),
                std::string_view expected) {
    std::string name;
    if (Get(key) == nullptr) return;
    Str(key, &name);
    if (!ok()) return;
    std::optional<Enum> e = parse(name);
    if (!e) {
      Fail(Path(key), absl::StrCat("expected one of ", AbslView(expected),
                                   ", got \"", name, "\""));
      return;
    }
    *out = *e;
  }

  // Reports the first key no getter asked for.
  absl::Status Finish() {
    if (status_.ok() && object_ != nullptr) {
      for (const auto& [k, v] : *object_) {
        if (!seen_.contains(std::string(k.data(), k.size()))) {
          Fail(absl::StrCat(path_, ".", KeyStr(k)), "unknown key");
          break;
        }
      }
    }
    return status_;
  }

  std::string Path(std::string_view key) const {
    return absl::StrCat(path_, ".", AbslView(key));
  }
  bool ok() const { return status_.ok(); }
  void Fail(std::string_view path, std::string_view what) {
    if (status_.ok()) {
      status_ = absl::InvalidArgumentError(
          absl::StrCat(AbslView(path), ": ", AbslView(what)));
    }
  }
  void Merge(const absl::Status& s) {
    if (status_.ok() && !s.ok()) status_ = s;
  }

 private:
  static constexpr double kMaxSeconds = 9e12;  // ~285,000 years

  // Seconds >= 0 as a Duration, or nullopt after Fail(path, ...). The upper
  // bound keeps s * 1e6 inside int64 microseconds.
  std::optional<absl::Duration> SecondsValue(const json::value& v,
                                             std::string_view path) {
    if (!v.is_number()) {
      Fail(path, absl::StrCat("expected a number, got ", Kind(v)));
      return std::nullopt;
    }
    const double s = v.to_number<double>();
    if (!std::isfinite(s) || s < 0 || s > kMaxSeconds) {
      Fail(path, absl::StrCat("expected seconds >= 0, got ", s));
      return std::nullopt;
    }
    return absl::Microseconds(std::llround(s * 1e6));
  }

  static json::string_view AbslKey(std::string_view key) {
    return json::string_view(key.data(), key.size());
  }
  static std::optional<int64_t> AsInt(const json::value& v) {
    if (v.is_int64()) return v.get_int64();
    if (v.is_uint64()) {
      if (v.get_uint64() > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
      return static_cast<int64_t>(v.get_uint64());
    }
    if (v.is_double()) {
      double d = v.get_double();
      if (std::trunc(d) == d && std::abs(d) < 9e15) return static_cast<int64_t>(d);
    }
    return std::nullopt;
  }

  std::string path_;
  const json::object* object_ = nullptr;
  std::set<std::string> seen_;
  absl::Status status_;
};

json::value StrArray(const std::vector<std::string>& v) {
  json::array a;
  for (const std::string& s : v) a.emplace_back(s);
  return a;
}

template <typename Map>
json::value StrObject(const Map& m) {
  json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

// Applies `read` to every element of the array at `v`.
template <typename T, typename F>
absl::StatusOr<std::vector<T>> ReadArray(const json::value& v,
                                         const std::string& path, F read) {
  const json::array* a = v.if_array();
  if (a == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": expected an array, got ", Kind(v)));
  }
  std::vector<T> out;
  out.reserve(a->size());
  for (size_t i = 0; i < a->size(); ++i) {
    absl::StatusOr<T> item = read((*a)[i], absl::StrCat(path, "[", i, "]"));
    if (!item.ok()) return item.status();
    out.push_back(*std::move(item));
  }
  return out;
}

template <typename T, typename F>
absl::StatusOr<std::vector<T>> ParseArray(std::string_view text,
                                          std::string_view what, F read) {
  absl::StatusOr<json::value> v = ParseJson(text, what);
  if (!v.ok()) return v.status();
  return ReadArray<T>(*v, "$", read);
}

absl::StatusOr<WrapUpConfig> WrapUpFromJson(const json::value& v,
                                            std::string path) {
  WrapUpConfig w;
  Reader r(v, path);
  r.EnumName("mode", &w.mode, core::ParseWrapUpMode, "auto|manual");
  r.DurationS("auto_ready_after_s", &w.auto_ready_after);
  r.DurationS("max_s", &w.max);
  if (auto st = r.Finish(); !st.ok()) return st;
  return w;
}

absl::StatusOr<RetryRules> RetryFromJson(const json::value& v,
                                         std::string path) {
  RetryRules rr;
  Reader r(v, path);
  r.Integer("max_attempts", &rr.max_attempts);
  r.Integer("max_attempts_per_day", &rr.max_attempts_per_day);
  r.DurationS("min_delay_s", &rr.min_delay);
  r.DurationMap("by_disposition_s", &rr.by_disposition);
  r.DurationList("schedule_s", &rr.schedule);
  r.DurationS("recycle_after_s", &rr.recycle_after);
  r.Integer("max_recycles", &rr.max_recycles);
  if (auto st = r.Finish(); !st.ok()) return st;
  return rr;
}

absl::StatusOr<CustomDisposition> CustomDispositionFromJson(
    const json::value& v, std::string path) {
  CustomDisposition d;
  Reader r(v, path);
  r.Str("code", &d.code);
  r.Str("description", &d.description);
  r.Bool("terminal", &d.terminal);
  r.DurationS("retry_after_s", &d.retry_after);
  r.StrList("required_fields", &d.required_fields);
  if (auto st = r.Finish(); !st.ok()) return st;
  return d;
}

absl::StatusOr<CallFrequencyCap> GeneralCapFromJson(const json::value& v,
                                                    std::string path) {
  CallFrequencyCap cap;
  Reader r(v, path);
  r.Integer("count", &cap.count);
  r.DurationS("window_s", &cap.window);
  r.DurationS("cool_off_after_conversation_s",
              &cap.cool_off_after_conversation);
  if (auto st = r.Finish(); !st.ok()) return st;
  return cap;
}

json::value AttemptStartedToJson(const AttemptStarted& a) {
  return {{"op", "attempt_started"},  {"call_id", a.call_id},
          {"contact_id", a.contact_id}, {"campaign_id", a.campaign_id},
          {"agent_id", a.agent_id},    {"phone", a.phone},
          {"caller_id", a.caller_id},  {"at_us", TimeUs(a.at)}};
}

absl::StatusOr<AttemptStarted> AttemptStartedFromReader(Reader& r) {
  AttemptStarted a;
  r.Integer("call_id", &a.call_id);
  r.Integer("contact_id", &a.contact_id);
  r.Str("campaign_id", &a.campaign_id);
  r.Str("agent_id", &a.agent_id);
  r.Str("phone", &a.phone);
  r.Str("caller_id", &a.caller_id);
  r.Instant("at_us", &a.at);
  if (auto st = r.Finish(); !st.ok()) return st;
  return a;
}

struct OpToJson {
  json::value operator()(const AttemptStarted& a) const {
    return AttemptStartedToJson(a);
  }
  json::value operator()(const AttemptEnded& a) const {
    return {{"op", "attempt_ended"},
            {"call_id", a.call_id},
            {"contact_id", a.contact_id},
            {"campaign_id", a.campaign_id},
            {"status", StdToJson(ToString(a.status))},
            {"answered", a.answered},
            {"amd", StdToJson(ToString(a.amd))},
            {"connected", a.connected},
            {"abandoned", a.abandoned},
            {"voicemail_dropped", a.voicemail_dropped},
            {"speed_to_answer_s", Seconds(a.speed_to_answer)},
            {"talk_s", Seconds(a.talk)},
            {"at_us", TimeUs(a.at)},
            {"provider_error", a.provider_error}};
  }
  json::value operator()(const DispositionRecord& d) const {
    json::array fields;
    for (const auto& [k, v] : d.fields) fields.push_back(json::array{json::value(k), json::value(v)});
    return {{"op", "disposition"},
            {"call_id", d.call_id},
            {"contact_id", d.contact_id},
            {"campaign_id", d.campaign_id},
            {"agent_id", d.agent_id},
            {"code", d.code},
            {"notes", d.notes},
            {"fields", std::move(fields)},
            {"callback_at_us", TimeUs(d.callback_at)},
            {"at_us", TimeUs(d.at)}};
  }
  json::value operator()(const NoteRecord& n) const {
    return {{"op", "note"},          {"contact_id", n.contact_id},
            {"call_id", n.call_id},  {"agent_id", n.agent_id},
            {"text", n.text},        {"at_us", TimeUs(n.at)}};
  }
  json::value operator()(const DncEntry& e) const {
    return {{"op", "dnc"},
            {"phone", e.phone},
            {"source", e.source},
            {"at_us", TimeUs(e.at)}};
  }
  json::value operator()(const AuditRecord& a) const {
    return {{"op", "audit"},           {"at_us", TimeUs(a.at)},
            {"campaign_id", a.campaign_id}, {"contact_id", a.contact_id},
            {"phone", a.phone},        {"decision", a.decision},
            {"inputs", a.inputs}};
  }
  static json::value StdToJson(std::string_view s) {
    return json::string(s.data(), s.size());
  }
};

absl::StatusOr<DncEntry> DncFromReader(Reader& r) {
  DncEntry e;
  r.Str("phone", &e.phone);
  r.Str("source", &e.source);
  r.Instant("at_us", &e.at);
  if (auto st = r.Finish(); !st.ok()) return st;
  return e;
}

}  // namespace

absl::StatusOr<json::value> ParseJson(std::string_view text,
                                      std::string_view what) {
  boost::system::error_code ec;
  json::parse_options opts;
  json::value v = json::parse(json::string_view(text.data(), text.size()), ec,
                              {}, opts);
  if (ec) {
    // Find the line and column of the failure by re-parsing incrementally.
    json::stream_parser p;
    size_t offset = 0;
    for (; offset < text.size(); ++offset) {
      boost::system::error_code ec2;
      p.write_some(text.data() + offset, 1, ec2);
      if (ec2) break;
    }
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    return absl::InvalidArgumentError(
        absl::StrCat(AbslView(what), ": invalid JSON at line ", line,
                     ", column ", column, ": ", ec.message()));
  }
  return v;
}

std::string Serialize(const json::value& v) { return json::serialize(v); }

absl::StatusOr<CampaignConfig> CampaignFromJson(const json::value& v,
                                                std::string path) {
  CampaignConfig c;
  Reader r(v, path);
  r.Str("id", &c.id);
  r.Str("name", &c.name);
  r.EnumName("mode", &c.mode, core::ParseDialMode,
             "power|parallel|predictive");
  r.Integer("lines_per_agent", &c.lines_per_agent);
  r.Str("pacer", &c.pacer);
  r.Number("detector_false_positive_rate", &c.detector_false_positive_rate);
  r.Bool("connect_on_pickup", &c.connect_on_pickup);
  r.Str("time_zone", &c.time_zone);
  r.DurationS("auto_advance_delay_s", &c.auto_advance_delay);
  r.DurationS("preview_s", &c.preview);
  r.DurationS("ring_timeout_s", &c.ring_timeout);
  r.Number("abandon_limit", &c.abandon_limit);
  // null: the owner only (absl::InfiniteDuration()).
  r.DurationSOrInfinite("callback_owner_grace_s", &c.callback_owner_grace);
  r.DurationS("agent_idle_alert_after_s", &c.agent_idle_alert_after);
  r.StrList("caller_ids", &c.caller_ids);
  r.Str("talk_track", &c.talk_track);
  r.Str("voicemail_audio", &c.voicemail_audio);
  r.Str("safe_harbor_audio", &c.safe_harbor_audio);
  if (const json::value* w = r.Get("wrap_up"); w != nullptr && r.ok()) {
    absl::StatusOr<WrapUpConfig> wrap = WrapUpFromJson(*w, r.Path("wrap_up"));
    if (wrap.ok()) c.wrap_up = *wrap;
    r.Merge(wrap.status());
  }
  if (const json::value* rv = r.Get("retry"); rv != nullptr && r.ok()) {
    absl::StatusOr<RetryRules> retry = RetryFromJson(*rv, r.Path("retry"));
    if (retry.ok()) c.retry = *retry;
    r.Merge(retry.status());
  }
  if (const json::value* g = r.Get("general_cap"); g != nullptr && r.ok()) {
    absl::StatusOr<CallFrequencyCap> cap =
        GeneralCapFromJson(*g, r.Path("general_cap"));
    if (cap.ok()) c.general_cap = *cap;
    r.Merge(cap.status());
  }
  if (const json::value* cd = r.Get("custom_dispositions");
      cd != nullptr && r.ok()) {
    auto list = ReadArray<CustomDisposition>(
        *cd, r.Path("custom_dispositions"), CustomDispositionFromJson);
    if (list.ok()) c.custom_dispositions = *std::move(list);
    r.Merge(list.status());
  }
  if (auto st = r.Finish(); !st.ok()) return st;
  return c;
}

json::value CampaignToJson(const CampaignConfig& c) {
  json::object by;
  for (const auto& [k, d] : c.retry.by_disposition) by[k] = Seconds(d);
  json::array schedule;
  for (absl::Duration d : c.retry.schedule) schedule.push_back(Seconds(d));
  json::array custom;
  for (const CustomDisposition& d : c.custom_dispositions) {
    custom.push_back({{"code", d.code},
                      {"description", d.description},
                      {"terminal", d.terminal},
                      {"retry_after_s", Seconds(d.retry_after)},
                      {"required_fields", StrArray(d.required_fields)}});
  }
  std::string_view mode = ToString(c.mode);
  std::string_view wrap_mode = core::WrapUpModeName(c.wrap_up.mode);
  return {{"id", c.id},
          {"name", c.name},
          {"mode", json::string(mode.data(), mode.size())},
          {"lines_per_agent", c.lines_per_agent},
          {"pacer", c.pacer},
          {"detector_false_positive_rate", c.detector_false_positive_rate},
          {"connect_on_pickup", c.connect_on_pickup},
          {"time_zone", c.time_zone},
          {"auto_advance_delay_s", Seconds(c.auto_advance_delay)},
          {"preview_s", Seconds(c.preview)},
          {"ring_timeout_s", Seconds(c.ring_timeout)},
          {"abandon_limit", c.abandon_limit},
          {"callback_owner_grace_s", SecondsOrNull(c.callback_owner_grace)},
          // The engine never alerts for 0 or an infinite wait alike.
          {"agent_idle_alert_after_s",
           c.agent_idle_alert_after == absl::InfiniteDuration()
               ? 0.0
               : Seconds(c.agent_idle_alert_after)},
          {"caller_ids", StrArray(c.caller_ids)},
          {"talk_track", c.talk_track},
          {"voicemail_audio", c.voicemail_audio},
          {"safe_harbor_audio", c.safe_harbor_audio},
          {"wrap_up",
           {{"mode", json::string(wrap_mode.data(), wrap_mode.size())},
            {"auto_ready_after_s", Seconds(c.wrap_up.auto_ready_after)},
            {"max_s", Seconds(c.wrap_up.max)}}},
          {"retry",
           {{"max_attempts", c.retry.max_attempts},
            {"max_attempts_per_day", c.retry.max_attempts_per_day},
            {"min_delay_s", Seconds(c.retry.min_delay)},
            {"by_disposition_s", std::move(by)},
            {"schedule_s", std::move(schedule)},
            {"recycle_after_s", Seconds(c.retry.recycle_after)},
            {"max_recycles", c.retry.max_recycles}}},
          {"general_cap",
           {{"count", c.general_cap.count},
            {"window_s", Seconds(c.general_cap.window)},
            {"cool_off_after_conversation_s",
             Seconds(c.general_cap.cool_off_after_conversation)}}},
          {"custom_dispositions", std::move(custom)}};
}

absl::StatusOr<EngineConfig> EngineConfigFromJson(std::string_view text) {
  EngineConfig config;
  if (text.empty()) return config;
  absl::StatusOr<json::value> v = ParseJson(text, "config");
  if (!v.ok()) return v.status();
  Reader r(*v, "$");
  if (const json::value* e = r.Get("engine"); e != nullptr && r.ok()) {
    Reader er(*e, "$.engine");
    er.DurationS("stuck_call_timeout_s", &config.options.stuck_call_timeout);
    r.Merge(er.Finish());
  }
  if (const json::value* c = r.Get("campaigns"); c != nullptr && r.ok()) {
    auto list = ReadArray<CampaignConfig>(*c, "$.campaigns", CampaignFromJson);
    if (list.ok()) config.campaigns = *std::move(list);
    r.Merge(list.status());
  }
  if (auto st = r.Finish(); !st.ok()) return st;
  return config;
}

json::value EngineConfigToJson(const EngineConfig& config) {
  json::array campaigns;
  for (const CampaignConfig& c : config.campaigns) {
    campaigns.push_back(CampaignToJson(c));
  }
  return {{"engine",
           {{"stuck_call_timeout_s",
             Seconds(config.options.stuck_call_timeout)}}},
          {"campaigns", std::move(campaigns)}};
}

absl::StatusOr<Contact> ContactFromJson(const json::value& v,
                                        std::string path) {
  Contact c;
  Reader r(v, path);
  r.Integer("id", &c.id);
  r.Str("external_id", &c.external_id);
  r.Str("first_name", &c.first_name);
  r.Str("last_name", &c.last_name);
  r.Str("company", &c.company);
  r.Str("title", &c.title);
  r.Str("email", &c.email);
  r.Str("phone", &c.phone);
  r.StrList("alternate_phones", &c.alternate_phones);
  r.Str("state", &c.state);
  r.Str("zip", &c.zip);
  r.Str("time_zone", &c.time_zone);
  r.Str("assigned_agent", &c.assigned_agent);
  r.Bool("hot", &c.hot);
  r.Str("talk_track", &c.talk_track);
  r.Str("last_interaction", &c.last_interaction);
  r.StrMap("fields", &c.fields);
  if (auto st = r.Finish(); !st.ok()) return st;
  return c;
}

json::value ContactToJson(const Contact& c) {
  return {{"id", c.id},
          {"external_id", c.external_id},
          {"first_name", c.first_name},
          {"last_name", c.last_name},
          {"company", c.company},
          {"title", c.title},
          {"email", c.email},
          {"phone", c.phone},
          {"alternate_phones", StrArray(c.alternate_phones)},
          {"state", c.state},
          {"zip", c.zip},
          {"time_zone", c.time_zone},
          {"assigned_agent", c.assigned_agent},
          {"hot", c.hot},
          {"talk_track", c.talk_track},
          {"last_interaction", c.last_interaction},
          {"fields", StrObject(c.fields)}};
}

absl::StatusOr<DispositionInput> DispositionFromJson(std::string_view text) {
  absl::StatusOr<json::value> v = ParseJson(text, "disposition");
  if (!v.ok()) return v.status();
  DispositionInput d;
  Reader r(*v, "$");
  r.Str("code", &d.code);
  r.Str("notes", &d.notes);
  r.StrMap("fields", &d.fields);
  r.Instant("callback_at_us", &d.callback_at);
  if (auto st = r.Finish(); !st.ok()) return st;
  if (d.code.empty()) return absl::InvalidArgumentError("$.code: required");
  return d;
}

json::value DispositionToJson(const DispositionInput& d) {
  return {{"code", d.code},
          {"notes", d.notes},
          {"fields", StrObject(d.fields)},
          {"callback_at_us", TimeUs(d.callback_at)}};
}

namespace {
json::string Name(std::string_view s) { return json::string(s.data(), s.size()); }
}  // namespace

json::value AgentStateEventToJson(const AgentStateEvent& e) {
  return {{"type", "agent_state"},   {"agent_id", e.agent_id},
          {"campaign_id", e.campaign_id}, {"from", Name(ToString(e.from))},
          {"to", Name(ToString(e.to))}, {"reason", e.reason},
          {"at_us", TimeUs(e.at)}};
}

json::value ScreenPopToJson(const ScreenPop& p) {
  return {{"type", "screen_pop"},     {"agent_id", p.agent_id},
          {"campaign_id", p.campaign_id}, {"call_id", p.call_id},
          {"preview", p.preview},     {"contact", ContactToJson(p.contact)},
          {"talk_track", p.talk_track}, {"at_us", TimeUs(p.at)}};
}

json::value CallEventToJson(const CallEvent& e) {
  return {{"type", "call"},          {"call_id", e.call_id},
          {"campaign_id", e.campaign_id}, {"contact_id", e.contact_id},
          {"agent_id", e.agent_id},  {"phone", e.phone},
          {"state", Name(ToString(e.state))}, {"detail", e.detail},
          {"at_us", TimeUs(e.at)}};
}

json::value AlertToJson(const Alert& a) {
  return {{"type", "alert"},
          {"severity", Name(core::AlertSeverityName(a.severity))},
          {"code", a.code},
          {"message", a.message},
          {"campaign_id", a.campaign_id},
          {"agent_id", a.agent_id},
          {"at_us", TimeUs(a.at)}};
}

json::value LogToJson(LogLevel level, std::string_view message) {
  return {{"type", "log"},
          {"level", Name(core::LogLevelName(level))},
          {"message", Name(message)}};
}

json::value CampaignStatsToJson(std::string_view campaign_id,
                                const CampaignStats& s) {
  json::object by_state;
  for (int i = 0; i <= static_cast<int>(AgentState::kBreak); ++i) {
    std::string_view name = ToString(static_cast<AgentState>(i));
    auto it = s.agents_by_state.find(static_cast<AgentState>(i));
    by_state[json::string_view(name.data(), name.size())] =
        it == s.agents_by_state.end() ? 0 : it->second;
  }
  return {{"campaign_id", Name(campaign_id)},
          {"dials", s.dials},
          {"answers", s.answers},
          {"human_answers", s.human_answers},
          {"machine_answers", s.machine_answers},
          {"connects", s.connects},
          {"abandoned", s.abandoned},
          {"voicemails_dropped", s.voicemails_dropped},
          {"no_answers", s.no_answers},
          {"busy", s.busy},
          {"failed", s.failed},
          {"blocked_by_compliance", s.blocked_by_compliance},
          {"talk_time_s", Seconds(s.talk_time)},
          {"wrap_time_s", Seconds(s.wrap_time)},
          {"contacts_remaining", s.contacts_remaining},
          {"agents_by_state", std::move(by_state)}};
}

json::value AgentSnapshotToJson(const AgentSnapshot& a) {
  return {{"agent_id", a.agent_id},  {"campaign_id", a.campaign_id},
          {"state", Name(ToString(a.state))}, {"since_us", TimeUs(a.since)},
          {"call_id", a.call_id},    {"contact_id", a.contact_id}};
}

json::value WriteOpToJson(const WriteOp& op) {
  return std::visit(OpToJson{}, op);
}

absl::StatusOr<WriteOp> WriteOpFromJson(const json::value& v,
                                        std::string path) {
  Reader r(v, path);
  std::string op;
  r.Str("op", &op);
  if (!r.ok()) return r.Finish();
  if (op == "attempt_started") {
    absl::StatusOr<AttemptStarted> a = AttemptStartedFromReader(r);
    if (!a.ok()) return a.status();
    return WriteOp(*std::move(a));
  }
  if (op == "attempt_ended") {
    AttemptEnded a;
    r.Integer("call_id", &a.call_id);
    r.Integer("contact_id", &a.contact_id);
    r.Str("campaign_id", &a.campaign_id);
    r.EnumName("status", &a.status, core::ParseCallEndStatus,
               "completed|busy|no_answer|failed|canceled");
    r.Bool("answered", &a.answered);
    r.EnumName("amd", &a.amd, core::ParseAmdResult, "an AMD result");
    r.Bool("connected", &a.connected);
    r.Bool("abandoned", &a.abandoned);
    r.Bool("voicemail_dropped", &a.voicemail_dropped);
    r.DurationS("speed_to_answer_s", &a.speed_to_answer);
    r.DurationS("talk_s", &a.talk);
    r.Instant("at_us", &a.at);
    r.Str("provider_error", &a.provider_error);
    if (auto st = r.Finish(); !st.ok()) return st;
    return WriteOp(std::move(a));
  }
  if (op == "disposition") {
    DispositionRecord d;
    r.Integer("call_id", &d.call_id);
    r.Integer("contact_id", &d.contact_id);
    r.Str("campaign_id", &d.campaign_id);
    r.Str("agent_id", &d.agent_id);
    r.Str("code", &d.code);
    r.Str("notes", &d.notes);
    if (const json::value* f = r.Get("fields"); f != nullptr && r.ok()) {
      const json::array* a = f->if_array();
      bool good = a != nullptr;
      for (size_t i = 0; good && i < a->size(); ++i) {
        const json::array* pair = (*a)[i].if_array();
        good = pair != nullptr && pair->size() == 2 &&
               (*pair)[0].is_string() && (*pair)[1].is_string();
        if (good) {
          d.fields.emplace_back(std::string((*pair)[0].get_string()),
                                std::string((*pair)[1].get_string()));
        }
      }
      if (!good) r.Fail(r.Path("fields"), "expected an array of [key, value] strings");
    }
    r.Instant("callback_at_us", &d.callback_at);
    r.Instant("at_us", &d.at);
    if (auto st = r.Finish(); !st.ok()) return st;
    return WriteOp(std::move(d));
  }
  if (op == "note") {
    NoteRecord n;
    r.Integer("contact_id", &n.contact_id);
    r.Integer("call_id", &n.call_id);
    r.Str("agent_id", &n.agent_id);
    r.Str("text", &n.text);
    r.Instant("at_us", &n.at);
    if (auto st = r.Finish(); !st.ok()) return st;
    return WriteOp(std::move(n));
  }
  if (op == "dnc") {
    absl::StatusOr<DncEntry> e = DncFromReader(r);
    if (!e.ok()) return e.status();
    return WriteOp(*std::move(e));
  }
  if (op == "audit") {
    AuditRecord a;
    r.Instant("at_us", &a.at);
    r.Str("campaign_id", &a.campaign_id);
    r.Integer("contact_id", &a.contact_id);
    r.Str("phone", &a.phone);
    r.Str("decision", &a.decision);
    r.Str("inputs", &a.inputs);
    if (auto st = r.Finish(); !st.ok()) return st;
    return WriteOp(std::move(a));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      path, ".op: expected one of attempt_started|attempt_ended|disposition|"
            "note|dnc|audit, got \"",
      op, "\""));
}

json::value WriteBatchToJson(const WriteBatch& batch) {
  json::array ops;
  for (const WriteOp& op : batch.ops) ops.push_back(WriteOpToJson(op));
  return {{"ops", std::move(ops)}};
}

absl::StatusOr<WriteBatch> WriteBatchFromJson(std::string_view text) {
  absl::StatusOr<json::value> v = ParseJson(text, "batch");
  if (!v.ok()) return v.status();
  Reader r(*v, "$");
  WriteBatch batch;
  if (const json::value* ops = r.Get("ops"); ops != nullptr && r.ok()) {
    auto list = ReadArray<WriteOp>(*ops, "$.ops", WriteOpFromJson);
    if (list.ok()) batch.ops = *std::move(list);
    r.Merge(list.status());
  }
  if (auto st = r.Finish(); !st.ok()) return st;
  return batch;
}

json::value ContactsToJson(const std::vector<Contact>& contacts) {
  json::array a;
  for (const Contact& c : contacts) a.push_back(ContactToJson(c));
  return a;
}

absl::StatusOr<std::vector<Contact>> ContactsFromJson(std::string_view text) {
  return ParseArray<Contact>(text, "contacts", ContactFromJson);
}

absl::StatusOr<std::vector<ContactId>> ContactIdsFromJson(
    std::string_view text) {
  return ParseArray<ContactId>(
      text, "contact ids",
      [](const json::value& v, const std::string& path) -> absl::StatusOr<ContactId> {
        if (v.is_int64() && v.get_int64() > 0) return v.get_int64();
        if (v.is_uint64() && v.get_uint64() <= static_cast<uint64_t>(INT64_MAX) &&
            v.get_uint64() > 0) {
          return static_cast<ContactId>(v.get_uint64());
        }
        return absl::InvalidArgumentError(
            absl::StrCat(path, ": expected a contact id > 0, got ", json::serialize(v)));
      });
}

absl::StatusOr<std::vector<AttemptStarted>> AttemptsFromJson(
    std::string_view text) {
  return ParseArray<AttemptStarted>(
      text, "attempts",
      [](const json::value& v, std::string path) -> absl::StatusOr<AttemptStarted> {
        Reader r(v, std::move(path));
        std::string op;
        r.Str("op", &op);
        return AttemptStartedFromReader(r);
      });
}

absl::StatusOr<std::vector<DncEntry>> DncEntriesFromJson(std::string_view text) {
  return ParseArray<DncEntry>(
      text, "dnc entries",
      [](const json::value& v, std::string path) -> absl::StatusOr<DncEntry> {
        Reader r(v, std::move(path));
        std::string op;
        r.Str("op", &op);
        return DncFromReader(r);
      });
}

namespace {

// The engine takes the mapping as (header, field name) pairs; the name of a
// parsed target is its field's, or "custom:<key>".
std::vector<std::pair<std::string, std::string>> MappingNames(
    const ingest::ExplicitMapping& mapping) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [header, target] : mapping) {
    if (target.field == ingest::ContactField::kCustom) {
      out.emplace_back(header, absl::StrCat("custom:", target.custom_name.empty()
                                                           ? header
                                                           : target.custom_name));
    } else {
      out.emplace_back(header, std::string(ingest::ToString(target.field)));
    }
  }
  return out;
}

}  // namespace

absl::StatusOr<ImportOptions> ImportOptionsFromJson(std::string_view text) {
  ImportOptions o;
  if (text.empty()) return o;
  absl::StatusOr<json::value> v = ParseJson(text, "import options");
  if (!v.ok()) return v.status();
  Reader r(*v, "$");
  r.Str("default_region", &o.default_region);
  r.Bool("reject_toll_free", &o.reject_toll_free);
  if (const json::value* m = r.Get("mapping"); m != nullptr && r.ok()) {
    auto mapping = ingest::ParseMappingJson(json::serialize(*m));
    if (mapping.ok()) o.column_mapping = MappingNames(*mapping);
    else r.Fail(r.Path("mapping"), StdView(mapping.status().message()));
  }
  if (const json::value* a = r.Get("assignment"); a != nullptr && r.ok()) {
    auto assignment = ingest::ParseAssignmentJson(json::serialize(*a));
    if (assignment.ok()) {
      for (ingest::TerritoryRule& rule : assignment->rules) {
        o.territory_rules.push_back({std::move(rule.field), std::move(rule.values),
                                     std::move(rule.agents), std::move(rule.team)});
      }
      o.round_robin_agents = std::move(assignment->fallback_agents);
    } else {
      r.Fail(r.Path("assignment"), StdView(assignment.status().message()));
    }
  }
  std::string duplicates = "skip";
  r.Str("duplicates", &duplicates);
  if (duplicates == "merge") {
    o.duplicates = ImportOptions::Duplicates::kMerge;
  } else if (duplicates != "skip") {
    r.Fail(r.Path("duplicates"),
           absl::StrCat("expected one of skip|merge, got \"", duplicates, "\""));
  }
  r.Bool("dedupe_by_email", &o.dedupe_by_email);
  std::string delimiter = ",";
  r.Str("delimiter", &delimiter);
  if (delimiter.size() != 1) {
    r.Fail(r.Path("delimiter"), "expected one character");
  } else {
    o.delimiter = delimiter[0];
  }
  if (auto st = r.Finish(); !st.ok()) return st;
  return o;
}

json::value ImportReportToJson(const ImportReport& report) {
  json::array issues;
  for (const ImportIssue& i : report.issues) {
    issues.push_back({{"line", i.line},
                      {"column", i.column},
                      {"outcome", i.outcome},
                      {"reason", i.reason},
                      {"value", i.value},
                      {"detail", i.detail}});
  }
  json::array id_list;
  for (ContactId id : report.contact_ids) id_list.push_back(id);
  return {{"counts",
           {{"rows", report.rows},
            {"parsed", report.stages.parsed},
            {"validated", report.stages.validated},
            {"unique", report.stages.unique},
            {"dnc_clear", report.stages.dnc_clear},
            {"accepted", report.accepted},
            {"rejected", report.rejected},
            {"duplicates", report.duplicates},
            {"duplicates_in_file", report.duplicates_in_file},
            {"duplicates_existing", report.duplicates_existing},
            {"merged", report.merged},
            {"dnc", report.dnc},
            {"warnings", report.warnings},
            {"blank_lines", report.blank_lines}}},
          {"encoding", report.encoding},
          {"bytes", report.bytes},
          {"issues", std::move(issues)},
          {"contact_ids", std::move(id_list)}};
}

}  // namespace dialer::capi
