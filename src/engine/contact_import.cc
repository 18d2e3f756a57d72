// Engine::ImportContacts / ImportRecords: the ingest pipeline run against
// the engine's own contacts and do-not-call lists.
//
// The pipeline runs on the caller's thread. Its look-ups of engine state
// (the contact index, the DNC lists) each hop onto the strand, so the engine
// keeps dialing while a large file is parsed; the final re-check and the
// insert run in one strand step, which is what makes the import atomic.
#include <functional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"
#include "engine/engine_impl.h"
#include "ingest/compliance_dnc_checker.h"
#include "ingest/ingester.h"

namespace dialer::engine {
namespace {

class StrandExistingContacts final : public ingest::ExistingContacts {
 public:
  using Lookup = std::function<bool(std::string_view)>;
  StrandExistingContacts(Lookup phone, Lookup email)
      : phone_(std::move(phone)), email_(std::move(email)) {}
  bool HasPhone(std::string_view e164) const override { return phone_(e164); }
  bool HasEmail(std::string_view email) const override { return email_(email); }

 private:
  Lookup phone_, email_;
};

class StrandDncChecker final : public ingest::DncChecker {
 public:
  using Lookup =
      std::function<std::string_view(std::string_view, std::string_view)>;
  explicit StrandDncChecker(Lookup lookup) : lookup_(std::move(lookup)) {}
  std::string_view ListHolding(std::string_view e164,
                               std::string_view state) const override {
    return lookup_(e164, state);
  }

 private:
  Lookup lookup_;
};

absl::StatusOr<ingest::ColumnTarget> TargetOf(const std::string& header,
                                              const std::string& name) {
  ingest::ColumnTarget target;
  if (name.starts_with("custom:")) {
    target.field = ingest::ContactField::kCustom;
    target.custom_name = name.substr(7);
    if (!target.custom_name.empty()) return target;
  } else if (auto field = ingest::ContactFieldFromName(name);
             field.has_value() && *field != ingest::ContactField::kCustom) {
    target.field = *field;
    return target;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("column_mapping[\"", header, "\"]: \"", name,
                   "\" is not a field name, \"ignore\" or \"custom:<key>\""));
}

absl::StatusOr<ingest::IngestOptions> ToIngestOptions(
    const ImportOptions& in) {
  ingest::IngestOptions out;
  out.phone.default_region = in.default_region;
  out.phone.reject_toll_free = in.reject_toll_free;
  for (const auto& [header, name] : in.column_mapping) {
    auto target = TargetOf(header, name);
    if (!target.ok()) return target.status();
    out.mapping.emplace_back(header, *std::move(target));
  }
  out.required.clear();
  for (const std::string& name : in.required_fields) {
    auto field = ingest::ContactFieldFromName(name);
    if (!field.has_value() || *field == ingest::ContactField::kCustom ||
        *field == ingest::ContactField::kIgnore) {
      return absl::InvalidArgumentError(absl::StrCat(
          "required_fields: \"", name, "\" is not a contact field name"));
    }
    out.required.push_back(*field);
  }
  out.duplicates = in.duplicates == ImportOptions::Duplicates::kMerge
                       ? ingest::DuplicatePolicy::kMerge
                       : ingest::DuplicatePolicy::kSkip;
  out.dedupe_by_email = in.dedupe_by_email;
  for (const ImportTerritoryRule& r : in.territory_rules) {
    out.assignment.rules.push_back({r.field, r.values, r.agents, r.team});
  }
  out.assignment.fallback_agents = in.round_robin_agents;
  out.delimiter = in.delimiter;
  if (in.progress_every_rows < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat("progress_every_rows: expected at least 1, got ",
                     in.progress_every_rows));
  }
  out.progress_every_rows = in.progress_every_rows;
  return out;
}

ImportReport ToImportReport(const ingest::IngestReport& in) {
  ImportReport out;
  const ingest::StageCounts& c = in.counts;
  out.rows = c.rows;
  out.accepted = c.accepted;
  out.rejected = c.rejected;
  out.duplicates = c.duplicates;
  out.duplicates_in_file = c.duplicates_in_file;
  out.duplicates_existing = c.duplicates_existing;
  out.merged = c.merged;
  out.dnc = c.dnc;
  out.warnings = c.warnings;
  out.blank_lines = c.blank_lines;
  out.stages = {c.parsed, c.validated, c.unique, c.dnc_clear};
  out.bytes = in.bytes;
  out.encoding = std::string(ingest::ToString(in.encoding));
  out.issues.reserve(in.issues.size());
  for (const ingest::RowIssue& i : in.issues) {
    out.issues.push_back({i.line, i.column,
                          std::string(ingest::ToString(i.outcome)),
                          std::string(ingest::ToString(i.reason)), i.value,
                          i.detail});
  }
  return out;
}

}  // namespace

