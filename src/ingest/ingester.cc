#include "ingest/ingester.h"

#include <algorithm>

#include "ingest/text_util.h"
#include "absl/strings/str_join.h"
#include "ingest/csv_reader.h"
#include "ingest/row_processor.h"
#include "ingest/text_decoder.h"

namespace dialer::ingest {
namespace {

bool PhoneRequired(const IngestOptions& options) {
  return std::find(options.required.begin(), options.required.end(),
                   ContactField::kPhone) != options.required.end();
}

void DescribeColumns(const ColumnMapping& mapping, IngestReport* report) {
  report->columns.clear();
  for (size_t i = 0; i < mapping.columns().size(); ++i) {
    report->columns.emplace_back(mapping.headers()[i], mapping.columns()[i]);
  }
}

}  // namespace

absl::StatusOr<Ingester> Ingester::Create(IngestOptions options,
                                          const ExistingContacts& existing,
                                          const DncChecker& dnc) {
  absl::StatusOr<PhoneNormalizer> phones = PhoneNormalizer::Create(options.phone);
  if (!phones.ok()) return phones.status();
  if (absl::StatusOr<Assigner> a = Assigner::Create(options.assignment); !a.ok()) {
    return a.status();
  }
  if (options.chunk_bytes == 0 || options.progress_every_rows <= 0) {
    return absl::InvalidArgumentError(
        "chunk_bytes and progress_every_rows must be positive");
  }
  return Ingester(std::move(options), *std::move(phones), existing, dnc);
}

absl::StatusOr<IngestResult> Ingester::IngestCsv(std::istream& in,
                                                 const ProgressCallback& progress,
                                                 int64_t total_bytes) {
  IngestResult result;
  IngestReport& report = result.report;
  absl::StatusOr<Assigner> assigner = Assigner::Create(options_.assignment);
  if (!assigner.ok()) return assigner.status();
  RowProcessor processor(options_, phones_, *std::move(assigner), *existing_,
                         *dnc_, &result.contacts, &report);
  TextDecoder decoder;
  CsvReader reader(options_.delimiter, options_.max_record_bytes);
  std::string chunk(options_.chunk_bytes, '\0');
  std::string text;
  CsvRecord record;
  std::optional<ColumnMapping> mapping;
  int64_t next_progress = options_.progress_every_rows;
  auto report_progress = [&] {
    if (progress) progress({report.counts.rows, report.bytes, total_bytes});
  };

  while (true) {
    const CsvReader::Result next = reader.Next(&record);
    if (next == CsvReader::Result::kEnd) break;
    if (next == CsvReader::Result::kNeedMore) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      const std::streamsize got = in.gcount();
      if (in.bad()) {
        return absl::DataLossError(
            Cat("read failed after ", report.bytes, " bytes"));
      }
      report.bytes += got;
      text.clear();
      if (got > 0) {
        absl::Status decoded = decoder.Decode(
            std::string_view(chunk.data(), static_cast<size_t>(got)), &text);
        if (!decoded.ok()) return decoded;
        reader.Append(text);
      } else {
        if (absl::Status s = decoder.Finish(&text); !s.ok()) return s;
        reader.Append(text);
        reader.MarkEnd();
      }
      continue;
    }
    if (record.blank()) {
      ++report.counts.blank_lines;
      continue;
    }
    if (!mapping.has_value()) {
      if (!record.error.empty()) {
        return absl::InvalidArgumentError(Cat(
            "header row (line ", record.line, ") is malformed: ", record.error));
      }
      absl::StatusOr<ColumnMapping> m =
          ColumnMapping::Create(record.fields, options_.mapping);
      if (!m.ok()) return m.status();
      if (PhoneRequired(options_) && !m->HasPhone()) {
        return absl::InvalidArgumentError(Cat(
            "no phone column among the headers (", absl::StrJoin(m->headers(), ", "),
            "); name one in the column mapping"));
      }
      mapping = *std::move(m);
      DescribeColumns(*mapping, &report);
      continue;
    }
    if (!record.error.empty()) {
      processor.Malformed(record.line, record.error);
    } else if (record.fields.size() != mapping->columns().size()) {
      processor.Ragged(record.line, record.fields.size(),
                       mapping->columns().size());
    } else {
      processor.Process(record.line, *mapping, record.fields);
    }
    if (report.counts.rows >= next_progress) {
      next_progress += options_.progress_every_rows;
      report_progress();
    }
  }
  if (!mapping.has_value()) {
    return absl::InvalidArgumentError(
        Cat("no header row: the input holds no CSV records (",
                     report.bytes, " bytes)"));
  }
  report.encoding = decoder.encoding();
  report.repaired_sequences = decoder.repaired_sequences();
  report_progress();
  return result;
}

absl::StatusOr<IngestResult> Ingester::IngestRecords(
    const std::vector<FieldValues>& records) {
  IngestResult result;
  absl::StatusOr<Assigner> assigner = Assigner::Create(options_.assignment);
  if (!assigner.ok()) return assigner.status();
  RowProcessor processor(options_, phones_, *std::move(assigner), *existing_,
                         *dnc_, &result.contacts, &result.report);
  std::vector<std::string> names, values;
  for (size_t i = 0; i < records.size(); ++i) {
    names.clear();
    values.clear();
    for (const auto& [name, value] : records[i]) {
      names.push_back(name);
      values.push_back(value);
    }
    // The explicit mapping applies to the names this record has.
    ExplicitMapping applicable;
    for (const auto& entry : options_.mapping) {
      if (std::any_of(names.begin(), names.end(), [&](const std::string& n) {
            return EqualsIgnoreCase(n, entry.first);
          })) {
        applicable.push_back(entry);
      }
    }
    absl::StatusOr<ColumnMapping> mapping = ColumnMapping::Create(names, applicable);
    if (!mapping.ok()) return mapping.status();
    processor.Process(static_cast<int64_t>(i + 1), *mapping, values);
  }
  return result;
}

}  // namespace dialer::ingest
