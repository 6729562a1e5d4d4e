# vigil_add_unit_tests(TARGET [LIBS extra...])
# Builds every *_test.cc beside the calling CMakeLists.txt into one test
# binary `TARGET_test` linked with TARGET and GoogleTest, and registers each
# test with ctest. A folder without tests adds nothing.
function(vigil_add_unit_tests target)
  if(NOT VIGIL_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "LIBS;LABELS" ${ARGN})
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
  if(NOT tests)
    return()
  endif()
  add_executable(${target}_test ${tests})
  target_link_libraries(${target}_test PRIVATE ${target} ${ARG_LIBS} vigil_testing GTest::gtest GTest::gmock GTest::gtest_main)
  gtest_discover_tests(${target}_test
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
    PROPERTIES LABELS "unit;${ARG_LABELS}" ENVIRONMENT "VIGIL_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
    DISCOVERY_TIMEOUT 60)
endfunction()
