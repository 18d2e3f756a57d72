/* SWIG interface over the C ABI (include/dialer/c.h only, never the C++
 * headers). Java is generated from it (bindings/java/). Conventions:
 *  - a dialer_status return is checked in one place (the `out` typemap
 *    below): a failure throws dialer.DialerException(status, message) from
 *    dialer_last_error_message();
 *  - `char **out` becomes a String[1] the call fills (the C string is freed);
 *  - %ignore lines carry the reason; scripts/check_binding_coverage.py
 *    reads them. */
%module DialerNative

%{
#include "dialer/c.h"
%}

%include "stdint.i"

%typemap(out) dialer_status {
  if ($1 != DIALER_OK) {
    jclass cls = (*jenv)->FindClass(jenv, "dialer/DialerException");
    jmethodID ctor = (*jenv)->GetMethodID(jenv, cls, "<init>", "(ILjava/lang/String;)V");
    jstring message = (*jenv)->NewStringUTF(jenv, dialer_last_error_message());
    jobject error = (*jenv)->NewObject(jenv, cls, ctor, (jint)$1, message);
    (*jenv)->Throw(jenv, (jthrowable)error);
    return $null;
  }
  $result = (jint)$1;
}
%javaexception("dialer.DialerException") dialer_sim_run;
%javaexception("dialer.DialerException") dialer_sim_options_init;

%typemap(jni) char **out "jobjectArray"
%typemap(jtype) char **out "String[]"
%typemap(jstype) char **out "String[]"
%typemap(javain) char **out "$javainput"
%typemap(in) char **out (char *temp = NULL) {
  if ($input == NULL || (*jenv)->GetArrayLength(jenv, $input) < 1) {
    SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException, "out must be a String[1]");
    return $null;
  }
  $1 = &temp;
}
%typemap(argout) char **out {
  if (temp$argnum != NULL) {
    (*jenv)->SetObjectArrayElement(jenv, $input, 0, (*jenv)->NewStringUTF(jenv, temp$argnum));
    dialer_free(temp$argnum);
  }
}

%ignore dialer_free;  // the char **out typemap frees every string it returns
%ignore dialer_version;  // int* out-params; dialer_version_string carries the same
%ignore dialer_engine_options_init;  // Java has no engine yet (see dialer_engine_new)
%ignore dialer_provider_event_init;  // as dialer_engine_options_init
%ignore dialer_engine_new;  // takes C function pointers (provider vtable, event callback); Java hosts are not supported yet
%ignore dialer_engine_free;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_add_campaign;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_add_contact;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_import_csv;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_login;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_ready;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_break;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_logout;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_dial_now;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_skip_contact;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_hangup;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_drop_voicemail;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_disposition;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_add_note;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_add_to_dnc;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_campaign_stats;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_agent;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_dashboard;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_push_provider_event;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_engine_fire_timer;  // no engine in Java yet (dialer_engine_new)
%ignore dialer_provider_init;  // c_provider.h vtables need C function pointers
%ignore dialer_store_init;  // c_provider.h vtables need C function pointers
%ignore dialer_clock_init;  // c_provider.h vtables need C function pointers
%ignore dialer_buffer_set;  // c_provider.h vtables need C function pointers
%ignore dialer_sim_options::on_log_line;  // a C function pointer
%ignore dialer_sim_options::log_user_data;  // goes with on_log_line

#define DIALER_API
%include "dialer/c.h"

/* sizeof the option struct, for dialer_sim_options_init from Java. */
%inline %{
size_t sim_options_size(void) { return sizeof(dialer_sim_options); }
%}
