// `dialer import`: runs a CSV contact list through the ingest pipeline into
// an in-memory store and reports what happened to every row (docs/ingest.md).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "boost/json.hpp"
#include "command.h"
#include "compliance/dnc_lists.h"
#include "compliance/nanp_number.h"
#include "compliance/zone_resolver.h"
#include "dialer/store.h"
#include "ingest/compliance_dnc_checker.h"
#include "ingest/ingester.h"

namespace {

namespace ingest = ::dialer::ingest;
namespace compliance = ::dialer::compliance;

constexpr char kUsage[] =
    "usage: dialer import FILE.csv [--mapping MAP.json] [--region US]\n"
    "           [--rejects OUT.csv] [--json] [--contacts] [--dnc FILE]\n"
    "           [--assign RULES.json] [--agents A,B,...] [--merge-duplicates]\n"
    "           [--progress]\n"
    "\n"
    "Parses, maps, normalises, validates, deduplicates, DNC-scrubs and assigns\n"
    "the contacts of FILE.csv, adds the accepted ones to an in-memory store and\n"
    "prints the report.\n"
    "\n"
    "  --mapping MAP.json  header -> field overrides ({\"Cell #\": \"mobile_phone\"})\n"
    "  --region CC         region for numbers without a country code (US)\n"
    "  --rejects OUT.csv   write every rejected, duplicate or warned row\n"
    "                      (line,column,outcome,reason,value,detail)\n"
    "  --json              print one JSON object\n"
    "  --contacts          with --json: include the accepted contacts\n"
    "  --dnc FILE          internal do-not-call list, one number per line\n"
    "  --assign RULES.json territory rules ({\"rules\": [...], \"agents\": [...]})\n"
    "  --agents A,B        round-robin agents (the fallback pool)\n"
    "  --merge-duplicates  fold duplicate rows into the first (default: skip)\n"
    "  --progress          print progress to stderr\n"
    "\n"
    "Exit status: 0 imported (rows may have been rejected), 1 the file could\n"
    "not be read or stored (nothing was stored), 2 bad arguments.\n";

int Usage(std::string_view problem) {
  std::fprintf(stderr, "dialer import: %.*s\n\n%s",
               static_cast<int>(problem.size()), problem.data(), kUsage);
  return 2;
}

int Fail(std::string_view problem) {
  std::fprintf(stderr, "dialer import: %.*s\n", static_cast<int>(problem.size()),
               problem.data());
  return 1;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !in.bad();
}

std::string StatusText(const absl::Status& status) {
  return std::string(status.message().data(), status.message().size());
}

// Reads one number per line (any format the normaliser accepts; '#'
// comments) into the internal list.
std::optional<std::string> LoadDnc(const std::string& path,
                                   const ingest::PhoneNormalizer& phones,
                                   compliance::DncLists* lists) {
  std::string text;
  if (!ReadFile(path, &text)) return "cannot read DNC file " + path;
  std::istringstream in(text);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const size_t hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const ingest::NormalizedPhone p = phones.Normalize(line);
    std::optional<compliance::NanpNumber> nanp =
        p.problem == ingest::PhoneProblem::kNone
            ? compliance::ParseNanpE164(p.e164)
            : std::nullopt;
    if (!nanp.has_value()) {
      return path + ":" + std::to_string(n) + ": '" + line +
             "' is not a NANP phone number";
    }
    if (absl::Status s = lists->AddInternal(nanp->national); !s.ok()) {
      return path + ":" + std::to_string(n) + ": " + StatusText(s);
    }
  }
  return std::nullopt;
}

std::vector<std::string> SplitCommas(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) out.emplace_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

boost::json::object ContactJson(const dialer::Contact& c,
                                const compliance::ZoneResolver& zones) {
  boost::json::object o;
  o["id"] = c.id;
  if (!c.external_id.empty()) o["external_id"] = c.external_id;
  o["first_name"] = c.first_name;
  o["last_name"] = c.last_name;
  o["company"] = c.company;
  o["title"] = c.title;
  o["email"] = c.email;
  o["phone"] = c.phone;
  boost::json::array alternates;
  for (const std::string& a : c.alternate_phones) alternates.emplace_back(a);
  o["alternate_phones"] = std::move(alternates);
  o["state"] = c.state;
  o["zip"] = c.zip;
  o["time_zone"] = c.time_zone;
  // Candidate zones as the compliance gate will see them; only NANP numbers
  // have area-code data, so others get their explicit zone or nothing.
  absl::StatusOr<std::vector<std::string>> candidates =
      zones.CandidateZones(c.phone, c.state, c.zip, c.time_zone);
  if (candidates.ok()) {
    boost::json::array tz;
    for (const std::string& z : *candidates) tz.emplace_back(z);
    o["time_zones"] = std::move(tz);
  } else if (!c.time_zone.empty()) {
    o["time_zones"] = boost::json::array{boost::json::string(c.time_zone)};
  }
  o["assigned_agent"] = c.assigned_agent;
  boost::json::object fields;
  for (const auto& [k, v] : c.fields) fields[k] = v;
  o["fields"] = std::move(fields);
  return o;
}

