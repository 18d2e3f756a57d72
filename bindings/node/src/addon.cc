// The thin N-API layer over the C ABI (include/dialer/c.h): one JS function
// per C function, JSON kept as strings (index.js parses it and carries the
// camelCase API). scripts/check_binding_coverage.py reads the
// `// C: dialer_...` comments.
//
// Threads: every engine call that may wait for the engine's strand runs in
// an AsyncWorker (libuv pool) and returns a Promise, so the JS thread never
// blocks on the engine. Engine events and provider commands come from the
// strand, whatever thread holds it; they reach JS through
// Napi::ThreadSafeFunction::NonBlockingCall, in order. A provider command is
// therefore always "accepted" at once (DIALER_OK); a JS provider that throws
// is reported back by index.js as a FAILED provider event.
#include "napi_setup.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "dialer/c.h"
#include "dialer/c_provider.h"
#include "manual_clock.h"

namespace {

// Tags the External that wraps an engine, so a foreign External is rejected.
constexpr napi_type_tag kEngineTag = {0x6469616c65725f65ULL, 0x6e67696e65000001ULL};

Napi::Error StatusError(Napi::Env env, dialer_status code, const std::string& message) {
  Napi::Error error = Napi::Error::New(env, message);
  error.Set("code", Napi::String::New(env, dialer_status_name(code)));
  error.Set("status", Napi::Number::New(env, code));
  return error;
}

std::string TakeString(char* s) {
  std::string out(s == nullptr ? "" : s);
  dialer_free(s);
  return out;
}

// One provider command or event, carried to the JS thread.
struct Message {
  std::string kind;  // "event", or the provider command's name
  std::string json;  // event JSON, or the command's arguments as JSON
};

void CallJs(Napi::Env env, Napi::Function fn, std::nullptr_t*, Message* m) {
  std::unique_ptr<Message> owned(m);
  if (env != nullptr && fn != nullptr) {
    fn.Call({Napi::String::New(env, m->kind), Napi::String::New(env, m->json)});
  }
}

using Channel = Napi::TypedThreadSafeFunction<std::nullptr_t, Message, CallJs>;

std::string Quote(const char* s) {
  std::string out = "\"";
  for (const char* p = s; *p != '\0'; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += *p;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += *p;
    }
  }
  return out + "\"";
}

// What the engine's callbacks need: the channel to JS.
struct Host {
  Channel channel;
  void Post(std::string kind, std::string json) {
    channel.NonBlockingCall(new Message{std::move(kind), std::move(json)});
  }
};

Host* HostOf(void* user_data) { return static_cast<Host*>(user_data); }

dialer_provider MakeProvider(Host* host) {
  dialer_provider p = DIALER_PROVIDER_INIT;
  p.user_data = host;
  p.place_call = [](void* ud, const dialer_dial_request* r, dialer_buffer*) {
    HostOf(ud)->Post("placeCall",
                     "{\"callId\":" + std::to_string(r->call_id) + ",\"to\":" + Quote(r->to) +
                         ",\"callerId\":" + Quote(r->caller_id) +
                         ",\"ringTimeoutUs\":" + std::to_string(r->ring_timeout_us) +
                         ",\"amdMode\":" + std::to_string(r->amd_mode) +
                         ",\"conference\":" + Quote(r->conference) + "}");
    return DIALER_OK;
  };
  p.cancel_call = [](void* ud, int64_t call, dialer_buffer*) {
    HostOf(ud)->Post("cancelCall", "{\"callId\":" + std::to_string(call) + "}");
    return DIALER_OK;
  };
  p.hangup = [](void* ud, int64_t call, dialer_buffer*) {
    HostOf(ud)->Post("hangup", "{\"callId\":" + std::to_string(call) + "}");
    return DIALER_OK;
  };
  p.bridge = [](void* ud, int64_t call, const char* conference, dialer_buffer*) {
    HostOf(ud)->Post("bridge", "{\"callId\":" + std::to_string(call) +
                                   ",\"conference\":" + Quote(conference) + "}");
    return DIALER_OK;
  };
  p.play_and_hangup = [](void* ud, int64_t call, const char* audio, bool after_beep,
                         dialer_buffer*) {
    HostOf(ud)->Post("playAndHangup", "{\"callId\":" + std::to_string(call) +
                                          ",\"audio\":" + Quote(audio) + ",\"afterBeep\":" +
                                          (after_beep ? "true" : "false") + "}");
    return DIALER_OK;
  };
  p.set_participant = [](void* ud, const char* conference, const char* participant,
                         int32_t role, dialer_buffer*) {
    HostOf(ud)->Post("setParticipant", "{\"conference\":" + Quote(conference) +
                                           ",\"participant\":" + Quote(participant) +
                                           ",\"role\":" + std::to_string(role) + "}");
    return DIALER_OK;
  };
  return p;
}

