/* SWIG interface over the C ABI (include/dialer/c.h and c_provider.h, never
 * the C++ headers) plus the small shim of bindings/java/native/java_host.h
 * for what needs C function pointers (the provider vtable, the event
 * callback, a manual clock). Java is generated from it (bindings/java/).
 * Conventions:
 *  - a dialer_status return is checked in one place (the `out` typemap
 *    below): a failure throws dialer.DialerException.of(status, message)
 *    (the subclass for the status) from dialer_last_error_message();
 *  - `char **out` becomes a String[1] the call fills (the C string is freed),
 *    `int64_t *out` a long[1];
 *  - (bytes, length) pairs are byte[];
 *  - %ignore lines carry the reason; scripts/check_binding_coverage.py
 *    reads them (and the `// C:` comments of java_host.cc). */
%module(directors="1") DialerNative

%{
#include "dialer/c.h"
#include "dialer/c_provider.h"
#include "java_host.h"
%}

%include "stdint.i"
%include "typemaps.i"

%typemap(out) dialer_status {
  if ($1 != DIALER_OK) {
    jclass cls = jenv->FindClass("dialer/DialerException");
    jmethodID of = jenv->GetStaticMethodID(cls, "of", "(ILjava/lang/String;)Ldialer/DialerException;");
    jstring message = jenv->NewStringUTF(dialer_last_error_message());
    jobject error = jenv->CallStaticObjectMethod(cls, of, (jint)$1, message);
    if (error != NULL) jenv->Throw((jthrowable)error);
    return $null;
  }
  $result = (jint)$1;
}
/* These report a status rather than fail with one. */
%typemap(out) dialer_status dialer_last_error_code "$result = (jint)$1;"

%typemap(jni) char **out "jobjectArray"
%typemap(jtype) char **out "String[]"
%typemap(jstype) char **out "String[]"
%typemap(javain) char **out "$javainput"
%typemap(in) char **out (char *temp = NULL) {
  if ($input == NULL || jenv->GetArrayLength($input) < 1) {
    SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException, "out must be a String[1]");
    return $null;
  }
  $1 = &temp;
}
%typemap(argout) char **out {
  if (temp$argnum != NULL) {
    jenv->SetObjectArrayElement($input, 0, jenv->NewStringUTF(temp$argnum));
    dialer_free(temp$argnum);
  }
}

%typemap(jni) int64_t *out "jlongArray"
%typemap(jtype) int64_t *out "long[]"
%typemap(jstype) int64_t *out "long[]"
%typemap(javain) int64_t *out "$javainput"
%typemap(in) int64_t *out (int64_t temp = 0) {
  if ($input == NULL || jenv->GetArrayLength($input) < 1) {
    SWIG_JavaThrowException(jenv, SWIG_JavaIllegalArgumentException, "out must be a long[1]");
    return $null;
  }
  $1 = &temp;
}
%typemap(argout) int64_t *out {
  jlong value = (jlong)temp$argnum;
  jenv->SetLongArrayRegion($input, 0, 1, &value);
}

%apply (const char *STRING, size_t LENGTH) { (const char *csv, size_t csv_len) };
%apply (const char *STRING, size_t LENGTH) { (const char *data, size_t len) };
%apply int *OUTPUT { int *major, int *minor, int *patch };

%ignore dialer_free;  // the char **out typemap frees every string it returns
%ignore dialer_engine_options_init;  // java_engine_new fills the options: they carry C function pointers
%ignore dialer_engine_new;  // takes C function pointers; Java calls it through java_engine_new (java_host.cc)
%ignore dialer_provider_init;  // java_host.cc fills the provider vtable from a NativeProvider director
%ignore dialer_store_init;  // Java hosts use the built-in memory store (a JVM store is not offered yet)
%ignore dialer_clock_init;  // java_host.cc's ManualClock fills the clock vtable (or the system clock is used)
%ignore dialer_sim_options::on_log_line;  // a C function pointer
%ignore dialer_sim_options::log_user_data;  // goes with on_log_line
/* The host vtables and the options are C function pointers, filled by
 * java_host.cc; Java never sees them. */
%ignore dialer_engine_options;
%ignore dialer_provider;
%ignore dialer_store;
%ignore dialer_clock;
/* Borrowed for a call; java_push_provider_event passes the message. */
%immutable dialer_provider_event::error_message;

%feature("director") dialer_java::NativeProvider;
%feature("director") dialer_java::NativeEventListener;

#define DIALER_API
%include "dialer/c.h"
/* Java reads these structs, never builds them (their strings are borrowed). */
%immutable;
%include "dialer/c_provider.h"
%mutable;
%include "java_host.h"
