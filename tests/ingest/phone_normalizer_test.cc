#include "ingest/phone_normalizer.h"

#include <string>

#include "gtest/gtest.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"
#include "tests/ingest/dirty_csv.h"

namespace dialer::ingest {
namespace {

PhoneNormalizer Us() {
  absl::StatusOr<PhoneNormalizer> n = PhoneNormalizer::Create({});
  EXPECT_TRUE(n.ok()) << n.status();
  return *std::move(n);
}

TEST(PhoneNormalizerTest, CommonUsFormatsBecomeE164) {
  const PhoneNormalizer n = Us();
  for (const char* raw : {"(212) 555-2368", "212.555.2368", "+1 212 555 2368",
                          "1-212-555-2368", "2125552368", " 212 555 2368 "}) {
    NormalizedPhone p = n.Normalize(raw);
    EXPECT_EQ(p.problem, PhoneProblem::kNone) << raw << ": " << p.detail;
    EXPECT_EQ(p.e164, "+12125552368") << raw;
    EXPECT_EQ(p.extension, "") << raw;
  }
}

TEST(PhoneNormalizerTest, ExtensionIsKeptApart) {
  NormalizedPhone p = Us().Normalize("212-555-2368 x1234");
  EXPECT_EQ(p.e164, "+12125552368");
  EXPECT_EQ(p.extension, "1234");
  EXPECT_EQ(Us().Normalize("(212) 555-2368 ext. 77").extension, "77");
}

TEST(PhoneNormalizerTest, ForeignNumbersWithCountryCode) {
  NormalizedPhone p = Us().Normalize("+44 20 7946 0958");
  EXPECT_EQ(p.problem, PhoneProblem::kNone) << p.detail;
  EXPECT_EQ(p.e164, "+442079460958");
}

TEST(PhoneNormalizerTest, DefaultRegionIsConfigurable) {
  absl::StatusOr<PhoneNormalizer> gb = PhoneNormalizer::Create({.default_region = "gb"});
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(gb->Normalize("020 7946 0958").e164, "+442079460958");
  EXPECT_FALSE(PhoneNormalizer::Create({.default_region = "XX"}).ok());
}

TEST(PhoneNormalizerTest, RefusedNumbersSayWhy) {
  const PhoneNormalizer n = Us();
  EXPECT_EQ(n.Normalize("  - ").problem, PhoneProblem::kEmpty);
  EXPECT_EQ(n.Normalize("not a number").problem, PhoneProblem::kUnparseable);
  EXPECT_EQ(n.Normalize("555-0100").problem, PhoneProblem::kInvalid);
  EXPECT_EQ(n.Normalize("(123) 456-7890").problem, PhoneProblem::kInvalid);
  NormalizedPhone premium = n.Normalize("1-900-234-5678");
  EXPECT_EQ(premium.problem, PhoneProblem::kNotDialable);
  EXPECT_EQ(premium.detail, "premium_rate number");
}

TEST(PhoneNormalizerTest, TollFreeIsDialableUnlessRefused) {
  EXPECT_EQ(Us().Normalize("1-800-356-9377").problem, PhoneProblem::kNone);
  absl::StatusOr<PhoneNormalizer> strict =
      PhoneNormalizer::Create({.reject_toll_free = true});
  ASSERT_TRUE(strict.ok());
  EXPECT_EQ(strict->Normalize("1-800-356-9377").problem,
            PhoneProblem::kNotDialable);
}

TEST(PhoneNormalizerTest, VanityNumbersAreParsed) {
  EXPECT_EQ(Us().Normalize("1-800-FLOWERS").e164, "+18003569377");
}

// Normalize() writes E.164 itself and classifies with NumberTyper: the same
// verdict and the same E.164 as libphonenumber's GetNumberType() and
// Format(E164) for every phone value of a dirty file.
TEST(PhoneNormalizerTest, SameAsLibphonenumberOverADirtyFile) {
  using ::i18n::phonenumbers::PhoneNumber;
  using ::i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  const PhoneNormalizer n = Us();
  const testing::DirtyCsv csv =
      testing::GenerateDirtyCsv({.rows = 5000, .seed = 9, .keep_phones = true});
  int accepted = 0;
  for (const std::string& raw : csv.phones) {
    const NormalizedPhone p = n.Normalize(raw);
    PhoneNumber number;
    if (util.Parse(raw, "US", &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
      EXPECT_NE(p.problem, PhoneProblem::kNone) << raw;
      continue;
    }
    const bool valid = util.GetNumberType(number) != PhoneNumberUtil::UNKNOWN;
    EXPECT_EQ(p.problem != PhoneProblem::kInvalid, valid) << raw;
    if (p.problem != PhoneProblem::kNone) continue;
    ++accepted;
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    EXPECT_EQ(p.e164, e164) << raw;
  }
  EXPECT_GT(accepted, 1000);
}

}  // namespace
}  // namespace dialer::ingest
