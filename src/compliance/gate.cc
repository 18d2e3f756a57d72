#include "compliance/gate.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "compliance/embedded_data.h"
#include "compliance/local_days.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {
namespace {

constexpr uint32_t Bit(Reason r) { return uint32_t{1} << static_cast<int>(r); }

constexpr uint32_t kTimeReasons =
    Bit(Reason::kOutsideFederalWindow) | Bit(Reason::kOutsideStateWindow) |
    Bit(Reason::kOutsideCampaignWindow) | Bit(Reason::kStateHoliday) |
    Bit(Reason::kSundayBan);

// How long a retry search may look ahead before calling the window "never".
constexpr absl::Duration kSearchHorizon = absl::Hours(24 * 31);

absl::Time CapClearsAt(int count, absl::Time oldest, int cap, absl::Duration window,
                       absl::Time now) {
  if (count == cap && oldest != absl::InfinitePast()) return std::max(now, oldest + window);
  return now + window;
}

}  // namespace

struct Gate::Context {
  ZoneIdSet zones;
  absl::InlinedVector<StateCode, 4> states;
  absl::InlinedVector<const StateRule*, 4> state_rules;
  const GateCampaign* campaign = nullptr;
  // Filled by PrepareWindows(): per weekday, the federal, campaign and every
  // state window intersected; the states whose rules ban holidays.
  WeeklyWindows windows;
  absl::InlinedVector<StateCode, 4> holiday_states;
  absl::InlinedVector<const absl::TimeZone*, 8> tzs;  // tzs[i] is zones[i]'s
  // One zone index per offset class (ZoneResolver::offset_class), and the
  // index into `reps` of each zone's class: zones of a class have the same
  // local time inside the class span, so the time rules run once per class.
  absl::InlinedVector<size_t, 8> reps;
  absl::InlinedVector<size_t, 8> rep_of;
};

namespace {

// True when a search from `from` (and the conversions around it) stays
// inside the span where offset classes hold.
bool ClassesHold(absl::Time from) {
  static const absl::Time first = ZoneResolver::OffsetClassBegin() + absl::Hours(48);
  static const absl::Time last =
      ZoneResolver::OffsetClassEnd() - kSearchHorizon - absl::Hours(48);
  return from >= first && from < last;
}

}  // namespace

absl::StatusOr<Rules> Rules::Default() {
  Rules rules;
  rules.resolver = &ZoneResolver::Default();
  rules.holidays = &HolidayCalendar::Default();
  auto state_rules = StateRules::Parse(EmbeddedStateRules());
  if (!state_rules.ok()) return state_rules.status();
  rules.state_rules = *std::move(state_rules);
  return rules;
}

Gate::Gate(const Rules& rules) : rules_(rules) {}

void Gate::CollectStates(const std::optional<NanpNumber>& number,
                         std::string_view address_state, Context& ctx) const {
  // State rules attach by area code (FL 501.059(8)(d), OK 775C) and by
  // the contact's address.
  if (number) {
    for (StateCode s : rules_.resolver->StateCodesForAreaCode(number->npa)) {
      ctx.states.push_back(s);
    }
  }
  if (auto s = PackStateCode(address_state)) ctx.states.push_back(*s);
  std::sort(ctx.states.begin(), ctx.states.end());
  ctx.states.erase(std::unique(ctx.states.begin(), ctx.states.end()), ctx.states.end());
  for (StateCode s : ctx.states) {
    if (const StateRule* rule = rules_.state_rules.Find(s)) {
      ctx.state_rules.push_back(rule);
    }
  }
}

