#include "sim/replay_recording.h"

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"

namespace dialer::sim {

std::string Describe(const Recording& recording, const FacadeCall& call) {
  using Kind = FacadeCall::Kind;
  switch (call.kind) {
    case Kind::kAddCampaign: {
      const std::string id = call.payload < recording.campaigns.size()
                                 ? recording.campaigns[call.payload].id
                                 : "?";
      return absl::StrCat("add_campaign(", id, ")");
    }
    case Kind::kAddContacts: {
      const size_t n = call.payload < recording.contact_lists.size()
                           ? recording.contact_lists[call.payload].size()
                           : 0;
      return absl::StrCat("add_contacts(", call.a, ", ", n, " contacts)");
    }
    case Kind::kImportContacts:
      return absl::StrCat("import_contacts(", call.a, ")");
    case Kind::kImportRecords:
      return absl::StrCat("import_records(", call.a, ")");
    case Kind::kLogin:
      return absl::StrCat("login(", call.a, ", ", call.b, ")");
    case Kind::kReady:
      return absl::StrCat("ready(", call.a, ")");
    case Kind::kBreak:
      return absl::StrCat("break(", call.a, ", ", call.b, ")");
    case Kind::kLogout:
      return absl::StrCat("logout(", call.a, ")");
    case Kind::kDialNow:
      return absl::StrCat("dial_now(", call.a, ")");
    case Kind::kSkipContact:
      return absl::StrCat("skip_contact(", call.a, ")");
    case Kind::kHangup:
      return absl::StrCat("hangup(", call.a, ")");
    case Kind::kDropVoicemail:
      return absl::StrCat("drop_voicemail(", call.a, ")");
    case Kind::kHangupMachine:
      return absl::StrCat("hangup_machine(", call.a, ")");
    case Kind::kDisposition: {
      const std::string code = call.payload < recording.dispositions.size()
                                   ? recording.dispositions[call.payload].code
                                   : "?";
      return absl::StrCat("disposition(", call.a, ", ", code, ")");
    }
    case Kind::kAddNote:
      return absl::StrCat("add_note(", call.a, ")");
    case Kind::kAddToDoNotCall:
      return absl::StrCat("add_to_do_not_call(", call.a, ", ", call.b, ")");
    case Kind::kGetCampaignStats:
      return absl::StrCat("get_campaign_stats(", call.a, ")");
    case Kind::kGetAgent:
      return absl::StrCat("get_agent(", call.a, ")");
    case Kind::kHandleProviderEvent:
      return "handle_provider_event";
  }
  return "unknown call";
}

std::string Describe(const ProviderCommand& c) {
  using Kind = ProviderCommand::Kind;
  switch (c.kind) {
    case Kind::kPlaceCall:
      return absl::StrCat(
          "place_call(call ", c.call, ", to ", c.request.to, ", caller_id ",
          c.request.caller_id, ", ring_timeout ",
          absl::FormatDuration(c.request.ring_timeout), ", amd ",
          AbslView(ToString(c.request.amd)), ", conference \"",
          c.request.conference, "\")");
    case Kind::kCancelCall:
      return absl::StrCat("cancel_call(call ", c.call, ")");
    case Kind::kHangup:
      return absl::StrCat("hangup(call ", c.call, ")");
    case Kind::kBridge:
      return absl::StrCat("bridge(call ", c.call, ", ", c.text, ")");
    case Kind::kPlayAndHangup:
      return absl::StrCat("play_and_hangup(call ", c.call, ", ", c.text,
                          c.after_beep ? ", after_beep)" : ")");
    case Kind::kSetParticipant:
      return absl::StrCat("set_participant(", c.text, ", ", c.request.to,
                          ", ", AbslView(ToString(c.role)), ")");
  }
  return "unknown command";
}

}  // namespace dialer::sim
