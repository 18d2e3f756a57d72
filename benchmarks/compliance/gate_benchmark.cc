// Gate decisions per second for a realistic mix, against a baseline measured
// in the same run: the least any gate must do (parse the phone, one zone
// lookup, one absl::TimeZone::At).
//
//   compliance_benchmark --benchmark_filter=Gate
//
// Mix: numbers spread over every US geographic area code; 40% of contacts
// carry a state, 5% an explicit zone; instants spread over a week; a 1 M
// national DNC set, 10 k internal entries; half the campaigns carry a
// Regulation F general cap, every one a caller-ID list of 50.
#include <random>

#include "benchmark/benchmark.h"
#include "compliance/gate.h"

namespace dialer::compliance {
namespace {

struct Mix {
  Rules rules = *Rules::Default();
  DncLists dnc;
  std::vector<GateContact> contacts;
  std::vector<GateCampaign> campaigns;
  std::vector<GateCounters> counters;
  std::vector<absl::Time> instants;

  Mix() {
    std::mt19937_64 rng(1000);
    std::vector<int> npas;
    for (int npa = 200; npa < 1000; ++npa) {
      if (!rules.resolver->StatesForAreaCode(npa).empty()) npas.push_back(npa);
    }
    auto national = [&] {
      return static_cast<uint64_t>(npas[rng() % npas.size()]) * 10000000ULL +
             (2 + rng() % 8) * 1000000ULL + rng() % 1000000ULL;
    };
    DncSetBuilder b;
    for (int i = 0; i < 1'000'000; ++i) b.Add(national());
    dnc.SetNational(std::move(b).Build());
    for (int i = 0; i < 10'000; ++i) (void)dnc.AddInternal(national());
    rules.dnc = &dnc;
    static const char* kStates[] = {"FL", "TX", "CA", "NY", "PA", "OH", "GA", "IL", "AZ", "WA"};
    for (int i = 0; i < 65536; ++i) {
      GateContact c;
      c.phone_e164 = FormatE164(national());
      if (rng() % 10 < 4) c.state = kStates[rng() % std::size(kStates)];
      if (rng() % 20 == 0) c.time_zone = "America/Chicago";
      contacts.push_back(c);
      GateCounters k;
      k.attempts_24h = static_cast<int>(rng() % 3);
      k.attempts_general = static_cast<int>(rng() % 6);
      counters.push_back(k);
      instants.push_back(absl::FromUnixSeconds(1777993200 + static_cast<int64_t>(rng() % (7 * 86400))));
    }
    for (int i = 0; i < 4; ++i) {
      GateCampaign k;
      k.id = "campaign-" + std::to_string(i);
      k.subject = "solar";
      for (int j = 0; j < 50; ++j) k.allowed_caller_ids.insert(FormatE164(2125550100 + j));
      k.caller_id = FormatE164(2125550100 + i);
      k.max_attempts_per_24h = 3;
      if (i % 2) k.general_cap = {7, absl::Hours(24 * 7), absl::Hours(24 * 7)};
      k.mode = DialMode::kPredictive;
      campaigns.push_back(k);
    }
  }
};

Mix& GetMix() {
  static Mix* mix = new Mix();
  return *mix;
}

void BM_GateCheck(benchmark::State& state) {
  Mix& m = GetMix();
  Gate gate(m.rules);
  size_t i = 0, allowed = 0;
  for (auto _ : state) {
    const size_t j = i++ & 65535;
    const Decision d = gate.Check(m.contacts[j], m.campaigns[j & 3], m.counters[j], m.instants[j]);
    allowed += d.allowed;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["allowed_share"] =
      static_cast<double>(allowed) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_GateCheck);

void BM_GateCheckAndJson(benchmark::State& state) {
  Mix& m = GetMix();
  Gate gate(m.rules);
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const size_t j = i++ & 65535;
    bytes += DecisionToJson(
                 gate.Check(m.contacts[j], m.campaigns[j & 3], m.counters[j], m.instants[j]))
                 .size();
  }
  benchmark::DoNotOptimize(bytes);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GateCheckAndJson);

void BM_BaselineParseAndLocalTime(benchmark::State& state) {
  Mix& m = GetMix();
  const ZoneResolver& r = *m.rules.resolver;
  size_t i = 0;
  int64_t sum = 0;
  for (auto _ : state) {
    const size_t j = i++ & 65535;
    const auto n = ParseNanpE164(m.contacts[j].phone_e164);
    bool ok = true;
    const ZoneIdSet zones = r.Resolve(n ? &*n : nullptr, "", "", &ok);
    sum += r.zone(zones[0]).At(m.instants[j]).cs.hour();
  }
  benchmark::DoNotOptimize(sum);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_BaselineParseAndLocalTime);

}  // namespace
}  // namespace dialer::compliance
