# Libraries see only the headers of the libraries they link (docs/architecture.md, "Boundaries the build enforces").
# Includes are written from the repository root ("server/core/orderservice.h"), so instead of the root itself each
# library gets an include root of its own in the build tree that holds one link, named like the folder, to its folder.
if(NOT DEFINED TRIPTYCH_SOURCE_ROOT)
    set(TRIPTYCH_SOURCE_ROOT "${PROJECT_SOURCE_DIR}")
endif()

# Sets <out_var> to an include root under which "<folder relative to the repository>/…" reaches `folder` and
# nothing else.
function(triptych_include_root out_var name folder)
    file(RELATIVE_PATH relative "${TRIPTYCH_SOURCE_ROOT}" "${folder}")
    set(root "${CMAKE_BINARY_DIR}/include-roots/${name}")
    get_filename_component(parent "${root}/${relative}" DIRECTORY)
    file(MAKE_DIRECTORY "${parent}")
    if(NOT IS_SYMLINK "${root}/${relative}")
        file(CREATE_LINK "${folder}" "${root}/${relative}" SYMBOLIC)
    endif()
    set(${out_var} "${root}" PARENT_SCOPE)
endfunction()

# Adds a static library for one folder of the tree with the alias triptych::<name>; its dependents see its folder.
function(triptych_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(triptych_${name} STATIC ${ARG_SOURCES})
    add_library(triptych::${name} ALIAS triptych_${name})
    triptych_include_root(root ${name} "${CMAKE_CURRENT_SOURCE_DIR}")
    target_include_directories(triptych_${name} PUBLIC "${root}")
    target_link_libraries(triptych_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE triptych::options ${ARG_PRIVATE_DEPS})
endfunction()