void Gate::PrepareWindows(Context& ctx) const {
  for (int wd = 0; wd < 7; ++wd) {
    DailyWindow w = kFederalWindow.Intersect(ctx.campaign->window[wd]);
    for (const StateRule* rule : ctx.state_rules) w = w.Intersect(rule->windows[wd]);
    ctx.windows[wd] = w;
  }
  for (const StateRule* rule : ctx.state_rules) {
    if (rule->holidays_restricted) ctx.holiday_states.push_back(rule->state);
  }
  absl::InlinedVector<ZoneId, 8> classes;  // classes[r]: the class of reps[r]
  for (size_t i = 0; i < ctx.zones.size(); ++i) {
    ctx.tzs.push_back(&rules_.resolver->zone(ctx.zones[i]));
    const ZoneId cls = rules_.resolver->offset_class(ctx.zones[i]);
    const size_t r = std::find(classes.begin(), classes.end(), cls) - classes.begin();
    if (r == classes.size()) {
      classes.push_back(cls);
      ctx.reps.push_back(i);
    }
    ctx.rep_of.push_back(r);
  }
}

bool Gate::IsHoliday(const Context& ctx, int64_t day) const {
  for (StateCode s : ctx.holiday_states) {
    if (rules_.holidays->IsStateHolidayOnDay(s, day)) return true;
  }
  return false;
}

WindowKey Gate::WindowKeyOf(const GateContact& contact) const {
  Context ctx;
  const std::optional<NanpNumber> number = ParseNanpE164(contact.phone_e164);
  bool tz_ok = true;
  ctx.zones = rules_.resolver->Resolve(number ? &*number : nullptr,
                                       contact.state, contact.time_zone, &tz_ok);
  CollectStates(number, contact.state, ctx);
  return WindowKey{std::move(ctx.zones), std::move(ctx.states)};
}

absl::Time Gate::WindowOpensAt(const WindowKey& key,
                               const GateCampaign& campaign,
                               absl::Time now) const {
  Context ctx;
  ctx.campaign = &campaign;
  ctx.zones = key.zones;
  ctx.states = key.states;
  for (StateCode s : ctx.states) {
    if (const StateRule* rule = rules_.state_rules.Find(s)) {
      ctx.state_rules.push_back(rule);
    }
  }
  PrepareWindows(ctx);
  return NextOpening(ctx, now);
}

uint32_t Gate::TimeReasons(const Context& ctx, LocalTime local) const {
  const int wd = WeekdayOf(local.day);
  const int second = local.second;
  uint32_t mask = 0;
  // 47 CFR 64.1200(c)(1); 16 CFR 310.4(c).
  if (!kFederalWindow.ContainsSecond(second)) mask |= Bit(Reason::kOutsideFederalWindow);
  for (const StateRule* rule : ctx.state_rules) {
    const DailyWindow& w = rule->windows[wd];
    if (w.closed()) {
      mask |= wd == static_cast<int>(absl::Weekday::sunday) ? Bit(Reason::kSundayBan)
                                                            : Bit(Reason::kOutsideStateWindow);
    } else if (!w.ContainsSecond(second)) {
      mask |= Bit(Reason::kOutsideStateWindow);
    }
    if (rule->holidays_restricted &&
        rules_.holidays->IsStateHolidayOnDay(rule->state, local.day)) {
      mask |= Bit(Reason::kStateHoliday);
    }
  }
  if (!ctx.campaign->window[wd].ContainsSecond(second)) {
    mask |= Bit(Reason::kOutsideCampaignWindow);
  }
  return mask;
}

Gate::Opening Gate::ZoneOpening(const Context& ctx, size_t z, absl::Time from,
                                LocalTime local) const {
  for (int offset = 0; offset <= 31; ++offset) {
    const int64_t day = local.day + offset;
    const DailyWindow& w = ctx.windows[WeekdayOf(day)];
    if (w.closed() || IsHoliday(ctx, day)) continue;
    if (offset == 0 && local.second >= w.end_minute * 60) continue;
    const bool open_at_from = offset == 0 && local.second >= w.start_minute * 60;
    // On a day with one offset the window is one interval of instants; on
    // a DST day only `start` is known to be open.
    if (const auto midnight = UniformMidnight(*ctx.tzs[z], day, ctx.zones[z])) {
      const absl::Time start =
          open_at_from ? from : std::max(*midnight + absl::Seconds(w.start_minute * 60), from);
      return {start, std::max(start, *midnight + absl::Seconds(w.end_minute * 60))};
    }
    const absl::Time start =
        open_at_from
            ? from
            : std::max(LocalInstant(*ctx.tzs[z], day, w.start_minute * 60, ctx.zones[z]), from);
    return {start, start};
  }
  return {absl::InfiniteFuture(), absl::InfiniteFuture()};
}

