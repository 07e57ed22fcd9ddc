#pragma once

#include <cstddef>

#include "render/gpu_mesh_cache.hpp"
#include "render/map_scene.hpp"

namespace em {

// The window keeps a user layer's projected fill and outline arrays only until they are on the GPU. Nothing draws
// from them after the upload, and on llvmpipe the driver holds its own copy in memory: with land10m the CPU
// copies of the uploaded levels were ~340 MB of the window's peak (bench/README.md, issue 18). What still reads
// them on the CPU (the vector export) restores them first. Headless pictures never release anything.

// Whether the mesh's fill and outline arrays were let go: its ranges have triangles or outline points, its arrays
// none.
bool vertices_released(const ProjectedMesh& mesh);

// Lets go of the fill and outline arrays of every user layer's meshes (full detail and coarser levels) that gpu
// holds wholly; returns the bytes freed.
std::size_t release_uploaded_vertices(MapScene& scene, const GpuMeshCache& gpu);

// Projects again what release_uploaded_vertices let go (the same arrays, the stamps kept: the GPU copies stay
// valid), so that CPU readers see whole meshes.
void restore_released_vertices(MapScene& scene);

}  // namespace em
