#include "ingest/row_processor.h"

#include <algorithm>

#include "ingest/text_util.h"
#include "ingest/email_address.h"
#include "ingest/location_fields.h"
#include "ingest/name_case.h"

namespace dialer::ingest {
namespace {

// E.164 digits fit a uint64_t: a compact exact key for the phone index.
uint64_t PhoneKey(std::string_view e164) {
  uint64_t key = 0;
  for (char c : e164.substr(1)) key = key * 10 + static_cast<uint64_t>(c - '0');
  return key;
}

bool IsParticle(std::string_view word) {
  static constexpr std::string_view kParticles[] = {
      "van", "von", "der", "den", "de", "del", "della", "da", "di",
      "du",  "la",  "le",  "ter", "ten", "dos", "das", "do", "St.", "St"};
  return std::find(std::begin(kParticles), std::end(kParticles), word) !=
         std::end(kParticles);
}

bool IsSuffix(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {
      "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "PhD", "MD", "DDS", "CPA",
      "Esq", "Esq."};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), word) !=
         std::end(kSuffixes);
}

// "Last, First" or "First [Middle] [particles] Last [Suffix]".
void SplitFullName(std::string_view full, Contact* contact) {
  const std::string name = ProperCasePersonName(full);
  if (const size_t comma = name.find(','); comma != std::string::npos) {
    contact->last_name = std::string(Trim(name.substr(0, comma)));
    contact->first_name = std::string(Trim(name.substr(comma + 1)));
    return;
  }
  std::vector<std::string_view> words;
  for (size_t start = 0; start < name.size();) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    words.push_back(std::string_view(name).substr(start, end - start));
    start = end + 1;
  }
  if (words.size() <= 1) {
    contact->first_name = name;
    return;
  }
  size_t last = words.size() - 1;
  if (IsSuffix(words[last]) && last > 1) --last;
  while (last > 1 && IsParticle(words[last - 1])) --last;
  const size_t split = words[last].data() - name.data();
  contact->first_name = std::string(Trim(name.substr(0, split)));
  contact->last_name = name.substr(split);
}

}  // namespace

RowProcessor::RowProcessor(const IngestOptions& options,
                           const PhoneNormalizer& phones, Assigner assigner,
                           const ExistingContacts& existing,
                           const DncChecker& dnc, std::vector<Contact>* contacts,
                           IngestReport* report)
    : options_(options),
      phones_(phones),
      assigner_(std::move(assigner)),
      existing_(existing),
      dnc_(dnc),
      contacts_(contacts),
      report_(report) {}

void RowProcessor::AddIssue(int64_t line, std::string_view column,
                            RowOutcome outcome, IssueReason reason,
                            std::string_view value, std::string detail) {
  if (outcome == RowOutcome::kWarning) ++report_->counts.warnings;
  report_->issues.push_back(RowIssue{line, std::string(column), outcome, reason,
                                     std::string(value), std::move(detail)});
}

const NormalizedPhone& RowProcessor::NormalizePhone(std::string_view raw) {
  ++report_->phone_values;
  if (options_.phone_memo_entries == 0) {
    unmemoized_ = phones_.Normalize(raw);
    return unmemoized_;
  }
  const std::string key(raw);
  if (auto it = phone_memo_.find(key); it != phone_memo_.end()) {
    ++report_->phone_memo_hits;
    return it->second;
  }
  if (phone_memo_.size() >= options_.phone_memo_entries) phone_memo_.clear();
  return phone_memo_.emplace(key, phones_.Normalize(raw)).first->second;
}

void RowProcessor::Malformed(int64_t line, std::string_view error) {
  ++report_->counts.rows;
  ++report_->counts.rejected;
  AddIssue(line, "", RowOutcome::kRejected, IssueReason::kMalformedRow, "",
           std::string(error));
}

void RowProcessor::Ragged(int64_t line, size_t fields, size_t expected) {
  ++report_->counts.rows;
  ++report_->counts.rejected;
  AddIssue(line, "", RowOutcome::kRejected, IssueReason::kRaggedRow, "",
           Cat("row has ", fields, " fields, the header has ", expected));
}

