#!/usr/bin/env python3
"""Fails when a C ABI function is neither bound in a language nor listed as
deliberately not bound there (with a reason).

The C ABI is every `DIALER_API` declaration in include/dialer/c.h and
c_provider.h. A binding binds a function when its sources carry a
`// C: dialer_<name>` comment above the code that calls it (Python:
bindings/python/src/core.cc; Node: bindings/node/src/addon.cc). For the
SWIG binding (Java) a function is bound when bindings/swig/dialer.i does not
%ignore it, or when the JNI shim bindings/java/native/java_host.cc calls it
under a `// C:` comment (what needs C function pointers: dialer_engine_new);
every other %ignore of a function is its "not bound" entry and must carry a
`// reason`.
NOT_BOUND below lists the deliberate exceptions. A listed function that is
bound after all, or that no longer exists, is reported too, so the list
stays true.

Usage: check_binding_coverage.py [repository root]
"""

import pathlib
import re
import sys

# Functions a binding deliberately leaves out, with the reason.
NOT_BOUND = {
    "python": {
        "dialer_free": "the binding copies every returned string and frees it itself",
        "dialer_engine_options_init": "_INIT macro used in C++; Python never sees the struct",
        "dialer_provider_event_init": "as dialer_engine_options_init",
        "dialer_sim_options_init": "as dialer_engine_options_init",
        "dialer_provider_init": "as dialer_engine_options_init",
        "dialer_store_init": "as dialer_engine_options_init",
        "dialer_clock_init": "as dialer_engine_options_init",
        "dialer_buffer_set": "called by the binding's own vtable trampolines, not by Python code",
    },
    "node": {
        "dialer_free": "the addon copies every returned string and frees it itself",
        "dialer_last_error_message": "folded into every rejected Promise's Error",
        "dialer_last_error_code": "folded into every rejected Promise's Error (code, status)",
        "dialer_engine_options_init": "_INIT macro used in C++; JS never sees the struct",
        "dialer_provider_event_init": "as dialer_engine_options_init",
        "dialer_sim_options_init": "as dialer_engine_options_init",
        "dialer_provider_init": "as dialer_engine_options_init",
        "dialer_store_init": "Node hosts use the built-in memory store: a JS store could not "
                             "answer synchronously from the engine's thread",
        "dialer_clock_init": "Node hosts use the system clock or the addon's own manual clock",
        "dialer_buffer_set": "provider commands are accepted at once; nothing is written back",
    },
}

DECL = re.compile(r"DIALER_API\s+[^;]*?\b(dialer_[a-z0-9_]+)\s*\(", re.S)
BOUND_COMMENT = re.compile(r"//\s*C:\s*(dialer_[a-z0-9_]+)")
SWIG_IGNORE = re.compile(r"%ignore\s+(dialer_[a-z0-9_]+)\s*;\s*//\s*(.+)")
SWIG_IGNORE_ANY = re.compile(r"%ignore\s+(dialer_[a-z0-9_]+)\s*;")


def c_functions(root):
    names = []
    for header in ("c.h", "c_provider.h"):
        text = (root / "include" / "dialer" / header).read_text()
        names += DECL.findall(text)
    return sorted(set(names))


def bound_by_comments(path):
    return set(BOUND_COMMENT.findall(path.read_text())) if path.exists() else None


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else pathlib.Path(__file__).parents[1])
    functions = c_functions(root)
    if not functions:
        print("no DIALER_API functions found")
        return 1
    problems = []
    bindings = {
        "python": bound_by_comments(root / "bindings/python/src/core.cc"),
        "node": bound_by_comments(root / "bindings/node/src/addon.cc"),
    }
    swig = root / "bindings/swig/dialer.i"
    if swig.exists():
        text = swig.read_text()
        ignored = dict(SWIG_IGNORE.findall(text))
        for f in sorted(set(SWIG_IGNORE_ANY.findall(text)) & set(functions) - set(ignored)):
            problems.append(f"java: %ignore {f} carries no // reason")
            ignored[f] = ""
        shim = bound_by_comments(root / "bindings/java/native/java_host.cc") or set()
        bindings["java"] = (set(functions) - set(ignored)) | shim
        NOT_BOUND["java"] = {f: why for f, why in ignored.items() if f not in shim}
    for language, bound in bindings.items():
        if bound is None:
            problems.append(f"{language}: binding sources not found")
            continue
        skipped = NOT_BOUND.get(language, {})
        for f in functions:
            if f not in bound and f not in skipped:
                problems.append(f"{language}: {f} is neither bound nor listed as not bound")
            if f in bound and f in skipped:
                problems.append(f"{language}: {f} is bound but also listed as not bound")
        for f in set(skipped) - set(functions):
            problems.append(f"{language}: {f} is listed as not bound but is not in the C ABI")
        for f in bound - set(functions):
            problems.append(f"{language}: binds {f}, which is not in the C ABI")
    for p in problems:
        print(p)
    if problems:
        return 1
    summary = ", ".join(f"{lang} {len(b)}/{len(functions)} bound" for lang, b in bindings.items())
    print(f"ok: {len(functions)} C ABI functions; {summary}; the rest listed with reasons")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
