/* Interfaces a C host implements for the engine: the telephony provider, the
 * store and the clock, each as a struct of function pointers with a
 * `user_data` pointer and an optional `destroy` callback.
 *
 * Stability: weaker than dialer/c.h. The structs are stable across minor
 * releases, but new members are only ever appended, and a host that sets
 * struct_size from its own sizeof keeps working: the library treats members
 * past struct_size as NULL (a new optional function) or 0.
 *
 * Ownership: dialer_engine_new copies the struct; the engine calls
 * `destroy(user_data)` exactly once (when the engine is freed, or when
 * dialer_engine_new fails), and never uses user_data after that.
 *
 * Results: a function returns DIALER_OK or a dialer_status error; data it
 * returns goes into a dialer_buffer with dialer_buffer_set() (the library
 * copies it). A failing function may describe the failure with
 * dialer_buffer_set() too; the text becomes the engine's error message.
 *
 * Thread-safety: the engine calls a provider and a store from its strand, one
 * call at a time; the clock's now_us may be called from any thread. Strings
 * passed to these functions are borrowed for the duration of the call only.
 *
 * Example (a provider that accepts every command and reports later):
 *   static dialer_status place(void *ud, const dialer_dial_request *req) {
 *     remember_call(ud, req->call_id, req->to);   // push events later with
 *     return DIALER_OK;                            // dialer_engine_push_provider_event
 *   }
 *   dialer_provider provider = DIALER_PROVIDER_INIT;
 *   provider.user_data = my_switch;
 *   provider.place_call = place;
 *   ... cancel_call, hangup, bridge, play_and_hangup ...
 *   options.provider = &provider; */
#ifndef DIALER_C_PROVIDER_H_
#define DIALER_C_PROVIDER_H_

#include "dialer/c.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Where a host function writes its result. Owned by the library; valid for
 * the duration of the call it was passed to. */
typedef struct dialer_buffer dialer_buffer;

/** Copies `len` bytes of `data` into the buffer, replacing what it held.
 *  @return DIALER_OK; DIALER_INVALID_ARGUMENT for a NULL buffer, or NULL
 *          data with a non-zero length. */
DIALER_API dialer_status dialer_buffer_set(dialer_buffer *buffer,
                                           const char *data, size_t len);

/* ---- Telephony provider ------------------------------------------------------ */

/* Answering-machine detection requested with a call. */
#define DIALER_AMD_MODE_OFF 0
#define DIALER_AMD_MODE_DETECT 1
#define DIALER_AMD_MODE_DETECT_MESSAGE_END 2

/* Conference participant roles (set_participant). */
#define DIALER_ROLE_AGENT 0
#define DIALER_ROLE_LISTEN 1
#define DIALER_ROLE_WHISPER 2
#define DIALER_ROLE_BARGE 3
#define DIALER_ROLE_TAKEOVER 4

/* One call to place. Borrowed for the duration of place_call. */
typedef struct dialer_dial_request {
  uint32_t struct_size;    /* sizeof(dialer_dial_request) of the library */
  int64_t call_id;         /* report it in every event of this call */
  const char *to;          /* E.164 */
  const char *caller_id;   /* E.164 */
  int64_t ring_timeout_us; /* never below 15 s */
  int32_t amd_mode;        /* DIALER_AMD_MODE_* */
  const char *conference;  /* "" or the conference to join on answer */
} dialer_dial_request;

/* Commands are asynchronous: DIALER_OK means "accepted"; results come back
 * through dialer_engine_push_provider_event. `error` may receive a message
 * when a function fails. */