bool RowProcessor::MapAndValidate(int64_t line, const ColumnMapping& mapping,
                                  const std::vector<std::string>& values,
                                  Draft* draft) {
  Contact& c = draft->contact;
  bool rejected = false;
  bool had_phone_value = false;
  std::string full_name, email_column, email_raw;
  std::vector<std::pair<size_t, NormalizedPhone>> bad_numbers;
  const std::vector<ColumnTarget>& columns = mapping.columns();
  const std::vector<std::string>& headers = mapping.headers();
  for (size_t i = 0; i < columns.size(); ++i) {
    const std::string_view v = Trim(values[i]);
    if (v.empty()) continue;
    const ContactField field = columns[i].field;
    if (IsPhoneField(field)) {
      NormalizedPhone n = NormalizePhone(v);
      // Punctuation alone ("-", "()") is no number: the field counts as empty.
      had_phone_value |= n.problem != PhoneProblem::kEmpty;
      if (n.problem == PhoneProblem::kNone) {
        const bool seen = std::any_of(
            draft->numbers.begin(), draft->numbers.end(),
            [&](const Number& m) { return m.e164 == n.e164; });
        if (!seen) {
          draft->numbers.push_back(
              Number{std::move(n.e164), std::move(n.extension), headers[i]});
        }
      } else if (n.problem != PhoneProblem::kEmpty) {
        bad_numbers.emplace_back(i, std::move(n));
      }
      continue;
    }
    switch (field) {
      case ContactField::kIgnore:
        break;
      case ContactField::kExternalId:
        c.external_id = std::string(v);
        break;
      case ContactField::kFirstName:
        c.first_name = ProperCasePersonName(v);
        break;
      case ContactField::kLastName:
        c.last_name = ProperCasePersonName(v);
        break;
      case ContactField::kFullName:
        full_name = std::string(v);
        break;
      case ContactField::kEmail:
        email_column = headers[i];
        email_raw = std::string(v);
        break;
      case ContactField::kCompany:
        c.company = ProperCaseCompanyName(v);
        break;
      case ContactField::kTitle:
        c.title = TidySpaces(v);
        break;
      case ContactField::kState:
        if (std::optional<std::string> s = NormalizeStateCode(v)) {
          c.state = *std::move(s);
        } else {
          AddIssue(line, headers[i], RowOutcome::kWarning,
                   IssueReason::kUnrecognizedState, v,
                   "not a US state or Canadian province; left empty");
        }
        break;
      case ContactField::kZip:
        if (std::optional<std::string> z = NormalizeZip(v)) {
          c.zip = *std::move(z);
        } else {
          AddIssue(line, headers[i], RowOutcome::kWarning,
                   IssueReason::kUnrecognizedZip, v,
                   "not a 5-digit or ZIP+4 code; left empty");
        }
        break;
      case ContactField::kTimeZone:
        if (std::optional<std::string> z = NormalizeTimeZoneName(v)) {
          c.time_zone = *std::move(z);
        } else {
          AddIssue(line, headers[i], RowOutcome::kWarning,
                   IssueReason::kUnrecognizedTimeZone, v,
                   "not an IANA zone or unambiguous US zone name; left empty");
        }
        break;
      case ContactField::kNotes:
        c.fields["notes"] = std::string(v);
        break;
      case ContactField::kTalkTrack:
        c.talk_track = std::string(v);
        break;
      case ContactField::kLastInteraction:
        c.last_interaction = std::string(v);
        break;
      case ContactField::kCustom:
        c.fields[columns[i].custom_name] = std::string(v);
        break;
      default:
        break;
    }
  }
  if (c.first_name.empty() && c.last_name.empty() && !full_name.empty()) {
    SplitFullName(full_name, &c);
  }

  // Numbers: with at least one good number the bad ones are warnings.
  for (const auto& [column, n] : bad_numbers) {
    const IssueReason reason = n.problem == PhoneProblem::kNotDialable
                                   ? IssueReason::kNotDialablePhone
                                   : IssueReason::kInvalidPhone;
    const bool row_fails =
        draft->numbers.empty() &&
        std::find(options_.required.begin(), options_.required.end(),
                  ContactField::kPhone) != options_.required.end();
    if (row_fails) {
      rejected = true;
      AddIssue(line, headers[column], RowOutcome::kRejected, reason,
               values[column], n.detail);
    } else {
      AddIssue(line, headers[column], RowOutcome::kWarning,
               IssueReason::kPhoneDropped, values[column],
               Cat(ToString(reason), ": ", n.detail));
    }
  }

  if (!email_raw.empty()) {
    std::string email = NormalizeEmail(email_raw);
    if (IsValidEmail(email)) {
      c.email = std::move(email);
    } else {
      rejected = true;
      AddIssue(line, email_column, RowOutcome::kRejected,
               IssueReason::kInvalidEmail, email_raw,
               "not an email address");
    }
  }

  for (ContactField required : options_.required) {
    bool present = true;
    switch (required) {
      case ContactField::kPhone:
        present = !draft->numbers.empty() || had_phone_value;
        break;
      case ContactField::kEmail:
        present = !c.email.empty() || !email_raw.empty();
        break;
      case ContactField::kFullName:
        present = !c.first_name.empty() || !c.last_name.empty();
        break;
      case ContactField::kFirstName:
        present = !c.first_name.empty();
        break;
      case ContactField::kLastName:
        present = !c.last_name.empty();
        break;
      case ContactField::kCompany:
        present = !c.company.empty();
        break;
      case ContactField::kTitle:
        present = !c.title.empty();
        break;
      case ContactField::kState:
        present = !c.state.empty();
        break;
      case ContactField::kZip:
        present = !c.zip.empty();
        break;
      case ContactField::kTimeZone:
        present = !c.time_zone.empty();
        break;
      case ContactField::kExternalId:
        present = !c.external_id.empty();
        break;
      default:
        break;
    }
    if (!present) {
      rejected = true;
      AddIssue(line, ToString(required), RowOutcome::kRejected,
               IssueReason::kMissingRequiredField, "",
               Cat("required field ", ToString(required), " is empty"));
    }
  }
  return !rejected;
}

