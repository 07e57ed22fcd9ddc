#pragma once

#include <cstddef>
#include <vector>

#include "geo/vertex_restore.hpp"

#include "render/gpu_mesh_cache.hpp"
#include "render/map_scene.hpp"

namespace em {

// The window keeps a user layer's projected fill and outline arrays only until they are on the GPU. Nothing draws
// from them after the upload, and on llvmpipe the driver holds its own copy in memory: with land10m the CPU
// copies of the uploaded levels were ~340 MB of the window's peak (bench/README.md, issue 18). What still reads
// them on the CPU (the vector export) restores them first. Headless pictures never release anything.

// Whether some of the mesh's fill and outline arrays were let go (arrays_released): its ranges have triangles or
// outline points that an array lacks.
bool vertices_released(const ProjectedMesh& mesh);

// Lets go of the fill and outline arrays of every user layer's meshes (full detail and coarser levels) that gpu
// holds: all three once the mesh is wholly on the GPU, and while it is being uploaded in slices, those whose part
// is in (GpuMeshCache::parts_on_gpu); returns the bytes freed.
std::size_t release_uploaded_vertices(MapScene& scene, const GpuMeshCache& gpu);

// Projects again what release_uploaded_vertices let go (the same arrays, the stamps kept: the GPU copies stay
// valid), so that CPU readers see whole meshes.
void restore_released_vertices(MapScene& scene);

// The finer levels of a heavy user layer that the view does not draw hold no projected vertices in the window
// (geo/vertex_restore): with land10m the 100 m and 0.008-degree levels' vertices are ~180 MB, held from the load
// until the view came to their scale. A level is parked when loaded (load_overlay_layers' LevelParkingAtLoad) and
// whenever the view leaves its scale before it is on the GPU; when the view comes to its scale the renderer's
// staged upload projects it from its lon/lat mesh straight into the GPU (render/chunked_upload). The coarsest level
// is never parked: it is the stand-in while a finer one comes.

// Parks every finer level (not the coarsest) of a visible or hidden user layer with levels that is whole, not drawn
// at metres_per_pixel and not on its way to the GPU, and drops the GPU copies, whole or part-made, of parked levels
// the view no longer draws (a zoom passing through a level's scale left its copy, unused); they are uploaded again
// from their lon/lat mesh when the view comes back. Returns the bytes freed (GPU copies included: on llvmpipe
// they are process memory, for the window to give back).
std::size_t park_unwanted_levels(MapScene& scene, GpuMeshCache& gpu, double metres_per_pixel);

}  // namespace em
