#include "compliance/zone_resolver.h"

#include "compliance/embedded_data.h"

#include <algorithm>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::Not;

std::vector<std::string> Zones(std::string_view phone, std::string_view state = "",
                               std::string_view tz = "") {
  auto z = ZoneResolver::Default().CandidateZones(phone, state, "", tz);
  EXPECT_TRUE(z.ok()) << z.status();
  return z.ok() ? *z : std::vector<std::string>{};
}

TEST(ZoneResolverTest, SingleZoneAreaCode) {
  EXPECT_THAT(Zones("+12125550100"), ElementsAre("America/New_York"));
  EXPECT_THAT(Zones("+13105550100"), ElementsAre("America/Los_Angeles"));
}

TEST(ZoneResolverTest, ArizonaKeepsPhoenixWithoutDst) {
  // NANPA says "M" for 602; libphonenumber's America/Phoenix covers it, so no
  // DST-observing Mountain zone is added (field failure #1).
  EXPECT_THAT(Zones("+16025550100"), ElementsAre("America/Phoenix"));
}

TEST(ZoneResolverTest, SplitAreaCodeUnionsNanpaZones) {
  // 208: Mountain + Pacific per NANPA, whatever the exchange says.
  const auto z = Zones("+12082015555");
  EXPECT_THAT(z, Contains("America/Los_Angeles"));
  EXPECT_TRUE(std::count(z.begin(), z.end(), "America/Denver") +
                  std::count(z.begin(), z.end(), "America/Boise") >= 1);
}

TEST(ZoneResolverTest, OverlayInheritsComplexZones) {
  // 364 is a single zone in libphonenumber but overlays 270 (Eastern+Central).
  EXPECT_THAT(Zones("+13645550100"), IsSupersetOf({"America/New_York", "America/Chicago"}));
  // 930 is "E" in NANPA but overlays 812 (EC).
  EXPECT_THAT(Zones("+19305550100"), IsSupersetOf({"America/New_York", "America/Chicago"}));
  // 915 (El Paso) is only Denver in libphonenumber, CM in NANPA.
  EXPECT_THAT(Zones("+19155550100"), IsSupersetOf({"America/Denver", "America/Chicago"}));
}

TEST(ZoneResolverTest, AreaCodeMissingFromLibphonenumberIsEveryZone) {
  // 729 (TN, 2025) is absent from map_data.txt: the bare "1|" line applies.
  const auto z = Zones("+17295550100");
  EXPECT_GT(z.size(), 30u);
  EXPECT_THAT(z, IsSupersetOf({"Pacific/Guam", "America/New_York", "Pacific/Honolulu"}));
}

TEST(ZoneResolverTest, NanpaCanFillLibphonenumberGapsWhenAsked) {
  ZoneResolver::Options options;
  options.nanpa_fills_libphonenumber_gaps = true;
  auto r = ZoneResolver::Create(EmbeddedMapData(), EmbeddedNpaReport(), options);
  ASSERT_TRUE(r.ok()) << r.status();
  // 729 TN: NANPA "EC"; Tennessee's own zones represent the letters.
  EXPECT_THAT(*(*r)->CandidateZones("+17295550100", "", "", ""),
              ElementsAre("America/Chicago", "America/New_York"));
}