int64_t RowProcessor::FindInFile(const Draft& draft) const {
  for (const Number& n : draft.numbers) {
    if (auto it = by_phone_.find(PhoneKey(n.e164)); it != by_phone_.end()) {
      return it->second;
    }
  }
  if (options_.dedupe_by_email && !draft.contact.email.empty()) {
    if (auto it = by_email_.find(draft.contact.email); it != by_email_.end()) {
      return it->second;
    }
  }
  return -1;
}

bool RowProcessor::FoundInStore(const Draft& draft, std::string* detail) const {
  for (const Number& n : draft.numbers) {
    if (existing_.HasPhone(n.e164)) {
      *detail = Cat("an existing contact has ", n.e164);
      return true;
    }
  }
  if (options_.dedupe_by_email && !draft.contact.email.empty() &&
      existing_.HasEmail(draft.contact.email)) {
    *detail = Cat("an existing contact has ", draft.contact.email);
    return true;
  }
  return false;
}

std::string RowProcessor::ScrubDnc(int64_t line, Draft* draft,
                                   bool decides_row) {
  std::string first_list;
  std::vector<Number> kept;
  for (Number& n : draft->numbers) {
    const std::string_view list = dnc_.ListHolding(n.e164, draft->contact.state);
    if (list.empty()) {
      kept.push_back(std::move(n));
      continue;
    }
    if (first_list.empty()) first_list = std::string(list);
    AddIssue(line, n.column, RowOutcome::kWarning, IssueReason::kPhoneOnDnc,
             n.e164, Cat("on the ", list, " do-not-call list"));
  }
  // If every number was listed, the row is rejected and the warnings above
  // become its reasons.
  if (decides_row && kept.empty() && !draft->numbers.empty()) {
    const size_t listed = draft->numbers.size();
    for (size_t k = report_->issues.size() - listed; k < report_->issues.size(); ++k) {
      report_->issues[k].outcome = RowOutcome::kRejected;
      report_->issues[k].reason = IssueReason::kDnc;
      --report_->counts.warnings;
    }
  } else {
    first_list.clear();
  }
  draft->numbers = std::move(kept);
  return first_list;
}

