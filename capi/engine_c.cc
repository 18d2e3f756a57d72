// dialer_engine_*: the engine facade over the C ABI.
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "absl/strings/str_cat.h"
#include "capi/c_engine.h"
#include "capi/c_guard.h"
#include "capi/json_codec.h"
#include "dialer/c_provider.h"

namespace dialer::capi {
namespace {

namespace json = boost::json;

std::string_view Arg(const char* s) { return s == nullptr ? "" : s; }

absl::Status Required(const char* s, std::string_view name) {
  if (s == nullptr) return NotNull(s, name);
  return absl::OkStatus();
}

// Runs `body` with a non-NULL engine and the named string arguments checked.
template <typename Body>
dialer_status WithEngine(dialer_engine* e,
                         std::initializer_list<std::pair<const char*, const char*>> args,
                         Body&& body) {
  return Guard([&]() -> absl::Status {
    if (e == nullptr) return NotNull(e, "engine");
    for (const auto& [value, name] : args) {
      if (auto st = Required(value, name); !st.ok()) return st;
    }
    return body(*e);
  });
}

// Copies a host vtable (sized struct) into `table` and wraps it in `slot`,
// whose destructor calls the host's destroy callback. NULL is allowed: the
// slot stays empty.
template <typename Host, typename Table, typename Base>
absl::Status AdoptHost(const Table* in, std::string_view name, Table& table,
                       std::unique_ptr<Base>& slot) {
  if (in == nullptr) return absl::OkStatus();
  if (auto st = ReadSized(in, sizeof table, sizeof table, &table, name);
      !st.ok()) {
    return st;
  }
  slot = std::make_unique<Host>(table);
  return absl::OkStatus();
}

absl::Status BuildEngine(const dialer_engine_options& o,
                         std::unique_ptr<dialer_engine>& h) {
  // Adopt the host objects first, so their destroy callbacks run however
  // this ends.
  dialer_provider provider = dialer_provider DIALER_PROVIDER_INIT;
  if (auto st = AdoptHost<HostProvider>(o.provider, "provider", provider, h->provider);
      !st.ok()) {
    return st;
  }
  dialer_store store = dialer_store DIALER_STORE_INIT;
  if (auto st = AdoptHost<HostStore>(o.store, "store", store, h->store); !st.ok()) {
    return st;
  }
  dialer_clock clock = dialer_clock DIALER_CLOCK_INIT;
  if (auto st = AdoptHost<HostClock>(o.clock, "clock", clock, h->host_clock); !st.ok()) {
    return st;
  }
  if (o.provider == nullptr) {
    return absl::InvalidArgumentError("options.provider must not be NULL");
  }
  if (auto st = ValidateProvider(provider); !st.ok()) return st;
  if (o.store != nullptr) {
    if (auto st = ValidateStore(store); !st.ok()) return st;
  } else {
    h->store = std::make_unique<MemoryStore>();
  }
  if (o.clock != nullptr) {
    if (auto st = ValidateClock(clock); !st.ok()) return st;
    h->clock = h->host_clock.get();
  } else {
    h->clock = &Clock::System();
  }
  h->sink = std::make_unique<JsonEventSink>(o.on_event, o.event_user_data);

  absl::StatusOr<EngineConfig> config =
      EngineConfigFromJson(Arg(o.config_json));
  if (!config.ok()) return config.status();
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(
      config->options,
      {h->clock, h->provider.get(), h->store.get(), h->sink.get()});
  if (!engine.ok()) return engine.status();
  h->engine = *std::move(engine);
  for (const CampaignConfig& c : config->campaigns) {
    if (auto st = h->engine->AddCampaign(c); !st.ok()) return st;
  }
  return absl::OkStatus();
}

}  // namespace

}  // namespace dialer::capi

using dialer::capi::Arg;
using dialer::capi::CopyOut;
using dialer::capi::Guard;
using dialer::capi::NotNull;
using dialer::capi::WithEngine;

namespace {

// The agent commands that take nothing but the agent's id.
dialer_status AgentCommand(dialer_engine* engine, const char* agent_id,
                           absl::Status (dialer::Engine::*command)(
                               std::string_view)) {
  return WithEngine(engine, {{agent_id, "agent_id"}}, [&](dialer_engine& e) {
    return ((*e.engine).*command)(agent_id);
  });
}

}  // namespace

