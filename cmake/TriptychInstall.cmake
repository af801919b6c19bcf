# `cmake --install` and `cpack -G DEB` (README, "Install it"): programs in bin/, the desktop entry, icons, AppStream
# metainfo, man pages and bash completion where Debian's conventions put them. The app carries its own data in
# Qt resources, so an installed copy needs nothing beside the binaries.
include(GNUInstallDirs)

set(TRIPTYCH_APP_ID io.github.triptych.Triptych)
set(resources "${PROJECT_SOURCE_DIR}/resources")

foreach(program triptych triptych-cli triptych-server)
    if(TARGET ${program})
        install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endforeach()

# Debian installs manual pages and the changelog compressed (gzip -9n: no name or time stamp, reproducible).
find_program(TRIPTYCH_GZIP gzip REQUIRED)
function(triptych_install_gzipped source destination)
    get_filename_component(name "${source}" NAME)
    set(out "${CMAKE_CURRENT_BINARY_DIR}/compressed/${name}.gz")
    add_custom_command(OUTPUT "${out}"
        COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/compressed"
        COMMAND sh -c "${TRIPTYCH_GZIP} -9n < \"${source}\" > \"${out}\""
        DEPENDS "${source}" VERBATIM)
    string(MAKE_C_IDENTIFIER "gz_${name}" target)
    add_custom_target(${target} ALL DEPENDS "${out}")
    install(FILES "${out}" DESTINATION "${destination}")
endfunction()

foreach(page triptych triptych-cli triptych-server)
    triptych_install_gzipped("${resources}/man/${page}.1" "${CMAKE_INSTALL_MANDIR}/man1")
endforeach()
install(FILES "${resources}/completion/triptych-cli" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")

if(TRIPTYCH_BUILD_APP)
    install(FILES "${resources}/${TRIPTYCH_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${resources}/${TRIPTYCH_APP_ID}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(DIRECTORY "${resources}/icons/hicolor" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons")
endif()

# Debian's copyright file and changelog, which every package carries in /usr/share/doc/<package> (the package's
# name, lower case; GNUInstallDirs' DOCDIR would take the project's, "Triptych").
set(TRIPTYCH_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/triptych")
install(FILES "${resources}/debian/copyright" DESTINATION "${TRIPTYCH_DOCDIR}")
triptych_install_gzipped("${resources}/debian/changelog" "${TRIPTYCH_DOCDIR}")
install(FILES "${resources}/debian/lintian-overrides" DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides"
        RENAME triptych)

set(CPACK_PACKAGE_NAME triptych)
set(CPACK_PACKAGE_VENDOR "The Triptych developers")
set(CPACK_PACKAGE_CONTACT "The Triptych developers <triptych@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "API explorer for REST, GraphQL and gRPC, side by side")
# Debian wraps the extended description at 80 columns.
set(CPACK_PACKAGE_DESCRIPTION
    "Triptych composes REST calls, GraphQL queries and gRPC calls (unary and\n\
streaming) side by side and shows for every call its timing phases, payload\n\
sizes and the server's trace on one time axis. It bundles an embedded order\n\
server that answers the same questions in all three styles, offline, for\n\
learning and teaching API design, and a command-line client and a headless\n\
server.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps finds every library the programs link. Qt loads its platform plugin at run time, where it cannot
# look: the X11 one (xcb) comes with libqt6gui6, which is found; on a Wayland session Qt uses qt6-wayland when
# present and XWayland otherwise, so it is recommended rather than required.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
include(CPack)