// A manual clock owned by the addon, for hosts (and tests) that drive time
// themselves: JS cannot answer now_us synchronously from the engine's
// thread, so the clock lives here and JS moves it with advanceClock().
using dialer_bindings::ManualClock;

// An engine and the channel its callbacks use. Freed by close() or, if JS
// forgets, by the External's finalizer.
struct EngineBox {
  dialer_engine* engine = nullptr;
  std::unique_ptr<Host> host;
  std::unique_ptr<ManualClock> clock;  // null: the system clock
  bool closing = false;

  void Free() {
    dialer_engine_free(std::exchange(engine, nullptr));
  }
};

// Runs a C call on the libuv pool and settles a Promise with its result.
class CallWorker : public Napi::AsyncWorker {
 public:
  using Fn = std::function<dialer_status(std::string*)>;
  CallWorker(Napi::Env env, Fn fn)
      : Napi::AsyncWorker(env), fn_(std::move(fn)), deferred_(Napi::Promise::Deferred::New(env)) {}
  Napi::Promise Promise() { return deferred_.Promise(); }

 protected:
  void Execute() override {
    status_ = fn_(&result_);
    if (status_ != DIALER_OK) message_ = dialer_last_error_message();
  }
  void OnOK() override {
    if (status_ != DIALER_OK) {
      deferred_.Reject(StatusError(Env(), status_, message_).Value());
    } else {
      deferred_.Resolve(Napi::String::New(Env(), result_));
    }
  }
  void OnError(const Napi::Error& e) override { deferred_.Reject(e.Value()); }

 private:
  Fn fn_;
  Napi::Promise::Deferred deferred_;
  dialer_status status_ = DIALER_OK;
  std::string result_;
  std::string message_;
};

Napi::Value Run(Napi::Env env, CallWorker::Fn fn) {
  auto* worker = new CallWorker(env, std::move(fn));
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

EngineBox* Unwrap(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsExternal()) {
    throw Napi::TypeError::New(env, "expected an engine handle");
  }
  Napi::Object obj = info[0].As<Napi::Object>();
  bool tagged = false;
  napi_check_object_type_tag(env, obj, &kEngineTag, &tagged);
  if (!tagged) throw Napi::TypeError::New(env, "not a dialer engine handle");
  EngineBox* box = info[0].As<Napi::External<EngineBox>>().Data();
  if (box->engine == nullptr || box->closing) {
    throw StatusError(env, DIALER_FAILED_PRECONDITION, "the engine is closed");
  }
  return box;
}

std::string StringArg(const Napi::CallbackInfo& info, size_t i, const char* name) {
  if (info.Length() <= i || !info[i].IsString()) {
    throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a string");
  }
  return info[i].As<Napi::String>().Utf8Value();
}