absl::Time Gate::NextOpening(const Context& ctx, absl::Time from,
                             std::span<const LocalTime> locals_at_from) const {
  absl::Time t = from;
  // Every zone, or one per offset class when the search stays in their span.
  const bool grouped = ClassesHold(from);
  const size_t n = grouped ? ctx.reps.size() : ctx.zones.size();
  // Zone j is known to be open at t when opens[j].start <= t and t is
  // before opens[j].end or equal to opens[j].start.
  absl::InlinedVector<Opening, 8> opens(n, {absl::InfiniteFuture(), absl::InfiniteFuture()});
  for (int i = 0; i < 64 && t - from <= kSearchHorizon; ++i) {
    absl::Time next = t;
    for (size_t j = 0; j < n; ++j) {
      if (opens[j].start <= t && (t < opens[j].end || t == opens[j].start)) continue;
      const size_t z = grouped ? ctx.reps[j] : j;
      const LocalTime local = i == 0 && locals_at_from.size() == n
                                  ? locals_at_from[j]
                                  : LocalTimeAt(*ctx.tzs[z], t, ctx.zones[z]);
      opens[j] = ZoneOpening(ctx, z, t, local);
      if (opens[j].start == absl::InfiniteFuture()) return absl::InfiniteFuture();
      next = std::max(next, opens[j].start);
    }
    if (next == t) return t;
    t = next;
  }
  return absl::InfiniteFuture();
}

