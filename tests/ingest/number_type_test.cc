// NumberTyper must answer exactly what PhoneNumberUtil::GetNumberType()
// answers: checked over every region's example number of every type (and
// neighbours of each, which are often of another type or invalid), every
// non-geographic entity, a sweep of NANP numbers across all area codes, and
// every phone value of a generated dirty file.
#include "ingest/number_type.h"

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"
#include "tests/ingest/dirty_csv.h"

namespace dialer::ingest {
namespace {

using ::i18n::phonenumbers::PhoneNumber;
using ::i18n::phonenumbers::PhoneNumberUtil;

const PhoneNumberUtil& Util() { return *PhoneNumberUtil::GetInstance(); }

// Compares on `number` and on numbers around it (last digits changed, one
// digit more, one digit less). Returns how many numbers were compared.
int ExpectSameAround(const NumberTyper& typer, const PhoneNumber& number) {
  int compared = 0;
  auto expect_same = [&](const PhoneNumber& n) {
    ++compared;
    EXPECT_EQ(typer.GetNumberType(n), Util().GetNumberType(n))
        << "+" << n.country_code() << " " << n.national_number();
  };
  expect_same(number);
  const uint64_t base = number.national_number();
  for (uint64_t v : {base + 1, base + 37, base - 1, base * 10 + 3, base / 10,
                     base ^ 0x5u}) {
    PhoneNumber n = number;
    n.set_national_number(v);
    expect_same(n);
  }
  return compared;
}

TEST(NumberTyperTest, TakesTheOnePassPathForMostCallingCodes) {
  const NumberTyper typer;
  std::set<int> codes;
  Util().GetSupportedCallingCodes(&codes);
  // Every code with a region but a few whose main region has leading digits.
  EXPECT_GT(typer.fast_calling_codes(), static_cast<int>(codes.size()) * 9 / 10);
}

TEST(NumberTyperTest, SameAsGetNumberTypeForEveryRegionAndType) {
  const NumberTyper typer;
  std::set<std::string> regions;
  Util().GetSupportedRegions(&regions);
  int compared = 0;
  for (const std::string& region : regions) {
    std::set<PhoneNumberUtil::PhoneNumberType> types;
    Util().GetSupportedTypesForRegion(region, &types);
    types.insert(PhoneNumberUtil::FIXED_LINE);
    for (PhoneNumberUtil::PhoneNumberType type : types) {
      PhoneNumber example;
      if (!Util().GetExampleNumberForType(region, type, &example)) continue;
      compared += ExpectSameAround(typer, example);
    }
  }
  std::set<int> global;
  Util().GetSupportedGlobalNetworkCallingCodes(&global);
  for (int code : global) {
    PhoneNumber example;
    if (!Util().GetExampleNumberForNonGeoEntity(code, &example)) continue;
    compared += ExpectSameAround(typer, example);
  }
  EXPECT_GT(compared, 5000);
}

TEST(NumberTyperTest, SameAsGetNumberTypeAcrossNanp) {
  const NumberTyper typer;
  std::mt19937_64 rng(7);
  for (uint64_t area = 200; area <= 999; ++area) {
    for (int i = 0; i < 10; ++i) {
      PhoneNumber n;
      n.set_country_code(1);
      n.set_national_number(area * 10'000'000 + rng() % 10'000'000);
      ASSERT_EQ(typer.GetNumberType(n), Util().GetNumberType(n))
          << "+1" << n.national_number();
    }
  }
}

TEST(NumberTyperTest, SameAsGetNumberTypeOverADirtyFile) {
  const NumberTyper typer;
  const testing::DirtyCsv csv =
      testing::GenerateDirtyCsv({.rows = 10000, .seed = 5, .keep_phones = true});
  int parsed = 0;
  for (const std::string& raw : csv.phones) {
    for (const char* region : {"US", "GB", "DE"}) {
      PhoneNumber n;
      if (Util().Parse(raw, region, &n) != PhoneNumberUtil::NO_PARSING_ERROR) {
        continue;
      }
      ++parsed;
      ASSERT_EQ(typer.GetNumberType(n), Util().GetNumberType(n))
          << raw << " in " << region;
    }
  }
  EXPECT_GT(parsed, 10000);
}

}  // namespace
}  // namespace dialer::ingest
