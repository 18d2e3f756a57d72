// The JSON forms of the C++ API's values, as they cross the C ABI: config,
// campaigns, contacts, dispositions, events, stats, snapshots and the store's
// records. The one place that knows these schemas (docs/c-api.md documents
// them); every To*Json has a From*Json inverse where a host sends the value
// back, and tests/capi/json_codec_test.cc round-trips them.
//
// Conventions: instants are integer microseconds since the epoch in keys
// ending `_us` (absl::InfinitePast() is null); durations are seconds in keys
// ending `_s` (a null value is the default, except callback_owner_grace_s,
// where null is absl::InfiniteDuration()); enums are their snake_case names (core/enum_names.h). Parsers
// reject unknown keys and wrong types with InvalidArgument whose message
// starts with the JSON path ("$.campaigns[0].mode: ...").
//
// Pure functions; thread-safe.
#ifndef DIALER_CAPI_JSON_CODEC_H_
#define DIALER_CAPI_JSON_CODEC_H_

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "absl/status/statusor.h"
#include "dialer/config.h"
#include "dialer/contact.h"
#include "dialer/engine.h"
#include "dialer/events.h"
#include "dialer/import.h"
#include "dialer/store.h"

namespace dialer::capi {

// Parses text into a JSON value; syntax errors name the line and column.
absl::StatusOr<boost::json::value> ParseJson(std::string_view text,
                                             std::string_view what);

struct EngineConfig {
  EngineOptions options;
  std::vector<CampaignConfig> campaigns;
};

absl::StatusOr<EngineConfig> EngineConfigFromJson(std::string_view text);
boost::json::value EngineConfigToJson(const EngineConfig& config);

absl::StatusOr<CampaignConfig> CampaignFromJson(const boost::json::value& v,
                                                std::string path);
boost::json::value CampaignToJson(const CampaignConfig& c);

absl::StatusOr<Contact> ContactFromJson(const boost::json::value& v,
                                        std::string path);
boost::json::value ContactToJson(const Contact& c);

absl::StatusOr<DispositionInput> DispositionFromJson(std::string_view text);
boost::json::value DispositionToJson(const DispositionInput& d);

boost::json::value AgentStateEventToJson(const AgentStateEvent& e);
boost::json::value ScreenPopToJson(const ScreenPop& p);
boost::json::value CallEventToJson(const CallEvent& e);
boost::json::value AlertToJson(const Alert& a);
boost::json::value LogToJson(LogLevel level, std::string_view message);

boost::json::value CampaignStatsToJson(std::string_view campaign_id,
                                       const CampaignStats& s);
boost::json::value AgentSnapshotToJson(const AgentSnapshot& a);

// The store's records: one op object {"op": "<kind>", ...} per WriteOp.
boost::json::value WriteOpToJson(const WriteOp& op);
absl::StatusOr<WriteOp> WriteOpFromJson(const boost::json::value& v,
                                        std::string path);
boost::json::value WriteBatchToJson(const WriteBatch& batch);
absl::StatusOr<WriteBatch> WriteBatchFromJson(std::string_view text);

boost::json::value ContactsToJson(const std::vector<Contact>& contacts);
absl::StatusOr<std::vector<Contact>> ContactsFromJson(std::string_view text);
absl::StatusOr<std::vector<ContactId>> ContactIdsFromJson(std::string_view text);
absl::StatusOr<std::vector<AttemptStarted>> AttemptsFromJson(
    std::string_view text);
absl::StatusOr<std::vector<DncEntry>> DncEntriesFromJson(std::string_view text);

// CSV import: {"default_region", "reject_toll_free", "mapping",
// "assignment", "duplicates": "skip"|"merge", "dedupe_by_email",
// "delimiter"} as the engine's ImportOptions; empty text means the
// defaults. "mapping" and "assignment" are the ingest files' formats
// (docs/ingest.md).
absl::StatusOr<ImportOptions> ImportOptionsFromJson(std::string_view text);
// The engine's import report as the C ABI's JSON ("counts", "encoding",
// "bytes", "issues", "contact_ids").
boost::json::value ImportReportToJson(const ImportReport& report);

// Compact serialization (no spaces), as every JSON string of the ABI.
std::string Serialize(const boost::json::value& v);

}  // namespace dialer::capi

#endif  // DIALER_CAPI_JSON_CODEC_H_
