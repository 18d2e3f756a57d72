// Ingest of a generated 1,000,000-row dirty CSV (tests/ingest/dirty_csv.h):
// rows per second and peak memory of the whole pipeline, against the time
// libphonenumber alone needs to parse the same phone values (the floor no
// ingest can beat). Target (issue 3): pipeline / parse-only <= 1.5, peak
// memory <= 1 GiB.
//
// Run alone, in this order, so that the pipeline's peak RSS is measured
// before the baseline loads its list of numbers:
//   build/<dir>/src/ingest/ingest_benchmark --benchmark_repetitions=1
// (DIALER_INGEST_BENCH_ROWS overrides the row count.)
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "ingest/ingester.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"
#include "tests/ingest/dirty_csv.h"

namespace dialer::ingest {
namespace {

constexpr int64_t kBatchRows = 100000;

int64_t Rows() {
  const char* env = std::getenv("DIALER_INGEST_BENCH_ROWS");
  return env != nullptr ? std::atoll(env) : 1000000;
}

int64_t Batches() { return (Rows() + kBatchRows - 1) / kBatchRows; }

testing::DirtyCsvOptions Batch(int64_t b, bool keep_phones) {
  return {.rows = std::min(kBatchRows, Rows() - b * kBatchRows),
          .seed = static_cast<uint64_t>(b + 1),
          .keep_phones = keep_phones,
          .header = b == 0};
}

// Writes the file batch by batch, so that the generator never holds it all.
const std::string& CsvPath() {
  static const std::string path = [] {
    const std::string p = (std::filesystem::temp_directory_path() /
                           ("dialer_ingest_bench_" + std::to_string(Rows()) + ".csv"))
                              .string();
    if (!std::filesystem::exists(p)) {
      std::ofstream out(p + ".tmp", std::ios::binary);
      for (int64_t b = 0; b < Batches(); ++b) {
        out << testing::GenerateDirtyCsv(Batch(b, false)).text;
      }
      out.close();
      std::filesystem::rename(p + ".tmp", p);
    }
    return p;
  }();
  return path;
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

void BM_IngestPipeline(benchmark::State& state) {
  const std::string& path = CsvPath();
  const NoExistingContacts existing;
  InternalDncList dnc;
  (void)dnc.Add("+12122345678");
  IngestOptions options;
  options.assignment.fallback_agents = {"ann", "bob", "cy"};
  options.phone_memo_entries = static_cast<size_t>(state.range(0));
  int64_t rows = 0, accepted = 0, phone_values = 0, memo_hits = 0;
  for (auto _ : state) {
    absl::StatusOr<Ingester> ingester = Ingester::Create(options, existing, dnc);
    std::ifstream in(path, std::ios::binary);
    absl::StatusOr<IngestResult> result = ingester->IngestCsv(in);
    if (!result.ok()) {
      state.SkipWithError(std::string(result.status().message()).c_str());
      return;
    }
    rows = result->report.counts.rows;
    accepted = result->report.counts.accepted;
    phone_values = result->report.phone_values;
    memo_hits = result->report.phone_memo_hits;
    benchmark::DoNotOptimize(result->contacts.data());
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["accepted"] = static_cast<double>(accepted);
  state.counters["rows_per_second"] = benchmark::Counter(
      static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["phone_values"] = static_cast<double>(phone_values);
  state.counters["memo_hits"] = static_cast<double>(memo_hits);
  state.counters["peak_rss_mib"] = PeakRssMiB();
}
// Argument: IngestOptions::phone_memo_entries (0 = every value parsed).
BENCHMARK(BM_IngestPipeline)->Arg(0)->Arg(65536)->Unit(benchmark::kMillisecond)->Iterations(1);

const std::vector<std::string>& Phones() {
  static const std::vector<std::string> phones = [] {
    std::vector<std::string> all;
    for (int64_t b = 0; b < Batches(); ++b) {
      testing::DirtyCsv batch = testing::GenerateDirtyCsv(Batch(b, true));
      for (std::string& p : batch.phones) all.push_back(std::move(p));
    }
    return all;
  }();
  return phones;
}

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

// Runs `work(util, raw, &number)` on every phone value of the file; it
// returns 1 for a usable number.
template <typename Work>
void RunOverPhones(benchmark::State& state, Work work) {
  const std::vector<std::string>& phones = Phones();
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  for (auto _ : state) {
    int usable = 0;
    PhoneNumber number;
    for (const std::string& p : phones) usable += work(util, p, &number);
    benchmark::DoNotOptimize(usable);
  }
  state.counters["numbers"] = static_cast<double>(phones.size());
}

// The floor: PhoneNumberUtil::Parse on every non-empty phone value of the
// file, nothing else.
void BM_LibphonenumberParseOnly(benchmark::State& state) {
  const std::string region = "US";
  RunOverPhones(state, [&](const PhoneNumberUtil& util, const std::string& p,
                           PhoneNumber* number) {
    return util.Parse(p, region, number) == PhoneNumberUtil::NO_PARSING_ERROR;
  });
}
BENCHMARK(BM_LibphonenumberParseOnly)->Unit(benchmark::kMillisecond)->Iterations(1);

// What the pipeline asks of libphonenumber per number: parse, classify
// (validity and type in one call), format E.164.
void BM_LibphonenumberParseValidateFormat(benchmark::State& state) {
  const std::string region = "US";
  std::string e164;
  RunOverPhones(state, [&](const PhoneNumberUtil& util, const std::string& p,
                           PhoneNumber* number) {
    if (util.Parse(p, region, number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
    if (util.GetNumberType(*number) == PhoneNumberUtil::UNKNOWN) return false;
    util.Format(*number, PhoneNumberUtil::E164, &e164);
    return true;
  });
}
BENCHMARK(BM_LibphonenumberParseValidateFormat)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace dialer::ingest
