# Installation (`cmake --install`) and the Debian package (`cpack -G DEB`). Included at the end of CMakeLists.txt.
#
# Layout under the prefix (fixed, because the programs find each other by these relative paths:
# src/launcher/launcher.cpp looks for ../libexec/eventmap/eventmap-core, src/app/data_paths.cpp for
# ../../share/eventmap from there):
#   bin/eventmap                                  the launcher (libc only)
#   libexec/eventmap/eventmap-core                the program
#   lib/eventmap/eventmap-video.so, eventmap-pdf.so   modules the program opens with dlopen for clips and PDFs
#   lib/eventmap/eventmap-gdal.so                  and for reading a file through GDAL (not a warm-cache render)
#                                                 (core/shared_module.cpp looks in ../../lib/eventmap from it)
#   share/eventmap/data/                          naturalearth/, places.csv, events.csv, README.md
#   share/eventmap/assets/                        fonts/ (DejaVu, with their licence), README.md
#   share/applications/eventmap.desktop
#   share/icons/hicolor/scalable/apps/eventmap.svg
# See docs/install.md.

include(${CMAKE_CURRENT_LIST_DIR}/Version.cmake)

install(TARGETS eventmap RUNTIME DESTINATION bin)
install(TARGETS eventmap-core RUNTIME DESTINATION libexec/eventmap)
install(TARGETS em_video_module em_pdf_module em_gdal_module LIBRARY DESTINATION lib/eventmap)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/naturalearth DESTINATION share/eventmap/data)
install(FILES ${PROJECT_SOURCE_DIR}/data/places.csv ${PROJECT_SOURCE_DIR}/data/events.csv
              ${PROJECT_SOURCE_DIR}/data/README.md
        DESTINATION share/eventmap/data)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/fonts DESTINATION share/eventmap/assets)
install(FILES ${PROJECT_SOURCE_DIR}/assets/README.md DESTINATION share/eventmap/assets)

install(FILES ${PROJECT_SOURCE_DIR}/packaging/eventmap.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/eventmap.svg DESTINATION share/icons/hicolor/scalable/apps)

# --- Debian package: `cpack -G DEB` in the build folder writes eventmap_<version>_amd64.deb -----------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME eventmap)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "eventmap developers")
set(CPACK_PACKAGE_CONTACT "eventmap developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "map of events in time and space, drawn with OpenGL from shapefiles")
set(CPACK_PACKAGE_DESCRIPTION
    "A native desktop map of events in time and space: meeting links between capitals and the comings and\n"
    "goings of foreign forces, on a fast OpenGL map drawn from shapefiles (any OGR source), exported as PNGs.\n"
    "Includes Natural Earth admin-0 countries, a places table and an events data set. `eventmap render`\n"
    "draws PNGs headless (EGL, no X server).")
string(JOIN "" CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "eventmap developers")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: the Debian 12 packages of the libraries eventmap-core and its two modules link (`readelf -d`/`ldd`, each file mapped
# with `dpkg -S`; minimum versions as dpkg-shlibdeps computes them; Dear ImGui is linked statically, stb is
# libstb.so.0), plus the two GLVND libraries libepoxy dlopens at run time: libEGL.so.1 (headless render) and
# libGL.so.1 (the window). The launcher needs libc6, libstdc++6, libgcc-s1. See docs/install.md.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libc6 (>= 2.35), libgcc-s1 (>= 3.0), libstdc++6 (>= 11), zlib1g (>= 1:1.2.2), libpng16-16 (>= 1.6.2-1), libdeflate0 (>= 1.0), "
    "libepoxy0 (>= 1.0), libglu1-mesa | libglu1, libstb0 (>= 0.0~git20180212.15.e6afb9c), libglfw3 (>= 3.2), "
    "libgdal32 (>= 3.0.0), libsimdjson14 (>= 3.0.1), libegl1, libgl1, "
    # the modules' (lib/eventmap/eventmap-video.so, eventmap-pdf.so), opened only for clips and PDFs
    "libavformat59 (>= 7:5.1), libavcodec59 (>= 7:5.1), libswscale6 (>= 7:5.1), libavutil57 (>= 7:5.1), "
    "libimagequant0 (>= 2.17), libcairo2 (>= 1.16), libfreetype6 (>= 2.2.1)")
string(JOIN "" CPACK_DEBIAN_PACKAGE_DEPENDS ${CPACK_DEBIAN_PACKAGE_DEPENDS})
# Mesa's DRI drivers hold llvmpipe, the software rasteriser that gives `eventmap render` (and the window) GL
# on machines without a GPU. A Recommends, not a Depends: a machine with another GL vendor (NVIDIA's EGL/GLX)
# does not need it. On Debian 12 it comes in anyway through libgl1 -> libglx0 -> libglx-mesa0.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libgl1-mesa-dri")

include(CPack)
