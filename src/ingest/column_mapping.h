// Which contact field each column of an upload feeds.
//
// Headers are recognised by name: case, spaces and punctuation are ignored
// ("First Name", "first_name", "FIRSTNAME" are one name), and common synonyms
// are known ("Cell", "Mobile Phone", "Direct Dial", "Postal Code", ...).
// Unrecognised columns become custom fields under their header text. An
// explicit mapping (header text -> field name) overrides recognition for the
// columns it names.
//
// Several phone columns (phone, mobile, direct, work, home, other) feed one
// contact: the first valid number, in column order, is the primary and the
// others are alternates.
//
// Immutable after construction: thread-safe.
#ifndef DIALER_SRC_INGEST_COLUMN_MAPPING_H_
#define DIALER_SRC_INGEST_COLUMN_MAPPING_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace dialer::ingest {

enum class ContactField {
  kIgnore,
  kExternalId,
  kFirstName,
  kLastName,
  kFullName,
  kPhone,
  kMobilePhone,
  kDirectPhone,
  kWorkPhone,
  kHomePhone,
  kOtherPhone,
  kEmail,
  kCompany,
  kTitle,
  kState,
  kZip,
  kTimeZone,
  kNotes,
  kTalkTrack,
  kLastInteraction,
  kCustom,  // kept in Contact::fields under the column's custom name
};

// Stable snake_case name used in mapping files and reports ("first_name",
// "mobile_phone", "custom").
std::string_view ToString(ContactField field);
// Inverse of ToString(); nullopt for an unknown name.
std::optional<ContactField> ContactFieldFromName(std::string_view name);
bool IsPhoneField(ContactField field);

// The field a header name is recognised as, kCustom when none.
ContactField RecognizeHeader(std::string_view header);

struct ColumnTarget {
  ContactField field = ContactField::kCustom;
  // For kCustom: the key in Contact::fields (the header text by default).
  std::string custom_name;
};

// Explicit header -> target overrides, in the order given.
using ExplicitMapping = std::vector<std::pair<std::string, ColumnTarget>>;

// Parses a mapping file: a JSON object whose members map a header to a field
// name, "ignore", or "custom:<key>"; it may be wrapped as {"columns": {...}}.
// Fails naming the member whose value is not a known field.
[[nodiscard]] absl::StatusOr<ExplicitMapping> ParseMappingJson(
    std::string_view json);

class ColumnMapping {
 public:
  // Maps `header` (the first record of the file). Explicit entries match a
  // header exactly after trimming, else ignoring case. Fails when an explicit
  // entry names a header the file lacks.
  [[nodiscard]] static absl::StatusOr<ColumnMapping> Create(
      const std::vector<std::string>& header, const ExplicitMapping& explicit_mapping);

  const std::vector<ColumnTarget>& columns() const { return columns_; }
  const std::vector<std::string>& headers() const { return headers_; }
  // True if some column feeds `field`.
  bool Has(ContactField field) const;
  bool HasPhone() const;

 private:
  std::vector<std::string> headers_;
  std::vector<ColumnTarget> columns_;
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_COLUMN_MAPPING_H_