// Issues per "<outcome><separator><reason>".
std::map<std::string, int64_t> CountIssues(const ingest::IngestReport& r,
                                           std::string_view separator) {
  std::map<std::string, int64_t> counts;
  for (const ingest::RowIssue& i : r.issues) {
    std::string key(ingest::ToString(i.outcome));
    key += separator;
    key += ingest::ToString(i.reason);
    ++counts[key];
  }
  return counts;
}

boost::json::object ReportJson(const ingest::IngestReport& r) {
  const ingest::StageCounts& c = r.counts;
  boost::json::object o;
  o["rows"] = c.rows;
  o["accepted"] = c.accepted;
  o["rejected"] = c.rejected;
  o["duplicates"] = c.duplicates;
  o["dnc"] = c.dnc;
  o["merged"] = c.merged;
  o["duplicates_in_file"] = c.duplicates_in_file;
  o["duplicates_existing"] = c.duplicates_existing;
  o["warnings"] = c.warnings;
  o["blank_lines"] = c.blank_lines;
  o["stages"] = {{"rows", c.rows},           {"parsed", c.parsed},
                 {"validated", c.validated}, {"unique", c.unique},
                 {"dnc_clear", c.dnc_clear}, {"accepted", c.accepted}};
  boost::json::object by_reason;
  for (const auto& [k, n] : CountIssues(r, ":")) by_reason[k] = n;
  o["issues_by_reason"] = std::move(by_reason);
  o["encoding"] = std::string(ingest::ToString(r.encoding));
  o["repaired_sequences"] = r.repaired_sequences;
  o["bytes"] = r.bytes;
  boost::json::array columns;
  for (const auto& [header, target] : r.columns) {
    boost::json::object col;
    col["header"] = header;
    col["field"] = std::string(ingest::ToString(target.field));
    if (target.field == ingest::ContactField::kCustom) col["key"] = target.custom_name;
    columns.emplace_back(std::move(col));
  }
  o["columns"] = std::move(columns);
  return o;
}

void PrintText(const std::string& path, const ingest::IngestReport& r,
               const std::string& rejects_path) {
  const ingest::StageCounts& c = r.counts;
  std::printf("%s: %lld rows (%s, %lld bytes)\n", path.c_str(),
              static_cast<long long>(c.rows), std::string(ingest::ToString(r.encoding)).c_str(),
              static_cast<long long>(r.bytes));
  std::printf("  columns:");
  for (const auto& [header, target] : r.columns) {
    std::printf(" %s->%s", header.c_str(), std::string(ingest::ToString(target.field)).c_str());
  }
  std::printf("\n");
  std::printf("  stages: parsed %lld, validated %lld, unique %lld, dnc-clear %lld\n",
              static_cast<long long>(c.parsed), static_cast<long long>(c.validated),
              static_cast<long long>(c.unique), static_cast<long long>(c.dnc_clear));
  std::printf("  accepted %lld, rejected %lld (dnc %lld), duplicates %lld "
              "(in file %lld, existing %lld, merged %lld), warnings %lld\n",
              static_cast<long long>(c.accepted), static_cast<long long>(c.rejected),
              static_cast<long long>(c.dnc), static_cast<long long>(c.duplicates),
              static_cast<long long>(c.duplicates_in_file),
              static_cast<long long>(c.duplicates_existing),
              static_cast<long long>(c.merged), static_cast<long long>(c.warnings));
  for (const auto& [k, n] : CountIssues(r, " ")) {
    std::printf("    %-40s %lld\n", k.c_str(), static_cast<long long>(n));
  }
  if (!rejects_path.empty()) std::printf("  issues written to %s\n", rejects_path.c_str());
}

}  // namespace

