# vigil_embed_files(TARGET NAME FILES f1 f2 ... NAMESPACE ns)
# Generates a .cc that defines `std::span<const EmbeddedFile> ns::NAME()` with
# the contents of each file (name = file name), so the binary carries its own
# migrations and needs no path to the source tree at run time.
function(vigil_embed_files target)
  cmake_parse_arguments(ARG "" "NAME;NAMESPACE;HEADER" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}_embedded.cc")
  # The file list travels to the script as one argument joined with "|"
  # (VERBATIM quotes it for the shell; a ";" would split the list).
  string(REPLACE ";" "|" files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${ARG_NAME} -DNAMESPACE=${ARG_NAMESPACE}
            -DHEADER=${ARG_HEADER} "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${ARG_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding ${ARG_NAME}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