extern "C" {

dialer_status dialer_engine_new(dialer_engine** out,
                                const dialer_engine_options* options) {
  return Guard([&]() -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    *out = nullptr;
    dialer_engine_options o = dialer_engine_options DIALER_ENGINE_OPTIONS_INIT;
    if (auto st = dialer::capi::ReadSized(options, sizeof o, sizeof o, &o,
                                          "options");
        !st.ok()) {
      return st;
    }
    auto h = std::make_unique<dialer_engine>();
    if (auto st = dialer::capi::BuildEngine(o, h); !st.ok()) return st;
    *out = h.release();
    return absl::OkStatus();
  });
}

void dialer_engine_free(dialer_engine* engine) {
  if (engine == nullptr) return;
  try {
    engine->engine.reset();
    delete engine;
  } catch (...) {
    // Nothing can be reported from a free function; never throw to C.
  }
}

dialer_status dialer_engine_add_campaign(dialer_engine* engine,
                                         const char* campaign_json) {
  return WithEngine(engine, {{campaign_json, "campaign_json"}},
                    [&](dialer_engine& e) -> absl::Status {
    auto v = dialer::capi::ParseJson(campaign_json, "campaign");
    if (!v.ok()) return v.status();
    auto c = dialer::capi::CampaignFromJson(*v, "$");
    if (!c.ok()) return c.status();
    return e.engine->AddCampaign(*c);
  });
}

dialer_status dialer_engine_add_contact(int64_t* out, dialer_engine* engine,
                                        const char* campaign_id,
                                        const char* contact_json) {
  return WithEngine(engine,
                    {{campaign_id, "campaign_id"}, {contact_json, "contact_json"}},
                    [&](dialer_engine& e) -> absl::Status {
    auto v = dialer::capi::ParseJson(contact_json, "contact");
    if (!v.ok()) return v.status();
    auto c = dialer::capi::ContactFromJson(*v, "$");
    if (!c.ok()) return c.status();
    auto ids = e.engine->AddContacts(campaign_id, {*std::move(c)});
    if (!ids.ok()) return ids.status();
    if (out != nullptr) *out = ids->front();
    return absl::OkStatus();
  });
}

dialer_status dialer_engine_login(dialer_engine* engine, const char* agent_id,
                                  const char* campaign_id) {
  return WithEngine(engine, {{agent_id, "agent_id"}, {campaign_id, "campaign_id"}},
                    [&](dialer_engine& e) -> absl::Status {
    absl::Status st = e.engine->Login(agent_id, campaign_id);
    if (st.ok()) {
      absl::MutexLock lock(&e.mu);
      e.agents.insert(agent_id);
    }
    return st;
  });
}

dialer_status dialer_engine_ready(dialer_engine* engine, const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::Ready);
}

dialer_status dialer_engine_break(dialer_engine* engine, const char* agent_id,
                                  const char* reason) {
  return WithEngine(engine, {{agent_id, "agent_id"}}, [&](dialer_engine& e) {
    return e.engine->Break(agent_id, Arg(reason));
  });
}

dialer_status dialer_engine_logout(dialer_engine* engine, const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::Logout);
}

dialer_status dialer_engine_dial_now(dialer_engine* engine,
                                     const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::DialNow);
}

dialer_status dialer_engine_skip_contact(dialer_engine* engine,
                                         const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::SkipContact);
}

dialer_status dialer_engine_hangup(dialer_engine* engine, const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::Hangup);
}

dialer_status dialer_engine_drop_voicemail(dialer_engine* engine,
                                           const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::DropVoicemail);
}

dialer_status dialer_engine_hangup_machine(dialer_engine* engine,
                                           const char* agent_id) {
  return AgentCommand(engine, agent_id, &dialer::Engine::HangupMachine);
}

dialer_status dialer_engine_disposition(dialer_engine* engine,
                                        const char* agent_id,
                                        const char* disposition_json) {
  return WithEngine(
      engine, {{agent_id, "agent_id"}, {disposition_json, "disposition_json"}},
      [&](dialer_engine& e) -> absl::Status {
        auto d = dialer::capi::DispositionFromJson(disposition_json);
        if (!d.ok()) return d.status();
        return e.engine->Disposition(agent_id, *d);
      });
}

dialer_status dialer_engine_add_note(dialer_engine* engine,
                                     const char* agent_id, const char* text) {
  return WithEngine(engine, {{agent_id, "agent_id"}, {text, "text"}},
                    [&](dialer_engine& e) {
                      return e.engine->AddNote(agent_id, text);
                    });
}

dialer_status dialer_engine_add_to_dnc(dialer_engine* engine,
                                       const char* phone_e164,
                                       const char* source) {
  return WithEngine(engine, {{phone_e164, "phone_e164"}},
                    [&](dialer_engine& e) {
    return e.engine->AddToDoNotCall(phone_e164,
                                    source == nullptr ? "api" : source);
  });
}

