#include "pacing/pacer.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"
#include "pacing/baseline_adaptive_pacer.h"
#include "pacing/baseline_ratio_pacer.h"
#include "pacing/parallel_pacer.h"
#include "pacing/power_pacer.h"
#include "pacing/predictive_pacer.h"

namespace dialer::pacing {
namespace {

bool InRange(double x, double lo, double hi) {
  return std::isfinite(x) && x >= lo && x <= hi;
}

}  // namespace

absl::Status PacerOptions::Validate() const {
  if (!InRange(abandon_limit, 0, 1) || abandon_limit == 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "pacer options: abandon_limit is ", abandon_limit, ", expected (0, 1]"));
  }
  if (!InRange(abandon_target, 0, abandon_limit)) {
    return absl::InvalidArgumentError(
        absl::StrCat("pacer options: abandon_target is ", abandon_target,
                     ", expected 0 (default) to abandon_limit ", abandon_limit));
  }
  if (!InRange(detector_false_positive_rate, 0, 1)) {
    return absl::InvalidArgumentError(
        absl::StrCat("pacer options: detector_false_positive_rate is ",
                     detector_false_positive_rate, ", expected [0, 1]"));
  }
  if (lines_per_agent < 1 || lines_per_agent > 10) {
    return absl::InvalidArgumentError(
        absl::StrCat("pacer options: lines_per_agent is ", lines_per_agent,
                     ", expected 1-10"));
  }
  const AdaptiveBaselineOptions& a = adaptive;
  if (!InRange(a.start_level, 1, 100) || !InRange(a.max_level, 1, 100)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "pacer options: adaptive start_level ", a.start_level, " / max_level ",
        a.max_level, ", expected >= 1"));
  }
  if (!InRange(a.dropped_percentage, 0, 100)) {
    return absl::InvalidArgumentError(
        absl::StrCat("pacer options: adaptive dropped_percentage is ",
                     a.dropped_percentage, ", expected 0-100"));
  }
  if (a.intensity < -40 || a.intensity > 40 || a.diff_target < -40 ||
      a.diff_target > 40) {
    return absl::InvalidArgumentError(absl::StrCat(
        "pacer options: adaptive intensity ", a.intensity, " / diff_target ",
        a.diff_target, ", expected -40..40"));
  }
  if (a.latest_server_time < 0 || a.latest_server_time > 2400) {
    return absl::InvalidArgumentError(
        absl::StrCat("pacer options: adaptive latest_server_time is ",
                     a.latest_server_time, ", expected HHMM 0000-2400"));
  }
  return absl::OkStatus();
}

double PacerOptions::EffectiveTarget() const {
  return abandon_target > 0 ? abandon_target : 0.8 * abandon_limit;
}

std::vector<std::string_view> PacerNames() {
  return {"power", "parallel", "predictive", "baseline-ratio",
          "baseline-adaptive"};
}

absl::StatusOr<std::unique_ptr<Pacer>> MakePacer(std::string_view name,
                                                 const PacerOptions& options) {
  if (absl::Status s = options.Validate(); !s.ok()) return s;
  if (name == "power") return std::make_unique<PowerPacer>();
  if (name == "parallel") {
    return std::make_unique<ParallelPacer>(options.lines_per_agent);
  }
  if (name == "predictive") return std::make_unique<PredictivePacer>(options);
  if (name == "baseline-ratio") {
    return std::make_unique<BaselineRatioPacer>(options);
  }
  if (name == "baseline-adaptive") {
    return std::make_unique<BaselineAdaptivePacer>(options);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown pacer '", AbslView(name),
      "', expected power, parallel, predictive, baseline-ratio or "
      "baseline-adaptive"));
}

}  // namespace dialer::pacing