Decision Gate::Check(const GateContact& contact, const GateCampaign& campaign,
                     const GateCounters& counters, absl::Time now,
                     Echo echo) const {
  Decision d;
  d.at = now;
  uint32_t mask = 0;
  Context ctx;
  ctx.campaign = &campaign;
  const std::optional<NanpNumber> number = ParseNanpE164(contact.phone_e164);
  if (!number) mask |= Bit(Reason::kInvalidPhone);
  bool tz_ok = true;
  ctx.zones = rules_.resolver->Resolve(number ? &*number : nullptr, contact.state,
                                       contact.time_zone, &tz_ok);
  if (!tz_ok) mask |= Bit(Reason::kInvalidTimeZone);

  CollectStates(number, contact.state, ctx);
  PrepareWindows(ctx);
  int state_cap = 0;
  for (StateCode s : ctx.states) {
    if (rules_.blackouts.IsOn(s)) mask |= Bit(Reason::kStateBlackout);
    if (const StateRule* rule = rules_.state_rules.Find(s)) {
      if (rule->max_attempts_per_24h > 0 &&
          (state_cap == 0 || rule->max_attempts_per_24h < state_cap)) {
        state_cap = rule->max_attempts_per_24h;
      }
    }
  }

  // The time rules once per offset class (see Context), or per zone.
  const bool grouped = ClassesHold(now);
  const size_t n = grouped ? ctx.reps.size() : ctx.zones.size();
  absl::InlinedVector<LocalTime, 8> locals;
  for (size_t j = 0; j < n; ++j) {
    const size_t z = grouped ? ctx.reps[j] : j;
    locals.push_back(LocalTimeAt(*ctx.tzs[z], now, ctx.zones[z]));
    mask |= TimeReasons(ctx, locals.back());
  }

  if (number && rules_.dnc != nullptr) {
    const DncLists::Hits hits = rules_.dnc->Check(number->national, ctx.states);
    if (hits.national) mask |= Bit(Reason::kDncNational);
    if (hits.state) mask |= Bit(Reason::kDncState);
    if (hits.internal) mask |= Bit(Reason::kDncInternal);
  }

  absl::Time caps_clear = now;
  if (campaign.max_attempts_per_24h > 0 &&
      counters.attempts_24h >= campaign.max_attempts_per_24h) {
    mask |= Bit(Reason::kAttemptCapCampaign);
    caps_clear = std::max(caps_clear, CapClearsAt(counters.attempts_24h,
                                                  counters.oldest_attempt_24h,
                                                  campaign.max_attempts_per_24h,
                                                  absl::Hours(24), now));
  }
  if (state_cap > 0 && counters.attempts_24h >= state_cap) {
    mask |= Bit(Reason::kAttemptCapState);
    caps_clear = std::max(caps_clear,
                          CapClearsAt(counters.attempts_24h, counters.oldest_attempt_24h,
                                      state_cap, absl::Hours(24), now));
  }
  const GeneralCap& general = campaign.general_cap;
  if (general.count > 0 && counters.attempts_general >= general.count) {
    mask |= Bit(Reason::kAttemptCapGeneral);
    caps_clear = std::max(caps_clear, CapClearsAt(counters.attempts_general,
                                                  counters.oldest_attempt_general,
                                                  general.count, general.window, now));
  }
  if (general.cool_off_after_conversation > absl::ZeroDuration() &&
      counters.last_conversation != absl::InfinitePast() &&
      now < counters.last_conversation + general.cool_off_after_conversation) {
    mask |= Bit(Reason::kConversationCoolOff);
    caps_clear = std::max(caps_clear,
                          counters.last_conversation + general.cool_off_after_conversation);
  }

  // Power mode keeps an agent on the line from the start, so it cannot
  // abandon and may go on after the stop (64.1200(a)(7)).
  if (campaign.abandon_state == AbandonState::kStop && campaign.mode != DialMode::kPower) {
    mask |= Bit(Reason::kAbandonStop);
  }
  // 64.1601(e) and the Truth in Caller ID Act: a transmitted number the
  // account holds and that calls back; never blank.
  if (campaign.check_caller_id &&
      (campaign.caller_id.empty() || !ParseNanpE164(campaign.caller_id) ||
       !campaign.allowed_caller_ids.contains(campaign.caller_id))) {
    mask |= Bit(Reason::kCallerIdNotAllowed);
  }

  d.allowed = mask == 0;
  // The inputs are echoed only where they are kept: strings and zone names
  // for every offered contact were a measurable part of the engine's loop.
  if (!d.allowed || echo == Echo::kAlways) {
    d.phone_e164 = contact.phone_e164;
    d.contact_state = contact.state;
    d.zip = contact.zip;
    d.time_zone = contact.time_zone;
    d.campaign_id = campaign.id;
    d.subject = campaign.subject;
    d.caller_id = campaign.caller_id;
    d.mode = campaign.mode;
    d.abandon_state = campaign.abandon_state;
    d.attempts_24h = counters.attempts_24h;
    d.attempts_general = counters.attempts_general;
    d.last_conversation = counters.last_conversation;
    for (StateCode s : ctx.states) d.states.push_back(UnpackStateCode(s));
    d.zones.reserve(ctx.zones.size());
    d.local_times.reserve(ctx.zones.size());
    for (size_t i = 0; i < ctx.zones.size(); ++i) {
      d.zones.push_back(rules_.resolver->zone_name(ctx.zones[i]));
      d.local_times.push_back(ToCivilSecond(locals[grouped ? ctx.rep_of[i] : i]));
    }
  }
  for (int i = 0; i < kReasonCount; ++i) {
    if (mask & (uint32_t{1} << i)) d.reasons.push_back(static_cast<Reason>(i));
  }
  if (d.allowed) {
    d.retry_at = now;
  } else if (std::all_of(d.reasons.begin(), d.reasons.end(), ClearsWithTime)) {
    d.retry_at = (mask & kTimeReasons) == 0 && caps_clear == now
                     ? now
                     : NextOpening(ctx, caps_clear,
                                   caps_clear == now ? std::span<const LocalTime>(locals)
                                                     : std::span<const LocalTime>());
  } else {
    d.retry_at = absl::InfiniteFuture();
  }
  return d;
}

}  // namespace dialer::compliance
