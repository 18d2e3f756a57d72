#include "compliance/abandon_tracker.h"

#include <cmath>

namespace dialer::compliance {
namespace {

int64_t UtcDay(absl::Time t) {
  // absl's time arithmetic is out of line: convert once.
  const int64_t seconds = absl::ToInt64Seconds(t - absl::UnixEpoch());
  return seconds / 86400 - (seconds % 86400 < 0 ? 1 : 0);
}

}  // namespace

std::string_view AbandonStateName(AbandonState state) {
  switch (state) {
    case AbandonState::kNormal: return "normal";
    case AbandonState::kApproaching: return "approaching";
    case AbandonState::kThrottle: return "throttle";
    case AbandonState::kStop: return "stop";
  }
  return "unknown";
}

AbandonThresholds ThresholdsForLimit(double limit) {
  const AbandonThresholds fcc;
  // Written so that NaN takes the FCC's thresholds too; 3% itself keeps the
  // exact defaults (no rounding from the fractions below).
  if (!(limit < fcc.stop) || limit <= 0) return fcc;
  AbandonThresholds t;
  t.stop = limit;
  t.throttle = limit * 5 / 6;
  t.approaching = limit * 2 / 3;
  return t;
}

AbandonTracker::AbandonTracker(AbandonThresholds thresholds) : thresholds_(thresholds) {}

void AbandonTracker::RecordLiveAnswer(absl::Time t) { Record(t, false); }
void AbandonTracker::RecordAbandon(absl::Time t) { Record(t, true); }

void AbandonTracker::RetractLiveAnswer(absl::Time t, bool abandoned) {
  const int64_t day = UtcDay(t);
  Bucket& b = buckets_[((day % kWindowDays) + kWindowDays) % kWindowDays];
  if (b.day != day || b.live == 0) return;
  if (abandoned) {
    if (b.abandoned == 0) return;
    --b.abandoned;
  } else if (b.live == b.abandoned) {
    return;  // no answer in time recorded that day
  }
  --b.live;
}

void AbandonTracker::Record(absl::Time t, bool abandoned) {
  const int64_t day = UtcDay(t);
  Bucket& b = buckets_[((day % kWindowDays) + kWindowDays) % kWindowDays];
  if (b.day > day) return;  // older than what this slot already holds
  if (b.day < day) b = Bucket{day, 0, 0};
  ++b.live;
  if (abandoned) ++b.abandoned;
}

template <typename F>
void AbandonTracker::ForWindow(absl::Time now, F f) const {
  const int64_t today = UtcDay(now);
  for (const Bucket& b : buckets_) {
    if (b.day <= today && b.day > today - kWindowDays) f(b);
  }
}

int64_t AbandonTracker::LiveAnswers(absl::Time now) const {
  int64_t n = 0;
  ForWindow(now, [&](const Bucket& b) { n += b.live; });
  return n;
}

int64_t AbandonTracker::Abandons(absl::Time now) const {
  int64_t n = 0;
  ForWindow(now, [&](const Bucket& b) { n += b.abandoned; });
  return n;
}

double AbandonTracker::Rate(absl::Time now) const {
  // One pass (the gate asks for the state before every dial).
  int64_t live = 0;
  int64_t abandoned = 0;
  ForWindow(now, [&](const Bucket& b) {
    live += b.live;
    abandoned += b.abandoned;
  });
  return live == 0 ? 0.0
                   : static_cast<double>(abandoned) / static_cast<double>(live);
}

AbandonState AbandonTracker::State(absl::Time now) const {
  const double r = Rate(now);
  if (r >= thresholds_.stop) return AbandonState::kStop;
  if (r >= thresholds_.throttle) return AbandonState::kThrottle;
  if (r >= thresholds_.approaching && r > 0) return AbandonState::kApproaching;
  return AbandonState::kNormal;
}

int64_t AbandonTracker::AbandonsUntilStop(absl::Time now) const {
  // Largest k with (a + k) / (l + k) < stop.
  const double a = static_cast<double>(Abandons(now));
  const double l = static_cast<double>(LiveAnswers(now));
  const double s = thresholds_.stop;
  if (l > 0 && a / l >= s) return 0;
  if (s >= 1.0) return INT64_MAX;
  const double k = (s * l - a) / (1.0 - s);
  int64_t ki = static_cast<int64_t>(std::ceil(k)) - 1;
  if (ki < 0) ki = 0;
  while (ki > 0 && (a + ki) / (l + ki) >= s) --ki;
  while ((a + ki + 1) / (l + ki + 1) < s) ++ki;
  return ki;
}

}  // namespace dialer::compliance