// engineNew(configJson, callback(kind, json), startUs|undefined) -> handle;
// with startUs the engine runs on an addon-owned manual clock.
// C: dialer_engine_new
Napi::Value EngineNew(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::optional<std::string> config;
  if (info.Length() > 0 && info[0].IsString()) config = info[0].As<Napi::String>().Utf8Value();
  if (info.Length() < 2 || !info[1].IsFunction()) {
    throw Napi::TypeError::New(env, "callback must be a function");
  }
  auto box = std::make_unique<EngineBox>();
  box->host = std::make_unique<Host>();
  box->host->channel =
      Channel::New(env, info[1].As<Napi::Function>(), "dialer events", 0, 1);
  dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
  if (config) o.config_json = config->c_str();
  dialer_provider p = MakeProvider(box->host.get());
  o.provider = &p;
  o.on_event = [](void* ud, const char* json, size_t len) {
    HostOf(ud)->Post("event", std::string(json, len));
  };
  o.event_user_data = box->host.get();
  dialer_clock clock;
  if (info.Length() > 2 && info[2].IsNumber()) {
    box->clock = std::make_unique<ManualClock>(info[2].As<Napi::Number>().Int64Value());
    clock = box->clock->VTable();
    o.clock = &clock;
  }
  const dialer_status st = dialer_engine_new(&box->engine, &o);
  if (st != DIALER_OK) {
    std::string message = dialer_last_error_message();
    box->host->channel.Release();
    throw StatusError(env, st, message);
  }
  // Like a listening server, an open engine keeps the process alive (its
  // timers fire on the clock's own thread): close() releases the channel.
  auto external = Napi::External<EngineBox>::New(env, box.release(), [](Napi::Env, EngineBox* b) {
    if (b->engine != nullptr) {
      b->Free();
      b->host->channel.Release();
    }
    delete b;
  });
  napi_type_tag_object(env, external, &kEngineTag);
  return external;
}

// engineClose(handle) -> Promise<void>: frees the engine off the JS thread,
// then releases the channel (events already queued are still delivered).
// C: dialer_engine_free
Napi::Value EngineClose(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  box->closing = true;
  auto* worker = new CallWorker(info.Env(), [box](std::string*) {
    box->Free();
    box->host->channel.Release();
    return DIALER_OK;
  });
  Napi::Promise promise = worker->Promise();
  worker->Queue();
  return promise;
}

template <dialer_status (*F)(dialer_engine*, const char*)>
Napi::Value Agent1(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  std::string a = StringArg(info, 1, "agentId");
  return Run(info.Env(), [box, a](std::string*) { return F(box->engine, a.c_str()); });
}

template <dialer_status (*F)(dialer_engine*, const char*, const char*)>
Napi::Value Agent2(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  std::string a = StringArg(info, 1, "first argument");
  std::string b = StringArg(info, 2, "second argument");
  return Run(info.Env(),
             [box, a, b](std::string*) { return F(box->engine, a.c_str(), b.c_str()); });
}

template <dialer_status (*F)(char**, dialer_engine*, const char*)>
Napi::Value Query(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  std::string a = StringArg(info, 1, "id");
  return Run(info.Env(), [box, a](std::string* result) {
    char* out = nullptr;
    dialer_status st = F(&out, box->engine, a.c_str());
    *result = TakeString(out);
    return st;
  });
}

// C: dialer_engine_add_campaign
Napi::Value AddCampaign(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  std::string json = StringArg(info, 1, "campaign");
  return Run(info.Env(), [box, json](std::string*) {
    return dialer_engine_add_campaign(box->engine, json.c_str());
  });
}

// C: dialer_engine_add_contact
Napi::Value AddContact(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  std::string campaign = StringArg(info, 1, "campaignId");
  std::string json = StringArg(info, 2, "contact");
  return Run(info.Env(), [box, campaign, json](std::string* result) {
    int64_t id = 0;
    dialer_status st = dialer_engine_add_contact(&id, box->engine, campaign.c_str(), json.c_str());
    *result = std::to_string(id);
    return st;
  });
}

// C: dialer_engine_import_csv
Napi::Value ImportCsv(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  std::string campaign = StringArg(info, 1, "campaignId");
  std::string csv = StringArg(info, 2, "csv");
  std::optional<std::string> options;
  if (info.Length() > 3 && info[3].IsString()) options = info[3].As<Napi::String>().Utf8Value();
  return Run(info.Env(), [box, campaign, csv, options](std::string* result) {
    char* out = nullptr;
    dialer_status st = dialer_engine_import_csv(&out, box->engine, campaign.c_str(), csv.data(),
                                                csv.size(), options ? options->c_str() : nullptr);
    *result = TakeString(out);
    return st;
  });
}

