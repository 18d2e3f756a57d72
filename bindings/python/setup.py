"""Builds dialer._core against an existing libdialer (no download, no PyPI).

Where libdialer is found, first match wins:
  DIALER_PREFIX     an install prefix (include/dialer/c.h, lib/libdialer.so);
  DIALER_BUILD_DIR  (absolute path) a CMake build tree of the repository (libdialer.so and
                    include/dialer/version.h in it; headers from the source);
  ../../build/release, the tree scripts/test.sh builds.
The extension records the library directory as its RPATH.

  pip install --no-build-isolation ./bindings/python
"""

import os
import pathlib

from setuptools import Extension, setup

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]


def locate():
    prefix = os.environ.get("DIALER_PREFIX")
    if prefix:
        p = pathlib.Path(prefix)
        libdirs = [d for d in (p / "lib", p / "lib64", *p.glob("lib/*-linux-gnu"))
                   if (d / "libdialer.so").exists()]
        if not libdirs:
            raise SystemExit(f"DIALER_PREFIX={prefix}: no lib/libdialer.so there")
        return [str(p / "include")], str(libdirs[0])
    build = pathlib.Path(os.environ.get("DIALER_BUILD_DIR", REPO / "build" / "release"))
    if not (build / "libdialer.so").exists():
        raise SystemExit(
            f"libdialer.so not found in {build}: build the repository first "
            "(scripts/test.sh or cmake --preset release && cmake --build --preset release), "
            "or set DIALER_PREFIX / DIALER_BUILD_DIR")
    return [str(REPO / "include"), str(build / "include")], str(build.resolve())


include_dirs, library_dir = locate()

setup(
    ext_modules=[
        Extension(
            "dialer._core",
            sources=["src/core.cc"],
            include_dirs=include_dirs,
            library_dirs=[library_dir],
            runtime_library_dirs=[library_dir],
            libraries=["dialer"],
            extra_compile_args=["-std=c++17", "-fvisibility=hidden"],
            language="c++",
        )
    ],
)