absl::StatusOr<ImportReport> EngineImpl::ImportContacts(
    std::string_view campaign_id, std::istream& csv,
    const ImportOptions& options,
    std::function<void(int64_t rows, int64_t bytes)> progress) {
  ingest::ProgressCallback on_progress;
  if (progress) {
    on_progress = [&progress](const ingest::IngestProgress& p) {
      progress(p.rows_done, p.bytes_read);
    };
  }
  return RunImport(campaign_id, options, [&](ingest::Ingester& ingester) {
    return ingester.IngestCsv(csv, on_progress);
  });
}

absl::StatusOr<ImportReport> EngineImpl::ImportRecords(
    std::string_view campaign_id, const std::vector<ImportRecord>& records,
    const ImportOptions& options) {
  return RunImport(campaign_id, options, [&](ingest::Ingester& ingester) {
    return ingester.IngestRecords(records);
  });
}

absl::StatusOr<ImportReport> EngineImpl::RunImport(
    std::string_view campaign_id, const ImportOptions& options,
    absl::FunctionRef<absl::StatusOr<ingest::IngestResult>(ingest::Ingester&)>
        ingest) {
  auto ingest_options = ToIngestOptions(options);
  if (!ingest_options.ok()) return ingest_options.status();
  // Fail fast, before reading a possibly large file.
  if (auto st = OnStrand([&]() -> absl::Status {
        if (campaigns_.contains(AbslView(campaign_id))) return absl::OkStatus();
        return absl::NotFoundError(
            absl::StrCat("campaign '", AbslView(campaign_id), "' not found"));
      });
      !st.ok()) {
    return st;
  }

  ingest::ComplianceDncChecker dnc(dnc_, *rules_.resolver);
  StrandExistingContacts existing(
      [this](std::string_view e164) {
        return OnStrand([&] { return known_contacts_.HasPhone(e164); });
      },
      [this](std::string_view email) {
        return OnStrand([&] { return known_contacts_.HasEmail(email); });
      });
  StrandDncChecker strand_dnc(
      [this, &dnc](std::string_view e164, std::string_view state) {
        return OnStrand([&] { return dnc.ListHolding(e164, state); });
      });
  auto ingester =
      ingest::Ingester::Create(*std::move(ingest_options), existing, strand_dnc);
  if (!ingester.ok()) return ingester.status();
  absl::StatusOr<ingest::IngestResult> result = ingest(*ingester);
  if (!result.ok()) return result.status();

  ImportReport report = ToImportReport(result->report);
  std::vector<Contact>& contacts = result->contacts;
  return OnStrand([&]() -> absl::StatusOr<ImportReport> {
    // Only a concurrent AddContacts, import or DNC addition can make one of
    // these true: every row was already checked once.
    for (size_t i = 0; i < contacts.size(); ++i) {
      const Contact& c = contacts[i];
      std::vector<std::string_view> phones = {c.phone};
      phones.insert(phones.end(), c.alternate_phones.begin(),
                    c.alternate_phones.end());
      for (std::string_view p : phones) {
        if (known_contacts_.HasPhone(p) || !dnc.ListHolding(p, c.state).empty()) {
          return absl::AbortedError(absl::StrCat(
              "import into '", AbslView(campaign_id), "': ", AbslView(p),
              " was added or listed as do-not-call while the file was read; "
              "nothing was added, retry"));
        }
      }
      if (options.dedupe_by_email && !c.email.empty() &&
          known_contacts_.HasEmail(c.email)) {
        return absl::AbortedError(absl::StrCat(
            "import into '", AbslView(campaign_id), "': ", c.email,
            " was added while the file was read; nothing was added, retry"));
      }
    }
    if (!contacts.empty()) {
      auto ids = AddContacts(campaign_id, std::move(contacts));
      if (!ids.ok()) return ids.status();
      report.contact_ids = *std::move(ids);
    }
    return std::move(report);
  });
}

}  // namespace dialer::engine