// pushProviderEvent(handle, type, callId, atUs, amd, endStatus, durationUs,
// errorCode, errorMessage): synchronous (it only queues the event).
// C: dialer_engine_push_provider_event
Napi::Value PushProviderEvent(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  EngineBox* box = Unwrap(info);
  for (size_t i = 1; i <= 7; ++i) {
    if (info.Length() <= i || !info[i].IsNumber()) {
      throw Napi::TypeError::New(env, "provider event fields must be numbers");
    }
  }
  dialer_provider_event ev = DIALER_PROVIDER_EVENT_INIT;
  ev.type = info[1].As<Napi::Number>().Int32Value();
  ev.call_id = info[2].As<Napi::Number>().Int64Value();
  const double at = info[3].As<Napi::Number>().DoubleValue();
  ev.at_us = at < 0 ? DIALER_TIME_UNKNOWN : static_cast<int64_t>(at);
  ev.amd = info[4].As<Napi::Number>().Int32Value();
  ev.end_status = info[5].As<Napi::Number>().Int32Value();
  ev.duration_us = info[6].As<Napi::Number>().Int64Value();
  ev.error_code = info[7].As<Napi::Number>().Int32Value();
  std::string message = info.Length() > 8 && info[8].IsString()
                            ? info[8].As<Napi::String>().Utf8Value()
                            : std::string();
  ev.error_message = message.c_str();
  dialer_status st = dialer_engine_push_provider_event(box->engine, &ev);
  if (st != DIALER_OK) throw StatusError(env, st, dialer_last_error_message());
  return env.Undefined();
}

// advanceClock(handle, untilUs) -> Promise<string: timers fired>
// C: dialer_engine_fire_timer
Napi::Value AdvanceClock(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  if (box->clock == nullptr) {
    throw StatusError(info.Env(), DIALER_FAILED_PRECONDITION,
                      "the engine uses the system clock (create it with a start time)");
  }
  if (info.Length() < 2 || !info[1].IsNumber()) {
    throw Napi::TypeError::New(info.Env(), "untilUs must be a number");
  }
  const int64_t until = info[1].As<Napi::Number>().Int64Value();
  return Run(info.Env(), [box, until](std::string* result) {
    int fired = 0;
    dialer_status st = box->clock->AdvanceTo(box->engine, until, &fired);
    *result = std::to_string(fired);
    return st;
  });
}

Napi::Value ClockNow(const Napi::CallbackInfo& info) {
  EngineBox* box = Unwrap(info);
  if (box->clock == nullptr) return info.Env().Undefined();
  return Napi::Number::New(info.Env(), static_cast<double>(box->clock->Now()));
}

