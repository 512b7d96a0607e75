# The opt-in source build for users without cmake: `npm run build:from-source` in the installed
# package runs npm's bundled node-gyp here and writes native/build/Release/actfn.node, which the
# loader prefers to the prebuild. Same sources, flags and per-ISA targets as ../CMakeLists.txt
# (each kernel source compiled once per instruction set, in its own static library); the source
# lists and instruction-set flags are read from sources.json, the file CMakeLists.txt reads. It lives in
# native/ rather than at the package root on purpose: a root binding.gyp makes npm run
# `node-gyp rebuild` at install time, and actfn has no install step. The bench-only addon
# (actfn_bench.node: memory and FMA probes) is a CMake target only; users never build it.
{
  'variables': {
    'kernel_sources': ['<!@(node -p "require(\'./sources.json\').kernels.join(\' \')")'],
    'runtime_sources': ['<!@(node -p "require(\'./sources.json\').runtime.join(\' \')")'],
    'addon_sources': ['<!@(node -p "require(\'./sources.json\').addon.join(\' \')")'],
    'avx2_flags': ['<!@(node -p "require(\'./sources.json\').targets.avx2.join(\' \')")'],
    'avx512_flags': ['<!@(node -p "require(\'./sources.json\').targets.avx512.join(\' \')")'],
    'neon_flags': ['<!@(node -p "require(\'./sources.json\').targets.neon.join(\' \')")'],
    # -fopenmp when the compiler builds an OpenMP program with it, else nothing (Apple's clang, a clang
    # without libomp, ACTFN_NO_OPENMP=1): the kernels then run every call on the calling thread.
    'openmp_flags': ['<!@(node openmp-flags.cjs)'],
  },
  'target_defaults': {
    'cflags_cc!': ['-fno-exceptions', '-std=gnu++17', '-std=gnu++20'],
    'cflags_cc': ['-std=c++17', '-fexceptions', '-fvisibility=hidden', '-ffp-contract=off', '-fno-math-errno', '<@(openmp_flags)', '-O3'],
    'xcode_settings': {
      'CLANG_CXX_LANGUAGE_STANDARD': 'c++17',
      'GCC_ENABLE_CPP_EXCEPTIONS': 'YES',
      'OTHER_CPLUSPLUSFLAGS': ['-ffp-contract=off', '-fno-math-errno', '-fvisibility=hidden', '<@(openmp_flags)'],
      'OTHER_LDFLAGS': ['<@(openmp_flags)'],
    },
    'msvs_settings': { 'VCCLCompilerTool': { 'ExceptionHandling': 1, 'AdditionalOptions': ['/std:c++17', '/fp:precise'] } },
  },
  'targets': [
    {
      'target_name': 'actfn_kernels_scalar',
      'type': 'static_library',
      'sources': ['<@(kernel_sources)'],
      'defines': ['ACTFN_TARGET=scalar', 'ACTFN_TARGET_SCALAR=1'],
    },
    {
      'target_name': 'actfn',
      'sources': ['<@(addon_sources)', '<@(runtime_sources)'],
      'include_dirs': ['<!(node -p "require(\'node-addon-api\').include_dir")'],
      'defines': ['NAPI_VERSION=8', 'NAPI_CPP_EXCEPTIONS', 'NODE_ADDON_API_DISABLE_DEPRECATED'],
      'dependencies': ['actfn_kernels_scalar'],
      # -z nodelete: see CMakeLists.txt (a worker's exit must not unload libgomp under its threads)
      'ldflags': ['<@(openmp_flags)', '-Wl,-z,nodelete'],
      'conditions': [
        ['target_arch=="x64"', {
          'dependencies': ['actfn_kernels_avx2', 'actfn_kernels_avx512'],
          'defines': ['ACTFN_HAVE_AVX2=1', 'ACTFN_HAVE_AVX512=1'],
        }],
        ['target_arch=="arm64"', {
          'dependencies': ['actfn_kernels_neon'],
          'defines': ['ACTFN_HAVE_NEON=1'],
        }],
      ],
    },
  ],
  'conditions': [
    ['target_arch=="x64"', {
      'targets': [
        {
          'target_name': 'actfn_kernels_avx2',
          'type': 'static_library',
          'sources': ['<@(kernel_sources)'],
          'defines': ['ACTFN_TARGET=avx2', 'ACTFN_TARGET_AVX2=1'],
          'cflags_cc': ['<@(avx2_flags)'],
          'xcode_settings': { 'OTHER_CPLUSPLUSFLAGS': ['<@(avx2_flags)'] },
        },
        {
          'target_name': 'actfn_kernels_avx512',
          'type': 'static_library',
          'sources': ['<@(kernel_sources)'],
          'defines': ['ACTFN_TARGET=avx512', 'ACTFN_TARGET_AVX512=1'],
          'cflags_cc': ['<@(avx512_flags)', '-Wno-uninitialized', '-Wno-maybe-uninitialized'],
          'xcode_settings': { 'OTHER_CPLUSPLUSFLAGS': ['<@(avx512_flags)'] },
        },
      ],
    }],
    ['target_arch=="arm64"', {
      'targets': [
        {
          # AArch64 (Linux, Apple silicon): Advanced SIMD is baseline, so no extra flags
          'target_name': 'actfn_kernels_neon',
          'type': 'static_library',
          'sources': ['<@(kernel_sources)'],
          'defines': ['ACTFN_TARGET=neon', 'ACTFN_TARGET_NEON=1'],
          'cflags_cc': ['<@(neon_flags)'],
          'xcode_settings': { 'OTHER_CPLUSPLUSFLAGS': ['<@(neon_flags)'] },
        },
      ],
    }],
  ],
}
