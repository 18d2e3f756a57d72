#include "sim/event_log.h"

#include <cstdio>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "core/absl_view.h"

namespace dialer::sim {
namespace {

// A JSON string literal.
struct Quoted {
  std::string_view text;
};

std::ostream& operator<<(std::ostream& os, Quoted q) {
  os << '"';
  for (char ch : q.text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': os << "\\\""; break;
      case '\\': os << "\\\\"; break;
      case '\n': os << "\\n"; break;
      case '\r': os << "\\r"; break;
      case '\t': os << "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          os << buf;
        } else {
          os << ch;
        }
    }
  }
  return os << '"';
}

std::string_view StatusText(const absl::Status& s) {
  return s.ok() ? std::string_view("ok") : StdView(s.message());
}

}  // namespace

std::ostream& EventLog::Begin(std::string_view src, std::string_view type) {
  return *out_ << "{\"t\":\""
               << absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", clock_->Now(),
                                   absl::UTCTimeZone())
               << "\",\"src\":\"" << src << "\",\"type\":\"" << type << '"';
}

void EventLog::AgentState(const AgentStateEvent& e) {
  if (!enabled()) return;
  Begin("engine", "agent_state")
      << ",\"agent\":" << Quoted{e.agent_id} << ",\"from\":\""
      << ToString(e.from) << "\",\"to\":\"" << ToString(e.to)
      << "\",\"reason\":" << Quoted{e.reason} << "}\n";
}

void EventLog::Call(const CallEvent& e) {
  if (!enabled()) return;
  Begin("engine", "call") << ",\"call\":" << e.call_id
                          << ",\"contact\":" << e.contact_id
                          << ",\"agent\":" << Quoted{e.agent_id}
                          << ",\"phone\":" << Quoted{e.phone} << ",\"state\":\""
                          << ToString(e.state)
                          << "\",\"detail\":" << Quoted{e.detail} << "}\n";
}

void EventLog::ScreenPopShown(const ScreenPop& p) {
  if (!enabled()) return;
  Begin("engine", "screen_pop")
      << ",\"agent\":" << Quoted{p.agent_id} << ",\"call\":" << p.call_id
      << ",\"contact\":" << p.contact.id
      << ",\"preview\":" << (p.preview ? "true" : "false") << "}\n";
}

void EventLog::AlertRaised(const Alert& a) {
  if (!enabled()) return;
  static constexpr std::string_view kSeverity[] = {"info", "warning",
                                                   "critical"};
  Begin("engine", "alert")
      << ",\"severity\":\"" << kSeverity[static_cast<int>(a.severity) % 3]
      << "\",\"code\":" << Quoted{a.code} << ",\"agent\":" << Quoted{a.agent_id}
      << ",\"message\":" << Quoted{a.message} << "}\n";
}

void EventLog::LogLine(LogLevel level, std::string_view message) {
  if (!enabled()) return;
  static constexpr std::string_view kLevel[] = {"debug", "info", "warning",
                                                "error"};
  Begin("engine", "log") << ",\"level\":\""
                         << kLevel[static_cast<int>(level) % 4]
                         << "\",\"message\":" << Quoted{message} << "}\n";
}

void EventLog::AgentAction(std::string_view agent, std::string_view action,
                           std::string_view detail,
                           const absl::Status& status) {
  if (!enabled()) return;
  Begin("agent", "action") << ",\"agent\":" << Quoted{agent}
                           << ",\"action\":" << Quoted{action}
                           << ",\"detail\":" << Quoted{detail}
                           << ",\"status\":" << Quoted{StatusText(status)}
                           << "}\n";
}

void EventLog::OnCommand(std::string_view command, CallId call,
                         std::string_view detail,
                         const absl::Status& result) {
  if (!enabled()) return;
  Begin("provider", "command") << ",\"command\":" << Quoted{command}
                               << ",\"call\":" << call
                               << ",\"detail\":" << Quoted{detail}
                               << ",\"status\":" << Quoted{StatusText(result)}
                               << "}\n";
}

void EventLog::OnEvent(const ProviderEvent& event) {
  if (!enabled()) return;
  std::ostream& os = Begin("provider", "event");
  os << ",\"event\":\"" << ToString(event.type) << "\",\"call\":"
     << event.call_id;
  if (event.type == ProviderEventType::kAmd) {
    os << ",\"amd\":\"" << ToString(event.amd) << '"';
  }
  if (event.type == ProviderEventType::kCompleted ||
      event.type == ProviderEventType::kFailed) {
    os << ",\"status\":\"" << ToString(event.status) << "\",\"duration_s\":"
       << absl::StrFormat("%.6f", absl::ToDoubleSeconds(event.duration));
  }
  os << "}\n";
}

}  // namespace dialer::sim
