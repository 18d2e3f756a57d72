// dialer_engine_import_csv: the engine's own import (Engine::ImportContacts),
// so that a CSV from C, Python, Node or Java goes through the same pipeline
// as one from C++: dedupe against every contact the engine holds, the
// engine's do-not-call lists, assignment, then queueing.
#include <sstream>
#include <string>

#include "capi/c_engine.h"
#include "capi/c_guard.h"
#include "capi/json_codec.h"

extern "C" dialer_status dialer_engine_import_csv(char** out,
                                                  dialer_engine* engine,
                                                  const char* campaign_id,
                                                  const char* csv,
                                                  size_t csv_len,
                                                  const char* options_json) {
  using namespace dialer::capi;
  return Guard([&]() -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    *out = nullptr;
    if (engine == nullptr) return NotNull(engine, "engine");
    if (campaign_id == nullptr) return NotNull(campaign_id, "campaign_id");
    if (csv == nullptr && csv_len != 0) return NotNull(csv, "csv");
    auto options = ImportOptionsFromJson(
        options_json == nullptr ? std::string_view() : options_json);
    if (!options.ok()) return options.status();
    std::istringstream in(std::string(csv == nullptr ? "" : csv, csv_len));
    auto report = engine->engine->ImportContacts(campaign_id, in, *options);
    if (!report.ok()) return report.status();
    *out = CopyOut(Serialize(ImportReportToJson(*report)));
    return absl::OkStatus();
  });
}
