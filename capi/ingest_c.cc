// dialer_engine_import_csv: the ingest pipeline in front of the engine.
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "capi/c_engine.h"
#include "capi/c_guard.h"
#include "capi/json_codec.h"
#include "core/absl_view.h"
#include "ingest/dnc_checker.h"
#include "ingest/existing_contacts.h"
#include "ingest/ingester.h"

namespace dialer::capi {
namespace {

// The contacts this engine handle added: what "already in the store" means
// for deduplication across imports.
class KnownContacts final : public ingest::ExistingContacts {
 public:
  KnownContacts(std::set<std::string> phones, std::set<std::string> emails)
      : phones_(std::move(phones)), emails_(std::move(emails)) {}
  bool HasPhone(std::string_view e164) const override {
    return phones_.contains(std::string(e164));
  }
  bool HasEmail(std::string_view email) const override {
    return emails_.contains(std::string(email));
  }

 private:
  std::set<std::string> phones_;
  std::set<std::string> emails_;
};

}  // namespace
}  // namespace dialer::capi

extern "C" dialer_status dialer_engine_import_csv(char** out,
                                                  dialer_engine* engine,
                                                  const char* campaign_id,
                                                  const char* csv,
                                                  size_t csv_len,
                                                  const char* options_json) {
  using namespace dialer::capi;
  return Guard([&]() -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    if (engine == nullptr) return NotNull(engine, "engine");
    if (campaign_id == nullptr) return NotNull(campaign_id, "campaign_id");
    if (csv == nullptr && csv_len != 0) return NotNull(csv, "csv");
    *out = nullptr;
    dialer_engine& e = *engine;
    if (auto stats = e.engine->GetCampaignStats(campaign_id); !stats.ok()) {
      return stats.status();
    }
    auto options = IngestOptionsFromJson(
        options_json == nullptr ? std::string_view() : options_json);
    if (!options.ok()) return options.status();

    std::set<std::string> phones, emails, dnc_numbers;
    {
      absl::MutexLock lock(&e.mu);
      phones = e.phones;
      emails = e.emails;
      dnc_numbers = e.dnc;
    }
    auto stored_dnc = e.store->InternalDnc();
    if (!stored_dnc.ok()) return stored_dnc.status();
    for (const dialer::DncEntry& d : *stored_dnc) dnc_numbers.insert(d.phone);
    dialer::ingest::InternalDncList dnc;
    for (const std::string& p : dnc_numbers) {
      if (auto st = dnc.Add(p); !st.ok()) return st;
    }
    KnownContacts known(std::move(phones), std::move(emails));

    auto ingester =
        dialer::ingest::Ingester::Create(*std::move(options), known, dnc);
    if (!ingester.ok()) return ingester.status();
    std::istringstream in(std::string(csv == nullptr ? "" : csv, csv_len));
    auto result = ingester->IngestCsv(in, {}, static_cast<int64_t>(csv_len));
    if (!result.ok()) return result.status();

    std::vector<dialer::ContactId> ids;
    if (!result->contacts.empty()) {
      std::vector<dialer::Contact> contacts = result->contacts;
      auto added = e.engine->AddContacts(campaign_id, std::move(contacts));
      if (!added.ok()) return added.status();
      ids = *std::move(added);
      for (const dialer::Contact& c : result->contacts) RememberContact(e, c);
    }
    *out = CopyOut(Serialize(IngestReportToJson(result->report, ids)));
    return absl::OkStatus();
  });
}
