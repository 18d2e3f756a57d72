// RunSimulation: wires the engine to the simulated world on one
// SimulatedClock and turns the ground truth into a SimReport.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "compliance/zone_resolver.h"
#include "dialer/engine.h"
#include "dialer/import.h"
#include "dialer/simulated_clock.h"
#include "dialer/simulator.h"
#include "dialer/store.h"
#include "sim/contact_book.h"
#include "sim/engine_tap.h"
#include "sim/event_log.h"
#include "sim/report_builder.h"
#include "sim/scenario_validation.h"
#include "sim/sim_agents.h"
#include "sim/simulated_provider.h"

namespace dialer {
inline namespace v1 {
namespace {

constexpr char kCampaignId[] = "sim";
// How long after the end of the day calls in progress may take to settle.
constexpr absl::Duration kSettleLimit = absl::Hours(12);
constexpr absl::Duration kProgressEvery = absl::Minutes(1);

// Forwards the engine's events to the event log and the simulated agents.
class SimSink final : public sim::EventLogSink {
 public:
  SimSink(sim::EventLog* log, sim::SimAgents* agents)
      : EventLogSink(log), agents_(agents) {}
  void OnAgentState(const AgentStateEvent& e) override {
    EventLogSink::OnAgentState(e);
    agents_->OnAgentState(e);
  }

 private:
  sim::SimAgents* const agents_;
};

absl::StatusOr<DialMode> ModeFor(const std::string& pacer) {
  if (pacer == "power") return DialMode::kPower;
  if (pacer == "parallel") return DialMode::kParallel;
  if (pacer == "predictive") return DialMode::kPredictive;
  // The baselines are predictive-mode pacers (CampaignConfig::pacer).
  if (pacer == "baseline-ratio" || pacer == "baseline-adaptive") {
    return DialMode::kPredictive;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "pacer: expected one of power|parallel|predictive|baseline-ratio|"
      "baseline-adaptive, got \"",
      pacer, "\""));
}

// A number of the center's own area (or of the first contact zone that has
// one; an imported list's book is still empty when this is asked).
absl::StatusOr<std::string> CallerIdFor(
    const sim::ContactBook& book, const std::string& center_zone,
    const compliance::ZoneResolver& resolver) {
  std::vector<int> npas = resolver.AreaCodesInZone(center_zone);
  for (const sim::ContactBook::Zone& zone : book.zones()) {
    if (!npas.empty()) break;
    npas = zone.area_codes;
  }
  if (npas.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "$.time_zone: \"", center_zone,
        "\" has no US area codes to take the caller ID from"));
  }
  return absl::StrCat("+1", npas.front(), "4560100");
}

// contacts.csv resolved against the scenario's directory.
std::string CsvPath(const Scenario& scenario, const SimOptions& options) {
  const std::filesystem::path csv(scenario.contacts.csv);
  if (csv.is_absolute() || options.scenario_dir.empty()) return csv.string();
  return (std::filesystem::path(options.scenario_dir) / csv).string();
}

SimProgress ProgressOf(Engine& engine, absl::Time now, absl::Time start,
                       int64_t events) {
  SimProgress p;
  p.now = now;
  p.events = events;
  p.elapsed = now - start;
  auto stats = engine.GetCampaignStats(kCampaignId);
  if (stats.ok()) {
    p.dials = stats->dials;
    p.human_answers = stats->human_answers;
    p.connects = stats->connects;
    p.abandoned = stats->abandoned;
    p.abandon_rate = stats->human_answers > 0
                         ? static_cast<double>(stats->abandoned) /
                               stats->human_answers
                         : 0;
  }
  return p;
}

}  // namespace

absl::StatusOr<SimReport> RunSimulation(const Scenario& scenario,
                                        const SimOptions& options) {
  return sim::RunTappedSimulation(scenario, options, nullptr);
}

}  // namespace v1
}  // namespace dialer

