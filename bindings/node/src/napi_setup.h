// The one place that includes node-addon-api, with the configuration every
// file of the addon shares: N-API version 8 (Node >= 12.22; type tags) and C++
// exceptions (JS errors are thrown as Napi::Error).
#ifndef DIALER_BINDINGS_NODE_NAPI_SETUP_H_
#define DIALER_BINDINGS_NODE_NAPI_SETUP_H_

#ifndef NAPI_VERSION
#define NAPI_VERSION 8
#endif
#define NAPI_CPP_EXCEPTIONS
#define NODE_ADDON_API_DISABLE_DEPRECATED

#include <napi.h>

#endif  // DIALER_BINDINGS_NODE_NAPI_SETUP_H_
