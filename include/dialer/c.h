/* The stable C ABI of the dialer engine.
 *
 * This header is the contract for hosts that load libdialer from C or from
 * another language (the Python, Node and Java bindings are built on it). It
 * is valid C11 and C++; it includes only <stdint.h>, <stddef.h> and
 * <stdbool.h>, and no C++ type, exception or allocator crosses it.
 *
 * Conventions (docs/c-api.md has the full reference, including the JSON
 * schemas of the config, the campaign, contacts, events and snapshots):
 *  - Names are dialer_<object>_<verb>; macros are DIALER_*.
 *  - Output parameters come first: a single one is named `out`.
 *  - Every fallible function returns a dialer_status: DIALER_OK (0) or an
 *    error whose value equals the absl::StatusCode number. The message of
 *    the last failure on the calling thread is dialer_last_error_message().
 *  - Every exported function catches everything: no exception escapes.
 *  - Owned objects come from dialer_<object>_new and go back through exactly
 *    one dialer_<object>_free, which accepts NULL. Strings returned through
 *    `char **out` are owned by the caller and released with dialer_free().
 *  - Time is int64 microseconds since the Unix epoch (dialer_time_us);
 *    durations are int64 microseconds, except inside JSON documents where
 *    durations are seconds (numbers, keys ending in `_s`) and instants are
 *    microseconds (integers, keys ending in `_us`).
 *  - Structs passed in start with `uint32_t struct_size` and have a
 *    DIALER_*_INIT macro and a dialer_*_init() function. The library reads
 *    only the fields inside struct_size and defaults the rest; fields are
 *    only ever appended.
 *  - Enumerations are int32_t values named by DIALER_* macros.
 *
 * Example:
 *   dialer_engine_options options = DIALER_ENGINE_OPTIONS_INIT;
 *   options.config_json = "{\"campaigns\": [{\"id\": \"q3\", "
 *                         "\"caller_ids\": [\"+12125550100\"]}]}";
 *   options.provider = &my_provider;     // see dialer/c_provider.h
 *   options.on_event = print_event;
 *   dialer_engine *engine = NULL;
 *   if (dialer_engine_new(&engine, &options) != DIALER_OK) {
 *     fprintf(stderr, "%s\n", dialer_last_error_message());
 *     return 1;
 *   }
 *   dialer_engine_login(engine, "alice", "q3");
 *   dialer_engine_ready(engine, "alice");
 *   ...
 *   dialer_engine_free(engine);
 *
 * Thread-safety: a dialer_engine is safe to use from several threads at once;
 * every call is serialized on the engine's strand (its single logical
 * thread). Callbacks (on_event, the host provider/store/clock functions) run
 * on the strand; a call into the engine from inside a callback runs at once.
 * REQUIRES of callbacks: they do not block on another thread that is itself
 * waiting for the engine. The error functions are per thread. */
#ifndef DIALER_C_H_
#define DIALER_C_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dialer/export.h"
#include "dialer/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ------------------------------------------------------------ */

/* Compile-time version: DIALER_VERSION_MAJOR/MINOR/PATCH, DIALER_VERSION_NUMBER
 * and DIALER_VERSION_AT_LEAST(x, y, z) from dialer/version.h. A host built
 * against major M must load a library of the same major (the SONAME says so)
 * and at least its minor; compare with dialer_version() at run time. */

/** Stores the library's version in the non-NULL arguments.
 *  @param[out] major, minor, patch  may each be NULL. */
DIALER_API void dialer_version(int *major, int *minor, int *patch);

/** The library's version as "major.minor.patch". Static storage; never NULL. */
DIALER_API const char *dialer_version_string(void);

/* ---- Status codes and errors --------------------------------------------- */

/* DIALER_OK or one of the codes below; the numbers equal absl::StatusCode. */
typedef int32_t dialer_status;

#define DIALER_OK 0
#define DIALER_CANCELLED 1
#define DIALER_UNKNOWN 2
#define DIALER_INVALID_ARGUMENT 3
#define DIALER_DEADLINE_EXCEEDED 4
#define DIALER_NOT_FOUND 5
#define DIALER_ALREADY_EXISTS 6
#define DIALER_PERMISSION_DENIED 7
#define DIALER_RESOURCE_EXHAUSTED 8
#define DIALER_FAILED_PRECONDITION 9
#define DIALER_ABORTED 10
#define DIALER_OUT_OF_RANGE 11
#define DIALER_UNIMPLEMENTED 12
#define DIALER_INTERNAL 13
#define DIALER_UNAVAILABLE 14
#define DIALER_DATA_LOSS 15
#define DIALER_UNAUTHENTICATED 16

