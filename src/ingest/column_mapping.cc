#include "ingest/column_mapping.h"

#include <array>

#include "absl/strings/ascii.h"
#include "ingest/text_util.h"
#include "boost/json.hpp"

namespace dialer::ingest {
namespace {

struct FieldName {
  ContactField field;
  std::string_view name;
};

constexpr std::array<FieldName, 21> kFieldNames = {{
    {ContactField::kIgnore, "ignore"},
    {ContactField::kExternalId, "external_id"},
    {ContactField::kFirstName, "first_name"},
    {ContactField::kLastName, "last_name"},
    {ContactField::kFullName, "full_name"},
    {ContactField::kPhone, "phone"},
    {ContactField::kMobilePhone, "mobile_phone"},
    {ContactField::kDirectPhone, "direct_phone"},
    {ContactField::kWorkPhone, "work_phone"},
    {ContactField::kHomePhone, "home_phone"},
    {ContactField::kOtherPhone, "other_phone"},
    {ContactField::kEmail, "email"},
    {ContactField::kCompany, "company"},
    {ContactField::kTitle, "title"},
    {ContactField::kState, "state"},
    {ContactField::kZip, "zip"},
    {ContactField::kTimeZone, "time_zone"},
    {ContactField::kNotes, "notes"},
    {ContactField::kTalkTrack, "talk_track"},
    {ContactField::kLastInteraction, "last_interaction"},
    {ContactField::kCustom, "custom"},
}};

// Header synonyms, written in their squeezed form (lower case, letters and
// digits only).
struct Synonym {
  std::string_view squeezed;
  ContactField field;
};

constexpr Synonym kSynonyms[] = {
    {"id", ContactField::kExternalId},
    {"externalid", ContactField::kExternalId},
    {"crmid", ContactField::kExternalId},
    {"leadid", ContactField::kExternalId},
    {"contactid", ContactField::kExternalId},
    {"recordid", ContactField::kExternalId},
    {"firstname", ContactField::kFirstName},
    {"first", ContactField::kFirstName},
    {"fname", ContactField::kFirstName},
    {"givenname", ContactField::kFirstName},
    {"forename", ContactField::kFirstName},
    {"lastname", ContactField::kLastName},
    {"last", ContactField::kLastName},
    {"lname", ContactField::kLastName},
    {"surname", ContactField::kLastName},
    {"familyname", ContactField::kLastName},
    {"name", ContactField::kFullName},
    {"fullname", ContactField::kFullName},
    {"contactname", ContactField::kFullName},
    {"contact", ContactField::kFullName},
    {"leadname", ContactField::kFullName},
    {"phone", ContactField::kPhone},
    {"phonenumber", ContactField::kPhone},
    {"phoneno", ContactField::kPhone},
    {"telephone", ContactField::kPhone},
    {"tel", ContactField::kPhone},
    {"primaryphone", ContactField::kPhone},
    {"mainphone", ContactField::kPhone},
    {"contactphone", ContactField::kPhone},
    {"phone1", ContactField::kPhone},
    {"mobile", ContactField::kMobilePhone},
    {"mobilephone", ContactField::kMobilePhone},
    {"mobilenumber", ContactField::kMobilePhone},
    {"cell", ContactField::kMobilePhone},
    {"cellphone", ContactField::kMobilePhone},
    {"cellnumber", ContactField::kMobilePhone},
    {"cellular", ContactField::kMobilePhone},
    {"direct", ContactField::kDirectPhone},
    {"directdial", ContactField::kDirectPhone},
    {"directphone", ContactField::kDirectPhone},
    {"directline", ContactField::kDirectPhone},
    {"directnumber", ContactField::kDirectPhone},
    {"work", ContactField::kWorkPhone},
    {"workphone", ContactField::kWorkPhone},
    {"office", ContactField::kWorkPhone},
    {"officephone", ContactField::kWorkPhone},
    {"businessphone", ContactField::kWorkPhone},
    {"companyphone", ContactField::kWorkPhone},
    {"home", ContactField::kHomePhone},
    {"homephone", ContactField::kHomePhone},
    {"otherphone", ContactField::kOtherPhone},
    {"altphone", ContactField::kOtherPhone},
    {"alternatephone", ContactField::kOtherPhone},
    {"secondaryphone", ContactField::kOtherPhone},
    {"phone2", ContactField::kOtherPhone},
    {"phone3", ContactField::kOtherPhone},
    {"email", ContactField::kEmail},
    {"emailaddress", ContactField::kEmail},
    {"mail", ContactField::kEmail},
    {"workemail", ContactField::kEmail},
    {"businessemail", ContactField::kEmail},
    {"company", ContactField::kCompany},
    {"companyname", ContactField::kCompany},
    {"organization", ContactField::kCompany},
    {"organisation", ContactField::kCompany},
    {"account", ContactField::kCompany},
    {"accountname", ContactField::kCompany},
    {"employer", ContactField::kCompany},
    {"title", ContactField::kTitle},
    {"jobtitle", ContactField::kTitle},
    {"position", ContactField::kTitle},
    {"role", ContactField::kTitle},
    {"state", ContactField::kState},
    {"st", ContactField::kState},
    {"province", ContactField::kState},
    {"stateprovince", ContactField::kState},
    {"stateorprovince", ContactField::kState},
    {"zip", ContactField::kZip},
    {"zipcode", ContactField::kZip},
    {"postalcode", ContactField::kZip},
    {"postcode", ContactField::kZip},
    {"postal", ContactField::kZip},
    {"timezone", ContactField::kTimeZone},
    {"tz", ContactField::kTimeZone},
    {"zone", ContactField::kTimeZone},
    {"notes", ContactField::kNotes},
    {"note", ContactField::kNotes},
    {"comments", ContactField::kNotes},
    {"comment", ContactField::kNotes},
    {"talktrack", ContactField::kTalkTrack},
    {"script", ContactField::kTalkTrack},
    {"lastinteraction", ContactField::kLastInteraction},
    {"lastactivity", ContactField::kLastInteraction},
};

std::string Squeeze(std::string_view header) {
  std::string out;
  for (char c : header) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

}  // namespace

std::string_view ToString(ContactField field) {
  for (const FieldName& f : kFieldNames) {
    if (f.field == field) return f.name;
  }
  return "custom";
}

std::optional<ContactField> ContactFieldFromName(std::string_view name) {
  for (const FieldName& f : kFieldNames) {
    if (f.name == name) return f.field;
  }
  return std::nullopt;
}

bool IsPhoneField(ContactField field) {
  switch (field) {
    case ContactField::kPhone:
    case ContactField::kMobilePhone:
    case ContactField::kDirectPhone:
    case ContactField::kWorkPhone:
    case ContactField::kHomePhone:
    case ContactField::kOtherPhone:
      return true;
    default:
      return false;
  }
}

ContactField RecognizeHeader(std::string_view header) {
  const std::string squeezed = Squeeze(header);
  for (const Synonym& s : kSynonyms) {
    if (s.squeezed == squeezed) return s.field;
  }
  return ContactField::kCustom;
}

absl::StatusOr<ExplicitMapping> ParseMappingJson(std::string_view json) {
  boost::system::error_code ec;
  boost::json::value root = boost::json::parse(json, ec);
  if (ec) {
    return absl::InvalidArgumentError(
        Cat("column mapping is not valid JSON: ", ec.message()));
  }
  const boost::json::object* object = root.if_object();
  if (object != nullptr && object->size() == 1 && object->contains("columns")) {
    object = object->at("columns").if_object();
  }
  if (object == nullptr) {
    return absl::InvalidArgumentError(
        "column mapping must be a JSON object of header -> field name");
  }
  ExplicitMapping mapping;
  for (const auto& [key, value] : *object) {
    const boost::json::string* name = value.if_string();
    if (name == nullptr) {
      return absl::InvalidArgumentError(Cat(
          "column mapping: value for '", std::string_view(key),
          "' is not a string"));
    }
    ColumnTarget target;
    std::string_view field_name(*name);
    if (field_name.starts_with("custom:")) {
      field_name.remove_prefix(7);
      target.field = ContactField::kCustom;
      target.custom_name = std::string(Trim(field_name));
      if (target.custom_name.empty()) {
        return absl::InvalidArgumentError(Cat(
            "column mapping: '", std::string_view(key), "' has an empty custom name"));
      }
    } else {
      std::optional<ContactField> field = ContactFieldFromName(field_name);
      if (!field.has_value()) {
        return absl::InvalidArgumentError(Cat(
            "column mapping: '", std::string_view(key), "' maps to unknown field '",
            field_name, "'"));
      }
      target.field = *field;
    }
    mapping.emplace_back(std::string(key), std::move(target));
  }
  return mapping;
}

absl::StatusOr<ColumnMapping> ColumnMapping::Create(
    const std::vector<std::string>& header,
    const ExplicitMapping& explicit_mapping) {
  ColumnMapping mapping;
  for (const std::string& h : header) {
    std::string text(Trim(h));
    ColumnTarget target{RecognizeHeader(text), ""};
    if (target.field == ContactField::kCustom) target.custom_name = text;
    mapping.headers_.push_back(std::move(text));
    mapping.columns_.push_back(std::move(target));
  }
  for (const auto& [name, target] : explicit_mapping) {
    const std::string_view wanted = Trim(name);
    int found = -1;
    for (size_t i = 0; i < mapping.headers_.size() && found < 0; ++i) {
      if (mapping.headers_[i] == wanted) found = static_cast<int>(i);
    }
    for (size_t i = 0; i < mapping.headers_.size() && found < 0; ++i) {
      if (EqualsIgnoreCase(mapping.headers_[i], wanted)) {
        found = static_cast<int>(i);
      }
    }
    if (found < 0) {
      return absl::InvalidArgumentError(Cat(
          "column mapping names column '", wanted, "', which the header lacks"));
    }
    ColumnTarget t = target;
    if (t.field == ContactField::kCustom && t.custom_name.empty()) {
      t.custom_name = mapping.headers_[found];
    }
    mapping.columns_[found] = std::move(t);
  }
  return mapping;
}

bool ColumnMapping::Has(ContactField field) const {
  for (const ColumnTarget& c : columns_) {
    if (c.field == field) return true;
  }
  return false;
}

bool ColumnMapping::HasPhone() const {
  for (const ColumnTarget& c : columns_) {
    if (IsPhoneField(c.field)) return true;
  }
  return false;
}

}  // namespace dialer::ingest
