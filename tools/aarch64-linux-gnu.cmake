# CMake toolchain for the linux-arm64 prebuild: Debian's cross compiler (g++-aarch64-linux-gnu) and
# arm64 libgomp (libgomp1-arm64-cross), from an x86-64 host. tools/build-arm64.mjs passes it to
# cmake-js (CMAKE_TOOLCHAIN_FILE); CMakeLists.txt then compiles the scalar and neon targets.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