void RowProcessor::StoreNumbers(const std::vector<Number>& numbers,
                                Contact* contact) {
  for (const Number& n : numbers) {
    if (contact->phone.empty()) {
      contact->phone = n.e164;
      if (!n.extension.empty()) contact->fields["phone_extension"] = n.extension;
      continue;
    }
    if (n.e164 == contact->phone ||
        std::find(contact->alternate_phones.begin(),
                  contact->alternate_phones.end(),
                  n.e164) != contact->alternate_phones.end()) {
      continue;
    }
    contact->alternate_phones.push_back(n.e164);
    if (!n.extension.empty()) {
      contact->fields[Cat("alternate_phone_",
                                   contact->alternate_phones.size(),
                                   "_extension")] = n.extension;
    }
  }
}

void RowProcessor::Merge(int64_t line, int64_t into, Draft* draft) {
  Contact& target = (*contacts_)[into];
  ScrubDnc(line, draft, /*decides_row=*/false);
  StoreNumbers(draft->numbers, &target);
  const Contact& from = draft->contact;
  auto fill = [](std::string& to, const std::string& value) {
    if (to.empty()) to = value;
  };
  fill(target.external_id, from.external_id);
  fill(target.first_name, from.first_name);
  fill(target.last_name, from.last_name);
  fill(target.company, from.company);
  fill(target.title, from.title);
  fill(target.state, from.state);
  fill(target.zip, from.zip);
  fill(target.time_zone, from.time_zone);
  fill(target.talk_track, from.talk_track);
  fill(target.last_interaction, from.last_interaction);
  if (target.email.empty()) target.email = from.email;
  for (const auto& [key, value] : from.fields) target.fields.emplace(key, value);
  Draft merged;
  merged.contact.email = target.email;
  merged.numbers = draft->numbers;
  Index(into, merged);
}

void RowProcessor::Index(int64_t contact_index, const Draft& draft) {
  const auto index = static_cast<uint32_t>(contact_index);
  for (const Number& n : draft.numbers) by_phone_.emplace(PhoneKey(n.e164), index);
  if (options_.dedupe_by_email && !draft.contact.email.empty()) {
    by_email_.emplace(draft.contact.email, index);
  }
}

void RowProcessor::Process(int64_t line, const ColumnMapping& mapping,
                           const std::vector<std::string>& values) {
  StageCounts& counts = report_->counts;
  ++counts.rows;
  ++counts.parsed;
  Draft draft;
  if (!MapAndValidate(line, mapping, values, &draft)) {
    ++counts.rejected;
    return;
  }
  ++counts.validated;

  if (const int64_t earlier = FindInFile(draft); earlier >= 0) {
    ++counts.duplicates;
    ++counts.duplicates_in_file;
    const int64_t earlier_line = contact_lines_[earlier];
    if (options_.duplicates == DuplicatePolicy::kMerge) {
      ++counts.merged;
      AddIssue(line, "", RowOutcome::kDuplicate, IssueReason::kDuplicateInFile,
               "", Cat("merged into the contact from line ", earlier_line));
      Merge(line, earlier, &draft);
    } else {
      AddIssue(line, "", RowOutcome::kDuplicate, IssueReason::kDuplicateInFile,
               "", Cat("same phone or email as line ", earlier_line));
    }
    return;
  }
  if (std::string detail; FoundInStore(draft, &detail)) {
    ++counts.duplicates;
    ++counts.duplicates_existing;
    AddIssue(line, "", RowOutcome::kDuplicate, IssueReason::kDuplicateExisting,
             "", std::move(detail));
    return;
  }
  ++counts.unique;

  if (!ScrubDnc(line, &draft, /*decides_row=*/true).empty()) {
    ++counts.rejected;
    ++counts.dnc;
    return;
  }
  ++counts.dnc_clear;

  StoreNumbers(draft.numbers, &draft.contact);
  assigner_.Assign(&draft.contact);
  const auto index = static_cast<int64_t>(contacts_->size());
  Index(index, draft);
  contacts_->push_back(std::move(draft.contact));
  contact_lines_.push_back(line);
  ++counts.accepted;
}

}  // namespace dialer::ingest