namespace dialer::sim {

absl::StatusOr<SimReport> RunTappedSimulation(const Scenario& scenario,
                                              const SimOptions& options,
                                              EngineTap* tap) {
  const auto wall_start = std::chrono::steady_clock::now();
  if (auto st = sim::ValidateScenario(scenario); !st.ok()) return st;
  const std::string pacer =
      options.pacer.empty() ? scenario.campaign.mode : options.pacer;
  absl::StatusOr<DialMode> mode = ModeFor(pacer);
  if (!mode.ok()) return mode.status();
  const uint64_t seed = options.seed.value_or(scenario.seed);
  absl::TimeZone center;
  if (!absl::LoadTimeZone(scenario.time_zone, &center)) {
    return absl::InvalidArgumentError(
        absl::StrCat("$.time_zone: unknown zone \"", scenario.time_zone, "\""));
  }
  const absl::Time start = absl::FromCivil(scenario.start, center);
  const absl::Time end = start + absl::Seconds(scenario.duration_s);

  const compliance::ZoneResolver& resolver =
      compliance::ZoneResolver::Default();
  const bool imported = !scenario.contacts.csv.empty();
  std::ifstream csv;
  std::string csv_path;
  // An imported list's book is filled from the store after the import.
  absl::StatusOr<sim::ContactBook> book = sim::ContactBook();
  if (imported) {
    csv_path = CsvPath(scenario, options);
    csv.open(csv_path, std::ios::binary);
    if (!csv) {
      return absl::NotFoundError(
          absl::StrCat("$.contacts.csv: cannot open \"", csv_path, "\""));
    }
  } else {
    book = sim::ContactBook::Generate(scenario, seed, resolver);
    if (!book.ok()) return book.status();
  }

  // Destroyed in reverse: engine, then the world, then the clock.
  SimulatedClock clock(start);
  sim::EventLog log(&clock, options.event_log);
  sim::SimulatedProvider provider(
      scenario, seed, center, &clock,
      // The number's contact, guessed from the streams of numbers dialed
      // so far before the hash lookup (see NumberCursor).
      [cursor = sim::NumberCursor(&*book)](std::string_view phone) mutable {
        return cursor.Find(phone);
      });
  // Without an event log nobody reads the commands' details: the provider
  // then skips formatting them.
  if (log.enabled()) provider.set_observer(&log);
  sim::SimAgents agents(scenario, seed, kCampaignId, &clock, &provider, &log);
  SimSink sink(&log, &agents);
  MemoryStore store;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(
      EngineOptions{},
      EngineEnv{tap != nullptr ? tap->WrapClock(&clock) : &clock,
                tap != nullptr ? tap->WrapProvider(&provider) : &provider,
                &store, &sink});
  if (!engine.ok()) return engine.status();
  // Everything the world asks of the engine goes through the tap, if any.
  Engine* const facade =
      tap != nullptr ? tap->WrapEngine(engine->get()) : engine->get();
  agents.set_engine(facade);

  CampaignConfig campaign;
  campaign.id = kCampaignId;
  campaign.name = scenario.name;
  campaign.mode = *mode;
  campaign.lines_per_agent = scenario.campaign.lines_per_agent;
  if (pacer == "baseline-ratio" || pacer == "baseline-adaptive") {
    campaign.pacer = pacer;
  }
  // The campaign states its detector's expected false-positive rate; the
  // simulator's detector is the scenario's, so it states that one.
  campaign.detector_false_positive_rate = scenario.amd.human_as_machine;
  campaign.time_zone = scenario.time_zone;
  campaign.abandon_limit = scenario.campaign.abandon_limit;
  absl::StatusOr<std::string> caller_id =
      CallerIdFor(*book, scenario.time_zone, resolver);
  if (!caller_id.ok()) return caller_id.status();
  campaign.caller_ids = {*std::move(caller_id)};
  if (scenario.campaign.voicemail_drop) campaign.voicemail_audio = "sim:voicemail";
  campaign.wrap_up.mode = WrapUpConfig::Mode::kAuto;
  campaign.wrap_up.auto_ready_after = absl::ZeroDuration();
  if (auto st = facade->AddCampaign(campaign); !st.ok()) return st;
  if (imported) {
    absl::StatusOr<ImportReport> import =
        facade->ImportContacts(kCampaignId, csv, ImportOptions{});
    if (!import.ok()) {
      return absl::Status(import.status().code(),
                          absl::StrCat("$.contacts.csv (", csv_path, "): ",
                                       import.status().message()));
    }
    *book = sim::ContactBook::FromContacts(store.Snapshot().contacts, resolver);
  } else if (auto ids =
                 facade->AddContacts(kCampaignId, book->EngineContacts());
             !ids.ok()) {
    return ids.status();
  }
  for (const sim::SimContact& c : book->contacts()) {
    if (!c.dnc) continue;
    if (auto st = facade->AddToDoNotCall(c.phone, "simulator"); !st.ok()) {
      return st;
    }
  }

  agents.Start();
  for (absl::Time t = start; t < end;) {
    t = std::min(t + kProgressEvery, end);
    clock.RunUntil(t);
    if (options.progress) options.progress(ProgressOf(*facade, t, start, clock.executed()));
  }
  agents.EndOfDay();
  while ((provider.in_flight() > 0 || !agents.AllIdle()) &&
         clock.Now() < end + kSettleLimit) {
    if (!clock.RunNext()) break;
  }
  agents.LogoutAll();
  if (options.progress) {
    options.progress(
        ProgressOf(*facade, clock.Now(), start, clock.executed()));
  }

  sim::RunFacts facts;
  facts.scenario = scenario.name;
  facts.pacer = pacer;
  facts.seed = seed;
  facts.agents = scenario.agents.count;
  for (AgentState s : {AgentState::kReady, AgentState::kPreview,
                       AgentState::kDialing, AgentState::kOnCall,
                       AgentState::kWrapUp}) {
    facts.logged_in += agents.TimeIn(s);
  }
  facts.wrap = agents.TimeIn(AgentState::kWrapUp);
  absl::StatusOr<CampaignStats> stats =
      facade->GetCampaignStats(kCampaignId);
  if (!stats.ok()) return stats.status();
  facts.engine = *stats;
  facts.agent_command_errors = agents.command_errors();
  facts.events = clock.executed();
  if (tap != nullptr) tap->DayOver(facts.events);
  facts.simulated = clock.Now() - start;
  facts.wall_s = std::chrono::duration<double>(
                     std::chrono::steady_clock::now() - wall_start)
                     .count();
  return sim::BuildReport(facts, provider, *book);
}

}  // namespace dialer::sim