dialer_status dialer_engine_campaign_stats(char** out, dialer_engine* engine,
                                           const char* campaign_id) {
  return WithEngine(engine, {{campaign_id, "campaign_id"}},
                    [&](dialer_engine& e) -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    auto stats = e.engine->GetCampaignStats(campaign_id);
    if (!stats.ok()) return stats.status();
    *out = CopyOut(dialer::capi::Serialize(
        dialer::capi::CampaignStatsToJson(campaign_id, *stats)));
    return absl::OkStatus();
  });
}

dialer_status dialer_engine_agent(char** out, dialer_engine* engine,
                                  const char* agent_id) {
  return WithEngine(engine, {{agent_id, "agent_id"}},
                    [&](dialer_engine& e) -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    auto agent = e.engine->GetAgent(agent_id);
    if (!agent.ok()) return agent.status();
    *out = CopyOut(
        dialer::capi::Serialize(dialer::capi::AgentSnapshotToJson(*agent)));
    return absl::OkStatus();
  });
}

dialer_status dialer_engine_dashboard(char** out, dialer_engine* engine,
                                      const char* campaign_id) {
  return WithEngine(engine, {{campaign_id, "campaign_id"}},
                    [&](dialer_engine& e) -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    auto stats = e.engine->GetCampaignStats(campaign_id);
    if (!stats.ok()) return stats.status();
    std::set<std::string> agents;
    {
      absl::MutexLock lock(&e.mu);
      agents = e.agents;
    }
    boost::json::array list;
    for (const std::string& id : agents) {
      auto agent = e.engine->GetAgent(id);
      if (agent.ok() && agent->campaign_id == campaign_id) {
        list.push_back(dialer::capi::AgentSnapshotToJson(*agent));
      }
    }
    boost::json::object o;
    o["campaign_id"] = campaign_id;
    o["at_us"] = absl::ToUnixMicros(e.clock->Now());
    o["stats"] = dialer::capi::CampaignStatsToJson(campaign_id, *stats);
    o["agents"] = std::move(list);
    *out = CopyOut(dialer::capi::Serialize(o));
    return absl::OkStatus();
  });
}

dialer_status dialer_engine_push_provider_event(
    dialer_engine* engine, const dialer_provider_event* event) {
  return WithEngine(engine, {}, [&](dialer_engine& e) -> absl::Status {
    dialer_provider_event ev = dialer_provider_event DIALER_PROVIDER_EVENT_INIT;
    if (auto st = dialer::capi::ReadSized(event, sizeof ev, sizeof ev, &ev,
                                          "event");
        !st.ok()) {
      return st;
    }
    if (ev.type < DIALER_PROVIDER_EVENT_RINGING ||
        ev.type > DIALER_PROVIDER_EVENT_PLAYBACK_DONE) {
      return absl::InvalidArgumentError(
          absl::StrCat("event.type: ", ev.type, " is not a provider event type"));
    }
    if (ev.amd < DIALER_AMD_HUMAN || ev.amd > DIALER_AMD_UNKNOWN) {
      return absl::InvalidArgumentError(
          absl::StrCat("event.amd: ", ev.amd, " is not an AMD result"));
    }
    if (ev.end_status < DIALER_END_COMPLETED ||
        ev.end_status > DIALER_END_CANCELED) {
      return absl::InvalidArgumentError(absl::StrCat(
          "event.end_status: ", ev.end_status, " is not an end status"));
    }
    dialer::ProviderEvent pe;
    pe.type = static_cast<dialer::ProviderEventType>(ev.type);
    pe.call_id = ev.call_id;
    pe.at = ev.at_us == DIALER_TIME_UNKNOWN ? e.clock->Now()
                                            : absl::FromUnixMicros(ev.at_us);
    pe.amd = static_cast<dialer::AmdResult>(ev.amd);
    pe.status = static_cast<dialer::CallEndStatus>(ev.end_status);
    pe.duration = absl::Microseconds(ev.duration_us);
    pe.error.code = ev.error_code;
    pe.error.message = Arg(ev.error_message);
    e.provider->Push(pe);
    return absl::OkStatus();
  });
}

dialer_status dialer_engine_fire_timer(dialer_engine* engine,
                                       uint64_t timer_id) {
  return WithEngine(engine, {}, [&](dialer_engine& e) -> absl::Status {
    if (e.host_clock == nullptr) {
      return absl::FailedPreconditionError(
          "the engine uses the system clock; it has no host timers");
    }
    return e.host_clock->Fire(timer_id);
  });
}

}  // extern "C"