/** The message of the last failed dialer call on this thread ("" after a
 *  success). Never NULL; owned by the library and valid until the next
 *  dialer call on the same thread. */
DIALER_API const char *dialer_last_error_message(void);

/** The status of the last dialer call on this thread that returns one. */
DIALER_API dialer_status dialer_last_error_code(void);

/** The stable upper-case name of a status ("INVALID_ARGUMENT"); "UNKNOWN"
 *  for a number that is not a status. Static storage; never NULL. */
DIALER_API const char *dialer_status_name(dialer_status status);

/* ---- Memory ---------------------------------------------------------------- */

/** Releases a string the library returned through a `char **out`.
 *  NULL is a no-op. Do not pass memory from any other allocator. */
DIALER_API void dialer_free(void *ptr);

/* ---- Time and enumerations --------------------------------------------- */

/* Microseconds since 1970-01-01T00:00:00Z. */
typedef int64_t dialer_time_us;
/* "Not known" (an instant before every other). */
#define DIALER_TIME_UNKNOWN INT64_MIN

/* Dial modes ("mode" in a campaign's JSON: "power", "parallel",
 * "predictive"). */
#define DIALER_MODE_POWER 0
#define DIALER_MODE_PARALLEL 1
#define DIALER_MODE_PREDICTIVE 2

/* Agent states ("logged_out", "ready", "preview", "dialing", "on_call",
 * "wrap_up", "break" in JSON). */
#define DIALER_AGENT_LOGGED_OUT 0
#define DIALER_AGENT_READY 1
#define DIALER_AGENT_PREVIEW 2
#define DIALER_AGENT_DIALING 3
#define DIALER_AGENT_ON_CALL 4
#define DIALER_AGENT_WRAP_UP 5
#define DIALER_AGENT_BREAK 6

/* Call states ("dialing", "ringing", "answered", "connecting", "connected",
 * "machine", "abandoning", "ended" in JSON). */
#define DIALER_CALL_DIALING 0
#define DIALER_CALL_RINGING 1
#define DIALER_CALL_ANSWERED 2
#define DIALER_CALL_CONNECTING 3
#define DIALER_CALL_CONNECTED 4
#define DIALER_CALL_MACHINE 5
#define DIALER_CALL_ABANDONING 6
#define DIALER_CALL_ENDED 7

/* ---- Engine ------------------------------------------------------------- */

/* An engine with its campaigns. Opaque; free with dialer_engine_free. */
typedef struct dialer_engine dialer_engine;

/* Host-implemented interfaces, declared in dialer/c_provider.h. */
typedef struct dialer_provider dialer_provider;
typedef struct dialer_store dialer_store;
typedef struct dialer_clock dialer_clock;

/* Receives every engine event as one JSON object (docs/c-api.md, "Events"):
 * agent_state, screen_pop, call, alert, log. Runs on the engine's strand, in
 * the order the events happened. `event_json` is NUL-terminated, `len`
 * bytes long, and borrowed for the duration of the call only. */
typedef void (*dialer_event_fn)(void *user_data, const char *event_json,
                                size_t len);

typedef struct dialer_engine_options {
  uint32_t struct_size; /* Set by DIALER_ENGINE_OPTIONS_INIT. */
  /* {"engine": {...}, "campaigns": [{...}, ...]} (both keys optional); see
   * docs/c-api.md. NULL means "{}". Borrowed for the duration of the call. */
  const char *config_json;
  /* Required. Copied; its destroy callback runs once, when the engine is
   * freed or when dialer_engine_new fails. */
  const dialer_provider *provider;
  /* NULL: the built-in in-memory store. Otherwise copied like `provider`. */
  const dialer_store *store;
  /* NULL: the real-time system clock. Otherwise copied like `provider`. */
  const dialer_clock *clock;
  /* May be NULL (events are dropped). */
  dialer_event_fn on_event;
  void *event_user_data;
} dialer_engine_options;

#define DIALER_ENGINE_OPTIONS_INIT \
  { (uint32_t)sizeof(dialer_engine_options), NULL, NULL, NULL, NULL, NULL, NULL }

/** Sets *options to its defaults, for hosts without C macros.
 *  @param struct_size  sizeof(dialer_engine_options) as the host knows it.
 *  @return DIALER_OK, or DIALER_INVALID_ARGUMENT for NULL options or a size
 *          smaller than the first version of the struct. */
DIALER_API dialer_status dialer_engine_options_init(
    dialer_engine_options *options, size_t struct_size);