int RunImportCommand(int argc, char** argv) {
  std::string file, mapping_path, rejects_path, dnc_path, assign_path, agents;
  ingest::IngestOptions options;
  bool json = false, contacts = false, progress = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--contacts") {
      contacts = true;
    } else if (arg == "--progress") {
      progress = true;
    } else if (arg == "--merge-duplicates") {
      options.duplicates = ingest::DuplicatePolicy::kMerge;
    } else if (arg == "--mapping") {
      if (!value(&mapping_path)) return Usage("--mapping needs a FILE");
    } else if (arg == "--region") {
      if (!value(&options.phone.default_region)) return Usage("--region needs a code");
    } else if (arg == "--rejects") {
      if (!value(&rejects_path)) return Usage("--rejects needs a FILE");
    } else if (arg == "--dnc") {
      if (!value(&dnc_path)) return Usage("--dnc needs a FILE");
    } else if (arg == "--assign") {
      if (!value(&assign_path)) return Usage("--assign needs a FILE");
    } else if (arg == "--agents") {
      if (!value(&agents)) return Usage("--agents needs a list");
    } else if (!arg.empty() && arg[0] == '-') {
      return Usage("unknown option " + std::string(arg));
    } else if (file.empty()) {
      file = std::string(arg);
    } else {
      return Usage("only one FILE.csv");
    }
  }
  if (file.empty()) return Usage("no FILE.csv given");
  if (contacts && !json) return Usage("--contacts needs --json");

  if (!mapping_path.empty()) {
    std::string text;
    if (!ReadFile(mapping_path, &text)) return Usage("cannot read " + mapping_path);
    absl::StatusOr<ingest::ExplicitMapping> m = ingest::ParseMappingJson(text);
    if (!m.ok()) return Usage(mapping_path + ": " + StatusText(m.status()));
    options.mapping = *std::move(m);
  }
  if (!assign_path.empty()) {
    std::string text;
    if (!ReadFile(assign_path, &text)) return Usage("cannot read " + assign_path);
    absl::StatusOr<ingest::AssignmentOptions> a = ingest::ParseAssignmentJson(text);
    if (!a.ok()) return Usage(assign_path + ": " + StatusText(a.status()));
    options.assignment = *std::move(a);
  }
  if (!agents.empty()) options.assignment.fallback_agents = SplitCommas(agents);

  absl::StatusOr<ingest::PhoneNormalizer> phones =
      ingest::PhoneNormalizer::Create(options.phone);
  if (!phones.ok()) return Usage(StatusText(phones.status()));
  const compliance::ZoneResolver& zones = compliance::ZoneResolver::Default();
  compliance::DncLists dnc_lists;
  if (!dnc_path.empty()) {
    if (std::optional<std::string> error = LoadDnc(dnc_path, *phones, &dnc_lists)) {
      return Fail(*error);
    }
  }
  const ingest::ComplianceDncChecker dnc(dnc_lists, zones);
  // A fresh in-memory store holds nothing yet, so nothing is "existing".
  const ingest::NoExistingContacts existing;
  absl::StatusOr<ingest::Ingester> ingester =
      ingest::Ingester::Create(options, existing, dnc);
  if (!ingester.ok()) return Usage(StatusText(ingester.status()));

  std::ifstream in(file, std::ios::binary);
  if (!in) return Fail("cannot open " + file);
  std::error_code size_error;
  const auto size = std::filesystem::file_size(file, size_error);
  const int64_t total = size_error ? 0 : static_cast<int64_t>(size);
  ingest::ProgressCallback on_progress;
  if (progress) {
    on_progress = [](const ingest::IngestProgress& p) {
      std::fprintf(stderr, "\rdialer import: %lld rows, %lld of %lld bytes",
                   static_cast<long long>(p.rows_done),
                   static_cast<long long>(p.bytes_read),
                   static_cast<long long>(p.total_bytes));
    };
  }
  absl::StatusOr<ingest::IngestResult> result =
      ingester->IngestCsv(in, on_progress, total);
  if (progress) std::fputc('\n', stderr);
  if (!result.ok()) return Fail(file + ": " + StatusText(result.status()));

  dialer::MemoryStore store;
  absl::StatusOr<std::vector<dialer::ContactId>> ids = store.AddContacts(result->contacts);
  if (!ids.ok()) return Fail("storing contacts failed: " + StatusText(ids.status()));
  for (size_t i = 0; i < ids->size(); ++i) result->contacts[i].id = (*ids)[i];

  if (!rejects_path.empty()) {
    std::ofstream out(rejects_path, std::ios::binary);
    out << ingest::IssuesToCsv(result->report);
    if (!out) return Fail("cannot write " + rejects_path);
  }
  if (json) {
    boost::json::object o = ReportJson(result->report);
    o["file"] = file;
    o["stored"] = static_cast<int64_t>(ids->size());
    if (contacts) {
      boost::json::array list;
      for (const dialer::Contact& c : result->contacts) {
        list.emplace_back(ContactJson(c, zones));
      }
      o["contacts"] = std::move(list);
    }
    std::cout << boost::json::serialize(o) << "\n";
  } else {
    PrintText(file, result->report, rejects_path);
  }
  return 0;
}

DIALER_REGISTER_COMMAND("import", "import a CSV contact list (parse, normalise, dedupe, DNC, assign)",
                        RunImportCommand);
