# Links ICU and libxml2 into the artalign executable from their static archives, when the
# system has them (Debian's libicu-dev and libxml2-dev do): the dynamic loader then has about
# 1.3 M fewer instructions of symbol binding to do at every start (ICU is built with BIND_NOW)
# and four fewer libraries to map, ~1 ms of a one-pair run (docs/performance.md, issue 17).
# ICU's data must come from its archive too: a reference from a static libicuuc to the shared
# libicudata's data symbol would copy all 30 MB of it into the process at every start.
# Outside sanitizer and fuzzer builds the C++ runtime is linked in too (-static-libstdc++): a
# process that maps libstdc++.so binds some 3,000 of its symbols at every start, most of a
# millisecond (docs/performance.md, issue 17, fourth round). fmt is used header-only
# throughout (CMakeLists.txt), so no shared library brings libstdc++.so back. The library
# (libartalign.a), the tests and the tools keep the shared libraries.
#
# Sets artalign_static_cli_libraries (what the executable links instead of artalign_lib's
# dependencies), artalign_static_cli_options (its link options) and artalign_static_cli (TRUE
# when every archive was found).
set(artalign_static_cli FALSE)
set(artalign_static_cli_options)
if(ARTALIGN_STATIC_CLI)
  set(artalign_static_archives)
  foreach(archive xml2 icui18n icuuc icudata)
    find_library(ARTALIGN_${archive}_ARCHIVE NAMES lib${archive}.a)
    if(NOT ARTALIGN_${archive}_ARCHIVE)
      message(STATUS "artalign: lib${archive}.a not found; the artalign executable links the shared libraries")
      set(artalign_static_archives)
      break()
    endif()
    list(APPEND artalign_static_archives ${ARTALIGN_${archive}_ARCHIVE})
  endforeach()
  find_library(ARTALIGN_LZMA_LIBRARY NAMES lzma)  # libxml2's own dependency, as a shared library
  if(artalign_static_archives AND ARTALIGN_LZMA_LIBRARY)
    set(artalign_static_cli TRUE)
    # Archives in dependency order (libxml2 uses ICU), then the shared libraries they need.
    set(artalign_static_cli_libraries $<TARGET_FILE:artalign_lib> ${artalign_static_archives}
        ${ARTALIGN_LZMA_LIBRARY} ZLIB::ZLIB fmt::fmt-header-only Threads::Threads ${CMAKE_DL_LIBS} m)
    # The sanitizers' runtimes are shared libraries built against the shared C++ runtime.
    if(NOT ARTALIGN_SANITIZE AND NOT ARTALIGN_SANITIZE_THREAD AND NOT ARTALIGN_FUZZ)
      set(artalign_static_cli_options -static-libstdc++ -static-libgcc)
    endif()
  endif()
endif()