/** Creates an engine and adds the config's campaigns.
 *  @param[out] out  the new engine; free it with dialer_engine_free.
 *  @return DIALER_OK; DIALER_INVALID_ARGUMENT for bad JSON (the message
 *          starts with the JSON path), a missing provider, a vtable whose
 *          required functions are NULL, or an invalid campaign;
 *          DIALER_ALREADY_EXISTS for two campaigns with one id. On failure
 *          *out is NULL and the host objects' destroy callbacks have run. */
DIALER_API dialer_status dialer_engine_new(dialer_engine **out,
                                           const dialer_engine_options *options);

/** Stops the engine (timers canceled, provider detached; calls in flight are
 *  not hung up), then runs the host objects' destroy callbacks. NULL is a
 *  no-op. REQUIRES: not called from inside one of the engine's callbacks. */
DIALER_API void dialer_engine_free(dialer_engine *engine);

/** Adds a campaign (JSON object, docs/c-api.md "Campaign").
 *  @return DIALER_OK; DIALER_INVALID_ARGUMENT naming the bad field;
 *          DIALER_ALREADY_EXISTS for an id in use. */
DIALER_API dialer_status dialer_engine_add_campaign(dialer_engine *engine,
                                                    const char *campaign_json);

/* ---- Contacts ----------------------------------------------------------- */

/** Adds one contact (JSON object, docs/c-api.md "Contact") to a campaign's
 *  queue.
 *  @param[out] out  the store-assigned contact id; may be NULL.
 *  @return DIALER_OK; DIALER_NOT_FOUND for an unknown campaign;
 *          DIALER_INVALID_ARGUMENT for bad JSON or a contact without phone. */
DIALER_API dialer_status dialer_engine_add_contact(int64_t *out,
                                                   dialer_engine *engine,
                                                   const char *campaign_id,
                                                   const char *contact_json);

/** Imports a CSV file through the engine's import pipeline, the same for
 *  every host language (parse, map, normalize to E.164, validate,
 *  deduplicate within the file and against every contact the engine holds,
 *  scrub the engine's do-not-call lists, assign) and adds the accepted
 *  contacts to a campaign.
 *  @param[out] out  the import report as JSON (counts per stage, one issue
 *          per rejected or duplicate row with its line, and the new contact
 *          ids); release with dialer_free.
 *  @param csv, csv_len  the file's bytes (any encoding the pipeline detects).
 *  @param options_json  NULL or {"default_region", "reject_toll_free",
 *          "mapping", "duplicates", "dedupe_by_email", "delimiter"}.
 *  @return DIALER_OK even when rows were rejected (see the report);
 *          DIALER_NOT_FOUND for an unknown campaign; DIALER_INVALID_ARGUMENT
 *          for bad options or a file that cannot be read as a whole (no
 *          header row, no phone column); DIALER_ABORTED when another call
 *          added one of the accepted numbers meanwhile (retrying is safe);
 *          then nothing was added and *out is NULL. */
DIALER_API dialer_status dialer_engine_import_csv(char **out,
                                                  dialer_engine *engine,
                                                  const char *campaign_id,
                                                  const char *csv,
                                                  size_t csv_len,
                                                  const char *options_json);

/* ---- Agents ------------------------------------------------------------- */

/** Logs an agent into a campaign; the agent starts on break until ready.
 *  @return DIALER_OK; DIALER_NOT_FOUND for an unknown campaign;
 *          DIALER_FAILED_PRECONDITION when already logged in elsewhere. */
DIALER_API dialer_status dialer_engine_login(dialer_engine *engine,
                                             const char *agent_id,
                                             const char *campaign_id);

/** Makes the agent available; power dialing starts after the campaign's
 *  auto-advance delay.
 *  @return DIALER_OK; DIALER_NOT_FOUND for an unknown agent;
 *          DIALER_FAILED_PRECONDITION from wrap-up without a disposition. */
DIALER_API dialer_status dialer_engine_ready(dialer_engine *engine,
                                             const char *agent_id);

/** Pauses the agent (after the current call and its disposition).
 *  @param reason  free text ("lunch"); NULL means "". */
DIALER_API dialer_status dialer_engine_break(dialer_engine *engine,
                                             const char *agent_id,
                                             const char *reason);

/** Logs the agent out; a ringing call is canceled.
 *  @return DIALER_OK; DIALER_FAILED_PRECONDITION during a live call. */
DIALER_API dialer_status dialer_engine_logout(dialer_engine *engine,
                                              const char *agent_id);

/** Preview sub-mode: dials the previewed contact now. */
DIALER_API dialer_status dialer_engine_dial_now(dialer_engine *engine,
                                                const char *agent_id);

