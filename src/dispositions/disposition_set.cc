#include "dispositions/disposition_set.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/absl_view.h"

namespace dialer::dispositions {

const std::vector<Definition>& StandardDefinitions() {
  static const auto* const kDefinitions = new std::vector<Definition>{
      {"connected", "Spoke with the target contact", Automation::kTerminal,
       true, true},
      {"meeting_booked", "Scheduled a meeting", Automation::kTerminal, true,
       true},
      {"callback", "Contact asked to be called back", Automation::kCallback,
       true, true},
      {"voicemail", "Left a voicemail", Automation::kRetry, true, false},
      {"no_answer", "Phone rang, nobody picked up", Automation::kRetry, true,
       false},
      {"busy", "Busy signal", Automation::kRetry, true, false},
      {"wrong_number", "Number does not belong to the contact",
       Automation::kTryAlternate, true, true},
      {"gatekeeper", "Spoke with an assistant or reception",
       Automation::kRetry, true, true},
      {"not_interested", "Contact declined", Automation::kTerminal, true, true},
      {"dnc", "Contact asked not to be called", Automation::kDoNotCall, true,
       true},
      {"bad_data", "Number disconnected or invalid", Automation::kTryAlternate,
       true, false},
      // System codes: applied by the engine, never chosen by an agent.
      {"failed", "The provider could not place the call", Automation::kRetry,
       false, false},
      {"abandoned", "Answered, no agent within 2 s (FCC)", Automation::kRetry,
       false, false},
      {"canceled", "Canceled before answer (another line won)",
       Automation::kRetry, false, false},
      {"machine", "Answering machine, no message left", Automation::kRetry,
       false, false},
      {"wrap_up_expired", "Forced wrap-up maximum reached undispositioned",
       Automation::kRetry, false, false},
  };
  return *kDefinitions;
}

DispositionSet::DispositionSet(const CampaignConfig& config)
    : definitions_(StandardDefinitions()) {
  // The brief: "Callback requires a callback date/time" — enforced through
  // callback_at in Validate, not as a free-form field.
  for (const CustomDisposition& custom : config.custom_dispositions) {
    Definition d;
    d.code = custom.code;
    d.description = custom.description;
    d.automation = custom.terminal ? Automation::kTerminal : Automation::kRetry;
    d.conversation = true;
    d.required_fields = custom.required_fields;
    d.retry_after = custom.retry_after;
    definitions_.push_back(std::move(d));
  }
  for (size_t i = 0; i < definitions_.size(); ++i) {
    by_code_.emplace(definitions_[i].code, i);
  }
}

const Definition* DispositionSet::Find(std::string_view code) const {
  auto it = by_code_.find(AbslView(code));
  return it == by_code_.end() ? nullptr : &definitions_[it->second];
}

absl::StatusOr<const Definition*> DispositionSet::Validate(
    const DispositionInput& input, absl::Time now) const {
  const Definition* d = Find(input.code);
  if (d == nullptr || !d->agent_selectable) {
    std::vector<absl::string_view> codes;
    for (const Definition& def : definitions_) {
      if (def.agent_selectable) codes.push_back(def.code);
    }
    return absl::InvalidArgumentError(
        absl::StrCat("disposition '", input.code,
                     "' is not one an agent can choose; expected one of: ",
                     absl::StrJoin(codes, ", ")));
  }
  for (const std::string& field : d->required_fields) {
    auto it = input.fields.find(field);
    if (it == input.fields.end() || it->second.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "disposition '", d->code, "' requires field '", field, "'"));
    }
  }
  if (d->automation == Automation::kCallback && input.callback_at <= now) {
    return absl::InvalidArgumentError(
        input.callback_at == absl::InfinitePast()
            ? std::string("disposition 'callback' requires callback_at")
            : absl::StrCat("disposition 'callback': callback_at ",
                           absl::FormatTime(input.callback_at),
                           " is not in the future"));
  }
  return d;
}

}  // namespace dialer::dispositions
