#include "benchmarks/pacing/matrix/matrix_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"

namespace dialer::bench {
namespace {

constexpr char kPredictive[] = "predictive";
constexpr char kAdaptive[] = "baseline-adaptive";
constexpr char kPower[] = "power";
// Issue 5's thresholds.
constexpr double kGroundTruthFalsePositiveCap = 0.015;
constexpr double kGeoMeanTarget = 1.25;
constexpr double kPerScenarioTarget = 1.10;
constexpr double kLimitShareTarget = 0.95;
constexpr double kWindowS = 1800;
constexpr int64_t kWindowMinAnswers = 20;

// One colour per pacer, in the order given (colour-blind-safe palette).
const char* Colour(size_t pacer) {
  static const char* kColours[] = {"#7f7f7f", "#e69f00", "#0072b2",
                                   "#009e73", "#d55e00", "#cc79a7"};
  return kColours[pacer % 6];
}

// A pacer on a scenario over every seed.
struct Cell {
  int runs = 0;
  double talk = 0, conversations = 0, abandon = 0, pacing_abandon = 0,
         idle = 0, occupancy = 0;
  double abandon_max = 0, pacing_abandon_max = 0, worst30 = 0;
  double sta95 = 0;
  int sta95_runs = 0;
  int64_t violations = 0;
};

std::vector<std::vector<Cell>> Cells(const MatrixInput& in) {
  std::vector<std::vector<Cell>> cells(
      in.scenarios.size(), std::vector<Cell>(in.pacers.size()));
  for (const Run& run : in.runs) {
    Cell& c = cells[run.scenario][run.pacer];
    const SimReport& r = run.report;
    ++c.runs;
    c.talk += r.talk_s_per_agent_hour;
    c.conversations += r.conversations_per_agent_hour;
    c.abandon += r.abandon_rate;
    c.pacing_abandon += r.pacing_abandon_rate;
    c.idle += r.idle_s_per_agent_hour;
    c.occupancy += r.occupancy;
    c.abandon_max = std::max(c.abandon_max, r.abandon_rate);
    c.pacing_abandon_max = std::max(c.pacing_abandon_max, r.pacing_abandon_rate);
    c.worst30 = std::max(c.worst30, r.max_abandon_rate_30min.value_or(0));
    if (r.speed_to_answer_p95_s) {
      c.sta95 += *r.speed_to_answer_p95_s;
      ++c.sta95_runs;
    }
    c.violations += r.compliance_violations;
  }
  for (auto& row : cells) {
    for (Cell& c : row) {
      if (c.runs == 0) continue;
      const double n = c.runs;
      c.talk /= n;
      c.conversations /= n;
      c.abandon /= n;
      c.pacing_abandon /= n;
      c.idle /= n;
      c.occupancy /= n;
      if (c.sta95_runs > 0) c.sta95 /= c.sta95_runs;
    }
  }
  return cells;
}

int PacerIndex(const MatrixInput& in, const char* name) {
  for (size_t i = 0; i < in.pacers.size(); ++i) {
    if (in.pacers[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string Pct(double x) { return absl::StrFormat("%.2f%%", 100 * x); }

std::string SeedList(const MatrixInput& in) {
  std::string out;
  for (uint64_t s : in.seeds) absl::StrAppend(&out, out.empty() ? "" : ", ", s);
  return out;
}

// The predictive runs' abandon figure the first target uses: ground
// truth where the detector's false positives leave room, else pacing only.
bool UsesGroundTruth(const ScenarioInfo& s) {
  return s.detector_false_positive <= kGroundTruthFalsePositiveCap;
}

void AppendTargets(const MatrixInput& in,
                   const std::vector<std::vector<Cell>>& cells,
                   std::string& md) {
  const int pred = PacerIndex(in, kPredictive);
  const int adaptive = PacerIndex(in, kAdaptive);
  const int power = PacerIndex(in, kPower);
  absl::StrAppend(&md, "\n## Targets (issue 5), on the numbers above\n\n");
  if (pred < 0) {
    absl::StrAppend(&md, "predictive did not run: nothing to check.\n");
    return;
  }

  // 1. Abandon rate, every scenario and seed.
  int checked = 0;
  std::vector<std::string> misses;
  for (const Run& run : in.runs) {
    if (static_cast<int>(run.pacer) != pred) continue;
    const ScenarioInfo& s = in.scenarios[run.scenario];
    const bool truth = UsesGroundTruth(s);
    const double rate =
        truth ? run.report.abandon_rate : run.report.pacing_abandon_rate;
    ++checked;
    if (rate > s.abandon_limit + 1e-12 || run.report.compliance_violations > 0) {
      misses.push_back(absl::StrFormat(
          "%s seed %d: %s %s%s", s.name, run.report.seed,
          truth ? "abandon_rate" : "pacing_abandon_rate", Pct(rate),
          run.report.compliance_violations > 0 ? " + compliance violations"
                                               : ""));
    }
  }
  absl::StrAppend(
      &md, "1. **Abandons** (predictive, every scenario and seed: ground-truth "
           "`abandon_rate` ≤ limit where the detector's false positives ≤ "
           "1.5 %, else `pacing_abandon_rate`; no compliance violation): ",
      misses.empty() ? "**met**" : "**not met**",
      absl::StrFormat(" (%d of %d runs within)", checked - static_cast<int>(misses.size()),
                      checked),
      misses.empty() ? "" : ": ");
  for (size_t i = 0; i < misses.size(); ++i) {
    absl::StrAppend(&md, i ? "; " : "", misses[i]);
  }
  absl::StrAppend(&md, ".\n");

  // 2. Talk time against baseline-adaptive, scenarios of 10+ agents.
  if (adaptive >= 0) {
    double log_sum = 0;
    int n = 0;
    std::vector<std::string> per, low;
    for (size_t s = 0; s < in.scenarios.size(); ++s) {
      if (in.scenarios[s].agents < 10) continue;
      const Cell& p = cells[s][pred];
      const Cell& a = cells[s][adaptive];
      if (p.runs == 0 || a.runs == 0 || a.talk <= 0) continue;
      const double ratio = p.talk / a.talk;
      log_sum += std::log(ratio);
      ++n;
      const bool compliant = a.abandon_max <= in.scenarios[s].abandon_limit;
      per.push_back(absl::StrFormat("%s %.2f×%s", in.scenarios[s].name, ratio,
                                    compliant ? "" : " (baseline not compliant)"));
      if (compliant && ratio < kPerScenarioTarget) {
        low.push_back(absl::StrFormat("%s %.2f×", in.scenarios[s].name, ratio));
      }
    }
    const double geo = n > 0 ? std::exp(log_sum / n) : 0;
    absl::StrAppend(
        &md,
        absl::StrFormat(
            "2. **Talk time vs baseline-adaptive** (10+ agents): geometric "
            "mean %.2f× over %d scenarios (target ≥ %.2f×: %s); per scenario "
            "where the baseline stays compliant on every seed, target ≥ "
            "%.2f×: %s. Ratios: ",
            geo, n, kGeoMeanTarget, geo >= kGeoMeanTarget ? "**met**" : "**not met**",
            kPerScenarioTarget,
            low.empty() ? "**met**" : "**not met** (" + absl::StrJoin(low, ", ") + ")"));
    absl::StrAppend(&md, absl::StrJoin(per, ", "), ".\n");
  }

  // 3. Distance to the limit, 10-50 agents.
  {
    std::vector<std::string> per, low;
    for (size_t s = 0; s < in.scenarios.size(); ++s) {
      const ScenarioInfo& info = in.scenarios[s];
      if (info.agents < 10 || !info.limit) continue;
      const Cell& p = cells[s][pred];
      if (p.runs == 0) continue;
      const double share = p.occupancy / info.limit->occupancy;
      const std::string stationary =
          info.limit->staffed
              ? absl::StrFormat("; all %d agents all day: %.1f%%", info.agents,
                                100 * p.occupancy /
                                    info.limit->stationary_occupancy)
              : "";
      per.push_back(absl::StrFormat(
          "%s %.1f%% (verdict-first: %.1f%%%s)", info.name, 100 * share,
          100 * p.occupancy / info.limit->verdict_first_occupancy,
          stationary));
      if (share < kLimitShareTarget) {
        low.push_back(absl::StrFormat("%s %.1f%%", info.name, 100 * share));
      }
    }
    absl::StrAppend(
        &md,
        "3. **Distance to the limit** (10–50 agents, predictive occupancy ≥ "
        "95 % of the printed optimum, the campaign flow's model with the "
        "scenario's staffing): ",
        low.empty() ? "**met**" : "**not met** (" + absl::StrJoin(low, ", ") + ")",
        ". Shares: ", absl::StrJoin(per, ", "), ".\n");
  }

  // 4. Small teams.
  if (power >= 0) {
    std::vector<std::string> per;
    bool ok = true;
    for (size_t s = 0; s < in.scenarios.size(); ++s) {
      const ScenarioInfo& info = in.scenarios[s];
      if (info.agents < 3 || info.agents > 5) continue;
      const Cell& p = cells[s][pred];
      const Cell& w = cells[s][power];
      if (p.runs == 0 || w.runs == 0) continue;
      const bool compliant = p.abandon_max <= info.abandon_limit;
      const bool above = p.talk > w.talk;
      ok = ok && compliant && above;
      per.push_back(absl::StrFormat(
          "%s: worst seed %s, talk %.0f vs power %.0f (%.2f×)", info.name,
          Pct(p.abandon_max), p.talk, w.talk, w.talk > 0 ? p.talk / w.talk : 0));
    }
    absl::StrAppend(&md,
                    "4. **3–5 agents** (compliant on every seed and above "
                    "power): ",
                    per.empty() ? "no such scenario"
                                : (ok ? "**met**" : "**not met**"),
                    per.empty() ? "" : ". ", absl::StrJoin(per, "; "), ".\n");
  }
}

// SVG helpers.
struct Frame {
  double x0, y0, w, h;  // plot area in pixels
  double xmin, xmax, ymin, ymax;
  double X(double x) const { return x0 + (x - xmin) / (xmax - xmin) * w; }
  double Y(double y) const { return y0 + h - (y - ymin) / (ymax - ymin) * h; }
};

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// A "nice" axis step for about `ticks` intervals over `span`.
double NiceStep(double span, int ticks) {
  const double raw = span / ticks;
  const double mag = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (raw <= m * mag) return m * mag;
  }
  return 10 * mag;
}

void Axes(const Frame& f, std::string& svg, const std::string& xlabel,
          const std::string& ylabel, bool x_percent, bool y_percent,
          int font = 11) {
  absl::StrAppend(&svg, absl::StrFormat(
      "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='none' "
      "stroke='#333'/>\n", f.x0, f.y0, f.w, f.h));
  const double xs = NiceStep(f.xmax - f.xmin, 5);
  for (double x = std::ceil(f.xmin / xs) * xs; x <= f.xmax + 1e-9; x += xs) {
    absl::StrAppend(&svg, absl::StrFormat(
        "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#ddd'/>"
        "<text x='%.1f' y='%.1f' font-size='%d' text-anchor='middle'>%s</text>\n",
        f.X(x), f.y0, f.X(x), f.y0 + f.h, f.X(x), f.y0 + f.h + font + 3, font,
        x_percent ? absl::StrFormat("%g%%", std::round(1000 * x) / 10)
                  : absl::StrFormat("%g", x)));
  }
  const double ys = NiceStep(f.ymax - f.ymin, 5);
  for (double y = std::ceil(f.ymin / ys) * ys; y <= f.ymax + 1e-9; y += ys) {
    absl::StrAppend(&svg, absl::StrFormat(
        "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#ddd'/>"
        "<text x='%.1f' y='%.1f' font-size='%d' text-anchor='end'>%s</text>\n",
        f.x0, f.Y(y), f.x0 + f.w, f.Y(y), f.x0 - 4, f.Y(y) + font / 3.0, font,
        y_percent ? absl::StrFormat("%g%%", std::round(1000 * y) / 10)
                  : absl::StrFormat("%g", y)));
  }
  absl::StrAppend(&svg, absl::StrFormat(
      "<text x='%.1f' y='%.1f' font-size='%d' text-anchor='middle'>%s</text>\n",
      f.x0 + f.w / 2, f.y0 + f.h + 2 * font + 8, font, Escape(xlabel)));
  absl::StrAppend(&svg, absl::StrFormat(
      "<text x='%.1f' y='%.1f' font-size='%d' text-anchor='middle' "
      "transform='rotate(-90 %.1f %.1f)'>%s</text>\n",
      f.x0 - 3.2 * font - 6, f.y0 + f.h / 2, font, f.x0 - 3.2 * font - 6,
      f.y0 + f.h / 2, Escape(ylabel)));
}

void Legend(const MatrixInput& in, double x, double y, std::string& svg) {
  for (size_t p = 0; p < in.pacers.size(); ++p) {
    absl::StrAppend(&svg, absl::StrFormat(
        "<rect x='%.1f' y='%.1f' width='10' height='10' fill='%s'/>"
        "<text x='%.1f' y='%.1f' font-size='12'>%s</text>\n",
        x, y + 16 * p, Colour(p), x + 14, y + 16 * p + 9,
        Escape(in.pacers[p])));
  }
}

}  // namespace

std::string RunsCsv(const MatrixInput& in) {
  std::string csv =
      "scenario,agents,pacer,seed,dials,human_answers,connects,abandoned,"
      "abandon_rate,amd_abandons,pacing_abandon_rate,observed_abandon_rate,"
      "max_abandon_rate_30min,talk_s_per_agent_hour,"
      "conversations_per_agent_hour,dials_per_agent_hour,"
      "idle_s_per_agent_hour,occupancy,speed_to_answer_p95_s,"
      "compliance_violations,events,wall_s\n";
  // Stable order: scenario, pacer, seed.
  std::vector<const Run*> runs;
  for (const Run& r : in.runs) runs.push_back(&r);
  std::sort(runs.begin(), runs.end(), [](const Run* a, const Run* b) {
    if (a->scenario != b->scenario) return a->scenario < b->scenario;
    if (a->pacer != b->pacer) return a->pacer < b->pacer;
    return a->report.seed < b->report.seed;
  });
  for (const Run* run : runs) {
    const SimReport& r = run->report;
    auto opt = [](const std::optional<double>& v) {
      return v ? absl::StrFormat("%.6f", *v) : std::string();
    };
    absl::StrAppend(
        &csv,
        absl::StrFormat("%s,%d,%s,%d,%d,%d,%d,%d,%.6f,%d,%.6f,%.6f,%s,%.1f,"
                        "%.3f,%.2f,%.1f,%.5f,%s,%d,%d,%.2f\n",
                        in.scenarios[run->scenario].name, r.agents,
                        in.pacers[run->pacer], r.seed, r.dials,
                        r.human_answers, r.connects, r.abandoned,
                        r.abandon_rate, r.amd_abandons, r.pacing_abandon_rate,
                        r.observed_abandon_rate, opt(r.max_abandon_rate_30min),
                        r.talk_s_per_agent_hour, r.conversations_per_agent_hour,
                        r.dials_per_agent_hour, r.idle_s_per_agent_hour,
                        r.occupancy, opt(r.speed_to_answer_p95_s),
                        r.compliance_violations, r.events, r.wall_s));
  }
  return csv;
}

std::string MatrixMarkdown(const MatrixInput& in) {
  const auto cells = Cells(in);
  const int adaptive = PacerIndex(in, kAdaptive);
  const int pred = PacerIndex(in, kPredictive);
  std::string md = absl::StrFormat(
      "# Pacing matrix\n\n%d scenarios × %d pacers × seeds %s, through the "
      "simulator and the engine. Figures are means over the seeds; "
      "\"worst seed\" is the highest abandon rate of any seed and \"worst "
      "30 min\" the highest 30-minute rate (≥ 20 live answers) of any seed. "
      "Ratio: talk time against baseline-adaptive on the same scenario.\n",
      in.scenarios.size(), in.pacers.size(), SeedList(in));
  for (size_t s = 0; s < in.scenarios.size(); ++s) {
    const ScenarioInfo& info = in.scenarios[s];
    absl::StrAppend(&md, "\n### ", info.name, " (", info.agents, " agents)\n\n",
                    info.description, "\n\n");
    if (info.limit) {
      const Limit& l = *info.limit;
      absl::StrAppend(
          &md,
          absl::StrFormat(
              "Limit (Markov optimum, %s flow, %s abandon cap): occupancy "
              "**%.1f%%**, %.0f talk-s per agent-hour, %.1f%% of the agents' "
              "time screening machines%s; verdict-first model (%s pacing "
              "budget): %.1f%%; power %.1f%%.",
              l.flow, Pct(l.budget), 100 * l.occupancy,
              l.talk_s_per_agent_hour, 100 * l.screening,
              l.truncation_reached ? " (a truncation reached: a lower bound)"
                                   : "",
              Pct(l.verdict_first_budget), 100 * l.verdict_first_occupancy,
              100 * l.power_occupancy));
      if (l.staffed) {
        absl::StrAppend(
            &md,
            absl::StrFormat(
                " With the scenario's staffing (%s; one abandon cap for the "
                "day); all %d agents all day: %.1f%% (verdict-first %.1f%%).",
                l.staffing, info.agents, 100 * l.stationary_occupancy,
                100 * l.stationary_verdict_first_occupancy));
      }
      if (pred >= 0 && cells[s][pred].runs > 0) {
        absl::StrAppend(
            &md, absl::StrFormat(" Predictive: occupancy %.1f%% = **%.1f%% of "
                                 "the limit** (%.1f%% of the verdict-first "
                                 "figure).",
                                 100 * cells[s][pred].occupancy,
                                 100 * cells[s][pred].occupancy / l.occupancy,
                                 100 * cells[s][pred].occupancy /
                                     l.verdict_first_occupancy));
      }
      absl::StrAppend(&md, "\n\n");
    } else {
      absl::StrAppend(&md, "Limit: not computed above 50 agents.\n\n");
    }
    absl::StrAppend(
        &md,
        "| pacer | talk s / agent-h | ratio | conv. / agent-h | occupancy | "
        "abandon (truth) | worst seed | pacing abandon | worst 30 min | idle "
        "s / agent-h | STA p95 s | violations |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | "
        "--- |\n");
    for (size_t p = 0; p < in.pacers.size(); ++p) {
      const Cell& c = cells[s][p];
      if (c.runs == 0) continue;
      const double base =
          adaptive >= 0 ? cells[s][adaptive].talk : 0;
      absl::StrAppend(
          &md,
          absl::StrFormat(
              "| %s | %.0f | %s | %.1f | %.1f%% | %s | %s | %s | %s | %.0f | "
              "%s | %d |\n",
              in.pacers[p], c.talk,
              base > 0 ? absl::StrFormat("%.2f", c.talk / base) : "–",
              c.conversations, 100 * c.occupancy, Pct(c.abandon),
              Pct(c.abandon_max), Pct(c.pacing_abandon), Pct(c.worst30),
              c.idle,
              c.sta95_runs > 0 ? absl::StrFormat("%.2f", c.sta95) : "–",
              c.violations));
    }
  }
  AppendTargets(in, cells, md);
  return md;
}

std::string TalkVsAbandonSvg(const MatrixInput& in) {
  const auto cells = Cells(in);
  double xmax = 0.06, ymax = 500;
  for (const auto& row : cells) {
    for (const Cell& c : row) {
      if (c.runs == 0) continue;
      xmax = std::max(xmax, c.abandon);
      ymax = std::max(ymax, c.talk);
    }
  }
  xmax = std::min(xmax * 1.05, 0.30);  // beyond 30 % the points sit on the edge
  ymax *= 1.08;
  const Frame f{80, 40, 640, 440, 0, xmax, 0, ymax};
  std::string svg = absl::StrFormat(
      "<svg xmlns='http://www.w3.org/2000/svg' width='900' height='540' "
      "font-family='sans-serif'>\n<rect width='100%%' height='100%%' "
      "fill='white'/>\n<text x='400' y='22' font-size='15' "
      "text-anchor='middle'>Talk time vs abandon rate: every scenario × "
      "pacer (mean of %d seeds)</text>\n",
      in.seeds.size());
  Axes(f, svg, "abandon rate (ground truth)", "talk seconds per agent-hour",
       true, false);
  absl::StrAppend(&svg, absl::StrFormat(
      "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#c00' "
      "stroke-dasharray='6 4'/><text x='%.1f' y='%.1f' font-size='11' "
      "fill='#c00'>3%% limit</text>\n",
      f.X(0.03), f.y0, f.X(0.03), f.y0 + f.h, f.X(0.03) + 4, f.y0 + 12));
  for (size_t s = 0; s < in.scenarios.size(); ++s) {
    for (size_t p = 0; p < in.pacers.size(); ++p) {
      const Cell& c = cells[s][p];
      if (c.runs == 0) continue;
      absl::StrAppend(&svg, absl::StrFormat(
          "<circle cx='%.1f' cy='%.1f' r='4.5' fill='%s' fill-opacity='0.8'>"
          "<title>%s / %s: %.0f talk-s, %s</title></circle>\n",
          f.X(std::min(c.abandon, xmax)), f.Y(c.talk), Colour(p),
          Escape(in.scenarios[s].name), Escape(in.pacers[p]), c.talk,
          Pct(c.abandon)));
    }
  }
  Legend(in, 740, 60, svg);
  absl::StrAppend(&svg, "</svg>\n");
  return svg;
}

std::string AbandonOverDaySvg(const MatrixInput& in) {
  const int columns = 4;
  const int rows =
      (static_cast<int>(in.scenarios.size()) + columns - 1) / columns;
  const double pw = 260, ph = 170, mx = 70, my = 60;
  const double width = columns * (pw + mx) + 150;
  const double height = rows * (ph + my) + 50;
  constexpr double kYMax = 0.10;
  std::string svg = absl::StrFormat(
      "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' "
      "font-family='sans-serif'>\n<rect width='100%%' height='100%%' "
      "fill='white'/>\n<text x='%.0f' y='22' font-size='15' "
      "text-anchor='middle'>Abandon rate over the day: trailing 30 minutes "
      "as the engine observed it, seeds pooled (clipped at 10%%)</text>\n",
      width, height, width / 2);
  for (size_t s = 0; s < in.scenarios.size(); ++s) {
    const ScenarioInfo& info = in.scenarios[s];
    const double x0 = mx + (s % columns) * (pw + mx);
    const double y0 = 50 + (s / columns) * (ph + my);
    const Frame f{x0, y0, pw, ph, 0, info.duration_s / 3600, 0, kYMax};
    Axes(f, svg, "hours since the start", "", false, true, 10);
    absl::StrAppend(&svg, absl::StrFormat(
        "<text x='%.1f' y='%.1f' font-size='12' text-anchor='middle'>%s</text>\n"
        "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#c00' "
        "stroke-dasharray='5 3'/>\n",
        x0 + pw / 2, y0 - 6, Escape(info.name), f.x0, f.Y(0.03), f.x0 + pw,
        f.Y(0.03)));
    for (size_t p = 0; p < in.pacers.size(); ++p) {
      // Pool the seeds minute by minute (their timelines share the minutes).
      std::map<long, std::pair<int64_t, int64_t>> pooled;
      for (const Run& run : in.runs) {
        if (run.scenario != s || run.pacer != p) continue;
        for (const TimelinePoint& t : run.timeline) {
          auto& slot = pooled[std::lround(t.t_s / 60)];
          slot.first += t.human_answers;
          slot.second += t.abandoned;
        }
      }
      std::string path;
      for (auto it = pooled.begin(); it != pooled.end(); ++it) {
        const long minute = it->first;
        if (minute * 60 > info.duration_s) break;
        auto back = pooled.find(minute - static_cast<long>(kWindowS / 60));
        if (back == pooled.end()) continue;
        const int64_t answers = it->second.first - back->second.first;
        if (answers < kWindowMinAnswers) continue;
        const double rate =
            static_cast<double>(it->second.second - back->second.second) /
            answers;
        absl::StrAppend(&path, path.empty() ? "M" : " L",
                        absl::StrFormat("%.1f %.1f", f.X(minute / 60.0),
                                        f.Y(std::min(rate, kYMax))));
      }
      if (!path.empty()) {
        absl::StrAppend(&svg, absl::StrFormat(
            "<path d='%s' fill='none' stroke='%s' stroke-width='1.4'/>\n",
            path, Colour(p)));
      }
    }
  }
  Legend(in, width - 140, 60, svg);
  absl::StrAppend(&svg, "</svg>\n");
  return svg;
}

}  // namespace dialer::bench