/** Preview sub-mode: skips the previewed contact. */
DIALER_API dialer_status dialer_engine_skip_contact(dialer_engine *engine,
                                                    const char *agent_id);

/** Ends the agent's current call (cancels it while ringing). */
DIALER_API dialer_status dialer_engine_hangup(dialer_engine *engine,
                                              const char *agent_id);

/** Leaves the campaign's voicemail on the machine the agent hears and
 *  frees the agent (the call is dispositioned "voicemail"). */
DIALER_API dialer_status dialer_engine_drop_voicemail(dialer_engine *engine,
                                                      const char *agent_id);

/** Hangs up on the machine the agent hears, leaving no message: the call is
 *  dispositioned "machine" and the agent is ready again with no wrap-up.
 *  DIALER_FAILED_PRECONDITION when the agent is not on an answered call. */
DIALER_API dialer_status dialer_engine_hangup_machine(dialer_engine *engine,
                                                      const char *agent_id);

/** Records the agent's disposition of the call in wrap-up.
 *  @param disposition_json  {"code": "meeting_booked", "notes": "...",
 *         "fields": {"k": "v"}, "callback_at_us": 0}; only "code" is
 *         required ("callback" also needs callback_at_us).
 *  @return DIALER_OK; DIALER_INVALID_ARGUMENT for bad JSON, an unknown code
 *          or a missing required field; DIALER_FAILED_PRECONDITION when the
 *          agent has no call to disposition. */
DIALER_API dialer_status dialer_engine_disposition(
    dialer_engine *engine, const char *agent_id, const char *disposition_json);

/** Attaches a note to the contact of the agent's current or last call. */
DIALER_API dialer_status dialer_engine_add_note(dialer_engine *engine,
                                                const char *agent_id,
                                                const char *text);

/* ---- Manager actions ------------------------------------------------------ */

/** Adds a number (E.164) to the internal do-not-call list, effective at once
 *  in every campaign and kept in the store.
 *  @param source  where the request came from ("api"); NULL means "api".
 *  @return DIALER_OK; DIALER_INVALID_ARGUMENT for a number that is not E.164. */
DIALER_API dialer_status dialer_engine_add_to_dnc(dialer_engine *engine,
                                                  const char *phone_e164,
                                                  const char *source);

/* ---- Metrics and snapshots ----------------------------------------------- */

/** A campaign's counters since the engine started, as JSON
 *  (docs/c-api.md "Campaign stats").
 *  @param[out] out  release with dialer_free.
 *  @return DIALER_OK; DIALER_NOT_FOUND for an unknown campaign. */
DIALER_API dialer_status dialer_engine_campaign_stats(char **out,
                                                      dialer_engine *engine,
                                                      const char *campaign_id);

/** One agent's state as JSON (docs/c-api.md "Agent").
 *  @param[out] out  release with dialer_free.
 *  @return DIALER_OK; DIALER_NOT_FOUND for an agent never logged in. */
DIALER_API dialer_status dialer_engine_agent(char **out, dialer_engine *engine,
                                             const char *agent_id);

/** A dashboard snapshot of one campaign as JSON: the time, its stats and
 *  every agent that logged into it through this engine handle
 *  (docs/c-api.md "Dashboard").
 *  @param[out] out  release with dialer_free.
 *  @return DIALER_OK; DIALER_NOT_FOUND for an unknown campaign. */
DIALER_API dialer_status dialer_engine_dashboard(char **out,
                                                 dialer_engine *engine,
                                                 const char *campaign_id);

/* ---- Provider events --------------------------------------------------------- */

/* Provider event types. */
#define DIALER_PROVIDER_EVENT_RINGING 0
#define DIALER_PROVIDER_EVENT_ANSWERED 1
#define DIALER_PROVIDER_EVENT_AMD 2
#define DIALER_PROVIDER_EVENT_BRIDGED 3
#define DIALER_PROVIDER_EVENT_COMPLETED 4
#define DIALER_PROVIDER_EVENT_FAILED 5
#define DIALER_PROVIDER_EVENT_PLAYBACK_DONE 6

/* Answering-machine detector verdicts (AMD events). */
#define DIALER_AMD_HUMAN 0
#define DIALER_AMD_MACHINE_START 1
#define DIALER_AMD_MACHINE_END_BEEP 2
#define DIALER_AMD_MACHINE_END_SILENCE 3
#define DIALER_AMD_MACHINE_END_OTHER 4
#define DIALER_AMD_FAX 5
#define DIALER_AMD_UNKNOWN 6