struct dialer_provider {
  uint32_t struct_size; /* Set by DIALER_PROVIDER_INIT. */
  void *user_data;
  /* Optional; called once with user_data when the engine is done with it. */
  void (*destroy)(void *user_data);
  /* Required. DIALER_INVALID_ARGUMENT: can never be placed;
   * DIALER_UNAVAILABLE: not now. */
  dialer_status (*place_call)(void *user_data,
                              const dialer_dial_request *request,
                              dialer_buffer *error);
  /* Required. Cancels a call not yet answered. */
  dialer_status (*cancel_call)(void *user_data, int64_t call_id,
                               dialer_buffer *error);
  /* Required. Hangs up an answered call. */
  dialer_status (*hangup)(void *user_data, int64_t call_id,
                          dialer_buffer *error);
  /* Required. Moves an answered call into a conference. */
  dialer_status (*bridge)(void *user_data, int64_t call_id,
                          const char *conference, dialer_buffer *error);
  /* Required. Plays audio (a URL or a name) to an answered call, then hangs
   * up; with after_beep, waits for the end of a machine greeting. */
  dialer_status (*play_and_hangup)(void *user_data, int64_t call_id,
                                   const char *audio, bool after_beep,
                                   dialer_buffer *error);
  /* Optional (NULL: DIALER_UNIMPLEMENTED). Adds or changes a conference
   * participant; role is DIALER_ROLE_*. */
  dialer_status (*set_participant)(void *user_data, const char *conference,
                                   const char *participant, int32_t role,
                                   dialer_buffer *error);
};

#define DIALER_PROVIDER_INIT \
  { (uint32_t)sizeof(dialer_provider), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/** Sets *provider to its defaults (see dialer_engine_options_init). */
DIALER_API dialer_status dialer_provider_init(dialer_provider *provider,
                                              size_t struct_size);

/* ---- Store ---------------------------------------------------------------------- */

/* Durable state, as JSON documents (docs/c-api.md "Store"). Every function
 * is required. `out` receives the result; on failure it may receive a
 * message instead. */
struct dialer_store {
  uint32_t struct_size; /* Set by DIALER_STORE_INIT. */
  void *user_data;
  void (*destroy)(void *user_data);
  /* contacts_json: an array of contacts with id 0. out: a JSON array of
   * their new ids (> 0), in order. All or nothing. */
  dialer_status (*add_contacts)(void *user_data, const char *contacts_json,
                                size_t len, dialer_buffer *out);
  /* out: the contact as JSON. DIALER_NOT_FOUND for an unknown id. */
  dialer_status (*get_contact)(void *user_data, int64_t contact_id,
                               dialer_buffer *out);
  /* batch_json: {"ops": [{"op": "attempt_started", ...}, ...]}; apply all
   * ops or none. */
  dialer_status (*commit)(void *user_data, const char *batch_json, size_t len,
                          dialer_buffer *out);
  /* out: a JSON array of the contact's attempt_started ops whose at_us >=
   * since_us, oldest first. */
  dialer_status (*attempts_since)(void *user_data, int64_t contact_id,
                                  dialer_time_us since_us, dialer_buffer *out);
  /* out: a JSON array of the internal DNC entries, oldest first. */
  dialer_status (*internal_dnc)(void *user_data, dialer_buffer *out);
};

#define DIALER_STORE_INIT \
  { (uint32_t)sizeof(dialer_store), NULL, NULL, NULL, NULL, NULL, NULL, NULL }

/** Sets *store to its defaults (see dialer_engine_options_init). */
DIALER_API dialer_status dialer_store_init(dialer_store *store,
                                           size_t struct_size);

/* ---- Clock ------------------------------------------------------------------------- */

/* The engine's time source and timers. The engine never sleeps: it asks the
 * clock to call it back, and the host runs that callback with
 * dialer_engine_fire_timer(engine, timer_id) when `when_us` has come. */
struct dialer_clock {
  uint32_t struct_size; /* Set by DIALER_CLOCK_INIT. */
  void *user_data;
  void (*destroy)(void *user_data);
  /* Required. The current time. Any thread. */
  dialer_time_us (*now_us)(void *user_data);
  /* Required. Fire timer_id at or after when_us (a past instant means now),
   * never from inside this function; timers due at the same instant fire in
   * the order they were scheduled. */
  void (*schedule_at)(void *user_data, dialer_time_us when_us,
                      uint64_t timer_id);
  /* Optional. The engine no longer wants timer_id; firing it anyway is
   * harmless (dialer_engine_fire_timer returns DIALER_NOT_FOUND). */
  void (*cancel)(void *user_data, uint64_t timer_id);
};

#define DIALER_CLOCK_INIT \
  { (uint32_t)sizeof(dialer_clock), NULL, NULL, NULL, NULL, NULL }

/** Sets *clock to its defaults (see dialer_engine_options_init). */
DIALER_API dialer_status dialer_clock_init(dialer_clock *clock,
                                           size_t struct_size);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DIALER_C_PROVIDER_H_ */
