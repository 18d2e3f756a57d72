/* Symbol visibility for dialer's public API.
 *
 * The library is built with hidden visibility, so only declarations marked
 * here are exported from libdialer.so:
 *   DIALER_EXPORT  C++ classes and functions of the public API
 *                  (`class DIALER_EXPORT Engine`, `DIALER_EXPORT absl::Status F();`).
 *   DIALER_API     functions of the C ABI (include/dialer/c.h); put it before
 *                  the return type of each `extern "C"` declaration.
 *
 * The build defines DIALER_BUILDING while compiling the library and
 * dialer::dialer_static defines DIALER_STATIC_DEFINE for its consumers; a
 * consumer of the shared library defines neither. This header is valid C. */
#ifndef DIALER_EXPORT_H_
#define DIALER_EXPORT_H_

#if defined(DIALER_STATIC_DEFINE)
#define DIALER_EXPORT
#elif defined(_WIN32)
#if defined(DIALER_BUILDING)
#define DIALER_EXPORT __declspec(dllexport)
#else
#define DIALER_EXPORT __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define DIALER_EXPORT __attribute__((visibility("default")))
#else
#define DIALER_EXPORT
#endif

#define DIALER_API DIALER_EXPORT

#endif /* DIALER_EXPORT_H_ */