/* How a call ended (COMPLETED events). */
#define DIALER_END_COMPLETED 0
#define DIALER_END_BUSY 1
#define DIALER_END_NO_ANSWER 2
#define DIALER_END_FAILED 3
#define DIALER_END_CANCELED 4

/* One event of the host's telephony provider about a call the engine placed
 * through dialer_provider.place_call. */
typedef struct dialer_provider_event {
  uint32_t struct_size;  /* Set by DIALER_PROVIDER_EVENT_INIT. */
  int32_t type;          /* DIALER_PROVIDER_EVENT_* */
  int64_t call_id;       /* from the dialer_dial_request */
  dialer_time_us at_us;  /* when observed; DIALER_TIME_UNKNOWN: at delivery */
  int32_t amd;           /* AMD: DIALER_AMD_* */
  int32_t end_status;    /* COMPLETED: DIALER_END_* */
  int64_t duration_us;   /* COMPLETED: talk time */
  int32_t error_code;    /* FAILED: the provider's own number, 0 if none */
  const char *error_message; /* FAILED: may be NULL; borrowed */
} dialer_provider_event;

#define DIALER_PROVIDER_EVENT_INIT                                         \
  { (uint32_t)sizeof(dialer_provider_event), 0, 0, DIALER_TIME_UNKNOWN, \
    DIALER_AMD_UNKNOWN, DIALER_END_COMPLETED, 0, 0, NULL }

/** Sets *event to its defaults (see dialer_engine_options_init). */
DIALER_API dialer_status dialer_provider_event_init(
    dialer_provider_event *event, size_t struct_size);

/** Pushes one provider event into the engine. Safe from any thread,
 *  including from inside a provider function (the event is then handled
 *  after that function returns). Late, duplicate and out-of-order events
 *  are tolerated by the engine.
 *  @return DIALER_OK when queued; DIALER_INVALID_ARGUMENT for a type, AMD
 *          verdict or end status out of range. */
DIALER_API dialer_status dialer_engine_push_provider_event(
    dialer_engine *engine, const dialer_provider_event *event);

/* ---- Host clock timers ------------------------------------------------------ */

/** Runs the engine callback a host clock was asked to schedule
 *  (dialer_clock.schedule_at in dialer/c_provider.h) once it is due.
 *  REQUIRES: the host never runs two timers of one engine at once.
 *  @return DIALER_OK; DIALER_NOT_FOUND when the timer was canceled or has
 *          already run; DIALER_FAILED_PRECONDITION for an engine built with
 *          the system clock. */
DIALER_API dialer_status dialer_engine_fire_timer(dialer_engine *engine,
                                                  uint64_t timer_id);

/* ---- Simulation ------------------------------------------------------------------ */

/* Receives one line of the simulation's event log (a JSON object, without
 * the newline). Borrowed for the duration of the call only. */
typedef void (*dialer_log_line_fn)(void *user_data, const char *line,
                                   size_t len);

typedef struct dialer_sim_options {
  uint32_t struct_size; /* Set by DIALER_SIM_OPTIONS_INIT. */
  /* NULL or "": the scenario's campaign mode; else "power", "parallel",
   * "predictive", "baseline-ratio", "baseline-adaptive". */
  const char *pacer;
  /* When `override_seed` is true, `seed` replaces the scenario's seed. */
  bool override_seed;
  uint64_t seed;
  /* When not NULL, called with every event-log line, on the calling thread. */
  dialer_log_line_fn on_log_line;
  void *log_user_data;
  /* false: the report's "wall_s" is 0, so the report is reproducible byte
   * for byte; true: the measured wall-clock seconds. */
  bool keep_wall_time;
} dialer_sim_options;

#define DIALER_SIM_OPTIONS_INIT \
  { (uint32_t)sizeof(dialer_sim_options), NULL, false, 0, NULL, NULL, false }

/** Sets *options to its defaults (see dialer_engine_options_init). */
DIALER_API dialer_status dialer_sim_options_init(dialer_sim_options *options,
                                                 size_t struct_size);

/** Runs a simulated campaign day (scenario JSON, format 1; see the
 *  repository's docs/scenario.md) on the calling thread.
 *  @param[out] out  the report as one JSON object; release with dialer_free.
 *  @param options  NULL for the defaults.
 *  @return DIALER_OK; DIALER_INVALID_ARGUMENT for a bad scenario (the message
 *          starts with its JSON path) or pacer; DIALER_UNIMPLEMENTED for a
 *          feature the simulator or engine does not offer yet. */
DIALER_API dialer_status dialer_sim_run(char **out, const char *scenario_json,
                                        const dialer_sim_options *options);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DIALER_C_H_ */