// simRun(scenarioJson, pacer|null, seed|null, onLogLine|null) -> Promise<string>
// C: dialer_sim_run
Napi::Value SimRun(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  std::string scenario = StringArg(info, 0, "scenario");
  std::optional<std::string> pacer;
  if (info.Length() > 1 && info[1].IsString()) pacer = info[1].As<Napi::String>().Utf8Value();
  std::optional<uint64_t> seed;
  if (info.Length() > 2 && info[2].IsNumber()) {
    seed = static_cast<uint64_t>(info[2].As<Napi::Number>().Int64Value());
  }
  std::shared_ptr<Host> log;
  if (info.Length() > 3 && info[3].IsFunction()) {
    log = std::make_shared<Host>();
    log->channel = Channel::New(env, info[3].As<Napi::Function>(), "dialer sim log", 0, 1);
  }
  return Run(env, [scenario, pacer, seed, log](std::string* result) {
    dialer_sim_options o = DIALER_SIM_OPTIONS_INIT;
    if (pacer) o.pacer = pacer->c_str();
    if (seed) {
      o.override_seed = true;
      o.seed = *seed;
    }
    if (log) {
      o.on_log_line = [](void* ud, const char* line, size_t len) {
        HostOf(ud)->Post("log", std::string(line, len));
      };
      o.log_user_data = log.get();
    }
    char* out = nullptr;
    dialer_status st = dialer_sim_run(&out, scenario.c_str(), &o);
    *result = TakeString(out);
    if (log) log->channel.Release();
    return st;
  });
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  // C: dialer_version
  exports.Set("version", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    int major, minor, patch;
    dialer_version(&major, &minor, &patch);
    Napi::Array a = Napi::Array::New(info.Env(), 3);
    a.Set(0u, major);
    a.Set(1u, minor);
    a.Set(2u, patch);
    return a;
  }));
  // C: dialer_version_string
  exports.Set("versionString", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(), dialer_version_string());
  }));
  // C: dialer_status_name
  exports.Set("statusName", Napi::Function::New(env, [](const Napi::CallbackInfo& info) {
    return Napi::String::New(info.Env(),
                             dialer_status_name(info[0].As<Napi::Number>().Int32Value()));
  }));
  exports.Set("engineNew", Napi::Function::New(env, EngineNew));
  exports.Set("engineClose", Napi::Function::New(env, EngineClose));
  exports.Set("addCampaign", Napi::Function::New(env, AddCampaign));
  exports.Set("addContact", Napi::Function::New(env, AddContact));
  exports.Set("importCsv", Napi::Function::New(env, ImportCsv));
  // C: dialer_engine_login
  exports.Set("login", Napi::Function::New(env, Agent2<dialer_engine_login>));
  // C: dialer_engine_ready
  exports.Set("ready", Napi::Function::New(env, Agent1<dialer_engine_ready>));
  // C: dialer_engine_break
  exports.Set("takeBreak", Napi::Function::New(env, Agent2<dialer_engine_break>));
  // C: dialer_engine_logout
  exports.Set("logout", Napi::Function::New(env, Agent1<dialer_engine_logout>));
  // C: dialer_engine_dial_now
  exports.Set("dialNow", Napi::Function::New(env, Agent1<dialer_engine_dial_now>));
  // C: dialer_engine_skip_contact
  exports.Set("skipContact", Napi::Function::New(env, Agent1<dialer_engine_skip_contact>));
  // C: dialer_engine_hangup
  exports.Set("hangup", Napi::Function::New(env, Agent1<dialer_engine_hangup>));
  // C: dialer_engine_drop_voicemail
  exports.Set("dropVoicemail", Napi::Function::New(env, Agent1<dialer_engine_drop_voicemail>));
  // C: dialer_engine_hangup_machine
  exports.Set("hangupMachine", Napi::Function::New(env, Agent1<dialer_engine_hangup_machine>));
  // C: dialer_engine_disposition
  exports.Set("disposition", Napi::Function::New(env, Agent2<dialer_engine_disposition>));
  // C: dialer_engine_add_note
  exports.Set("addNote", Napi::Function::New(env, Agent2<dialer_engine_add_note>));
  // C: dialer_engine_add_to_dnc
  exports.Set("addToDnc", Napi::Function::New(env, Agent2<dialer_engine_add_to_dnc>));
  // C: dialer_engine_campaign_stats
  exports.Set("campaignStats", Napi::Function::New(env, Query<dialer_engine_campaign_stats>));
  // C: dialer_engine_agent
  exports.Set("agent", Napi::Function::New(env, Query<dialer_engine_agent>));
  // C: dialer_engine_dashboard
  exports.Set("dashboard", Napi::Function::New(env, Query<dialer_engine_dashboard>));
  exports.Set("pushProviderEvent", Napi::Function::New(env, PushProviderEvent));
  exports.Set("simRun", Napi::Function::New(env, SimRun));
  exports.Set("advanceClock", Napi::Function::New(env, AdvanceClock));
  exports.Set("clockNow", Napi::Function::New(env, ClockNow));
  return exports;
}

}  // namespace

NODE_API_MODULE(dialer, Init)