TEST(ZoneResolverTest, SingleZoneStatePolicy) {
  ZoneResolver::Options options;
  options.state_zones = ZoneResolver::StateZonePolicy::kSingleZoneStatesOnly;
  auto r = ZoneResolver::Create(EmbeddedMapData(), EmbeddedNpaReport(), options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_THAT(*(*r)->CandidateZones("+13055550100", "FL", "", ""),
              ElementsAre("America/New_York"));
  EXPECT_THAT(*(*r)->CandidateZones("+12125550100", "CA", "", ""),
              ElementsAre("America/Los_Angeles", "America/New_York"));
}

TEST(ZoneResolverTest, RejectsMalformedData) {
  ZoneResolver::Options options;
  EXPECT_FALSE(ZoneResolver::Create("", EmbeddedNpaReport(), options).ok());
  EXPECT_FALSE(ZoneResolver::Create("1|Mars/Olympus\n", EmbeddedNpaReport(), options).ok());
  EXPECT_FALSE(ZoneResolver::Create(EmbeddedMapData(), "", options).ok());
}

TEST(ZoneResolverTest, ContactStateAddsAllOfItsZones) {
  // A Florida address may be in the Central panhandle.
  EXPECT_THAT(Zones("+13055550100", "FL"),
              ElementsAre("America/Chicago", "America/New_York"));
  // A New York number with a California address: both.
  EXPECT_THAT(Zones("+12125550100", "CA"),
              ElementsAre("America/Los_Angeles", "America/New_York"));
}

TEST(ZoneResolverTest, ExplicitZoneJoins) {
  EXPECT_THAT(Zones("+12125550100", "", "America/Indiana/Knox"),
              ElementsAre("America/Indiana/Knox", "America/New_York"));
}

TEST(ZoneResolverTest, RejectsBadInput) {
  const ZoneResolver& r = ZoneResolver::Default();
  EXPECT_FALSE(r.CandidateZones("2125550100", "", "", "").ok());
  EXPECT_FALSE(r.CandidateZones("+11125550100", "", "", "").ok());  // NPA 112
  EXPECT_FALSE(r.CandidateZones("+12125550100", "", "", "Mars/Olympus").ok());
  bool tz_ok = true;
  const ZoneIdSet all = r.Resolve(nullptr, "", "", &tz_ok);
  EXPECT_TRUE(tz_ok);
  EXPECT_GT(all.size(), 30u);  // nothing known: every NANP zone
}

TEST(ZoneResolverTest, StatesForAreaCodeFromNanpa) {
  const ZoneResolver& r = ZoneResolver::Default();
  EXPECT_THAT(r.StatesForAreaCode(305), ElementsAre("FL"));
  EXPECT_THAT(r.StatesForAreaCode(405), ElementsAre("OK"));
  EXPECT_THAT(r.StatesForAreaCode(416), ElementsAre());  // Ontario
  EXPECT_THAT(r.StatesForAreaCode(800), ElementsAre());
  EXPECT_THAT(r.StatesForAreaCode(670), ElementsAre("MP"));
}

TEST(ZoneResolverTest, AreaCodesInZoneAreExactlyThatZone) {
  const ZoneResolver& r = ZoneResolver::Default();
  const std::vector<int> eastern = r.AreaCodesInZone("America/New_York");
  EXPECT_THAT(eastern, IsSupersetOf({212, 305, 404, 617}));
  EXPECT_THAT(eastern, Not(Contains(850)));  // EC
  EXPECT_THAT(eastern, Not(Contains(416)));  // Canada
  EXPECT_THAT(eastern, Not(Contains(729)));  // unmapped
  EXPECT_THAT(r.AreaCodesInZone("America/Phoenix"), IsSupersetOf({480, 602}));
  EXPECT_THAT(r.AreaCodesInZone("Europe/Paris"), ElementsAre());
  for (int npa : eastern) {
    const std::string phone = "+1" + std::to_string(npa) + "5550100";
    EXPECT_THAT(Zones(phone), ElementsAre("America/New_York")) << npa;
  }
}

// Offset classes let the gate evaluate the time rules once per class; they
// must only group zones whose local time is the same at every instant of
// the span.
TEST(ZoneResolverTest, OffsetClassesGroupOnlyZonesThatAgree) {
  const ZoneResolver& r = ZoneResolver::Default();
  bool ok = true;
  const ZoneIdSet all = r.Resolve(nullptr, "", "", &ok);  // every NANP zone
  ASSERT_GT(all.size(), 20u);
  auto id = [&](std::string_view name) {
    for (ZoneId z : all) {
      if (r.zone_name(z) == name) return z;
    }
    ADD_FAILURE() << name;
    return ZoneId{0};
  };
  EXPECT_EQ(r.offset_class(id("America/New_York")), r.offset_class(id("America/Toronto")));
  EXPECT_EQ(r.offset_class(id("America/Puerto_Rico")), r.offset_class(id("America/St_Thomas")));
  EXPECT_NE(r.offset_class(id("America/Denver")), r.offset_class(id("America/Phoenix")));
  EXPECT_NE(r.offset_class(id("America/New_York")), r.offset_class(id("America/Chicago")));
  size_t classes = 0;
  for (ZoneId z : all) classes += r.offset_class(z) == z;
  EXPECT_LT(classes, all.size());
  // Every zone against its class's zone: every 7 hours over the whole span
  // (7 and 24 are coprime: every hour of the day is sampled each week) and
  // every minute of the 2026 US spring-forward day, offsets must match.
  const absl::Time begin = ZoneResolver::OffsetClassBegin();
  const absl::Time end = ZoneResolver::OffsetClassEnd();
  for (ZoneId z : all) {
    const ZoneId c = r.offset_class(z);
    if (c == z) continue;
    SCOPED_TRACE(r.zone_name(z) + " ~ " + r.zone_name(c));
    for (absl::Time t = begin; t < end; t += absl::Hours(7)) {
      ASSERT_EQ(r.zone(z).At(t).offset, r.zone(c).At(t).offset) << t;
    }
    const absl::Time march = absl::FromUnixSeconds(1772928000);  // 2026-03-08T00:00Z
    for (absl::Time t = march; t < march + absl::Hours(24); t += absl::Minutes(1)) {
      ASSERT_EQ(r.zone(z).At(t).cs, r.zone(c).At(t).cs) << t;
    }
  }
}

}  // namespace
}  // namespace dialer::compliance
