# Installs artalign as a library that other projects use through find_package(artalign) or
# pkg-config: libartalign.a, include/artalign/*.hpp (with the generated version.hpp), the
# exported target artalign::artalign and the package files that describe it.
include(CMakePackageConfigHelpers)

set(ARTALIGN_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/artalign)
set(ARTALIGN_DATA_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/artalign)

# The target's INSTALL_INTERFACE include directory (CMakeLists.txt) is its only one once installed.
install(TARGETS artalign_lib EXPORT artalignTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/artalign DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/artalign/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/artalign)

install(EXPORT artalignTargets NAMESPACE artalign:: DESTINATION ${ARTALIGN_CMAKE_INSTALL_DIR})

# Paths in the config are relative to where it is installed, so the prefix can be moved.
configure_package_config_file(cmake/artalignConfig.cmake.in ${PROJECT_BINARY_DIR}/artalignConfig.cmake
  INSTALL_DESTINATION ${ARTALIGN_CMAKE_INSTALL_DIR}
  PATH_VARS ARTALIGN_DATA_INSTALL_DIR)
# SameMajorVersion: asking for 1.2 accepts 1.2 to 1.x (an API only grows within a major
# version) but not 2.0, whose API may differ; AnyNewerVersion would accept it and then fail to
# compile. While the version is 0.x every 0.y is accepted: pin an exact version if that matters.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/artalignConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/artalignConfig.cmake ${PROJECT_BINARY_DIR}/artalignConfigVersion.cmake
  DESTINATION ${ARTALIGN_CMAKE_INSTALL_DIR})

# pkg-config: the prefix is found from the .pc file's own place (${pcfiledir}), so it too can move.
file(RELATIVE_PATH ARTALIGN_PC_TO_PREFIX ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig
     ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" ARTALIGN_PC_TO_PREFIX "${ARTALIGN_PC_TO_PREFIX}")
# dlopen's library, as the exported target links it (empty where libc has dlopen).
list(TRANSFORM CMAKE_DL_LIBS PREPEND -l OUTPUT_VARIABLE ARTALIGN_PC_DL_LIBS)
string(JOIN " " ARTALIGN_PC_DL_LIBS ${ARTALIGN_PC_DL_LIBS})
configure_file(cmake/artalign.pc.in ${PROJECT_BINARY_DIR}/artalign.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/artalign.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
