# Links the artalign executable with packed relative relocations (-z pack-relative-relocs,
# DT_RELR) when the toolchain and the C library take them (binutils 2.38, glibc 2.36, as in
# Debian 12). A position-independent executable carries some 18,000 relative relocations
# (ICU's tables among them); as RELA entries they are 430 KB the dynamic loader reads and
# applies at every start, as RELR a few KB: 6% of a one-pair run (docs/performance.md,
# issue 17). The executable stays position-independent (its address still randomised).
#
# Sets artalign_relr_options: the link options to add (empty when the system cannot run them).
include(CheckCXXSourceRuns)
set(artalign_relr_options)
if(NOT CMAKE_CROSSCOMPILING)
  set(CMAKE_REQUIRED_LINK_OPTIONS -Wl,-z,pack-relative-relocs)
  # Runs, not only links: a linker that packs them for a C library that cannot apply them
  # gives an executable that does not start.
  check_cxx_source_runs("static int x; int* p = &x; int main() { return p == &x ? 0 : 1; }" ARTALIGN_HAS_RELR)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  if(ARTALIGN_HAS_RELR)
    set(artalign_relr_options -Wl,-z,pack-relative-relocs)
  endif()
endif()
