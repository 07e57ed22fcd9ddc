// PNG encoding of a real map picture (docs/default-view.png scaled to 3840x2160 by tiling), comparing
// libpng's writer at fast settings with eventmap's encoder on one and on two threads.
// Run: build/bench/bench_png
#include <benchmark/benchmark.h>
#include <png.h>
#include <zlib.h>

#include <cstdio>

#include "export/png_writer.hpp"

namespace {

const em::Image& picture() {
    static const em::Image image = [] {
        auto src = em::read_png(std::string(EVENTMAP_SOURCE_DIR) + "/docs/default-view.png");
        em::Image out(3840, 2160);
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x)
                for (int c = 0; c < 4; ++c)
                    out.row(y)[x * 4 + c] = src->row(y % src->height)[(x % src->width) * 4 + c];
        return out;
    }();
    return image;
}

void BM_Libpng(benchmark::State& state) {
    const em::Image& img = picture();
    const int filter = static_cast<int>(state.range(0)), strategy = static_cast<int>(state.range(1));
    for (auto _ : state) {
        std::FILE* f = std::fopen("/tmp/eventmap-bench.png", "wb");
        png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
        png_infop info = png_create_info_struct(png);
        png_init_io(png, f);
        png_set_IHDR(png, info, img.width, img.height, 8, PNG_COLOR_TYPE_RGBA, 0, 0, 0);
        png_set_compression_level(png, 1);
        png_set_compression_strategy(png, strategy);
        png_set_filter(png, 0, filter);
        png_write_info(png, info);
        for (int y = 0; y < img.height; ++y) png_write_row(png, const_cast<png_bytep>(img.row(y)));
        png_write_end(png, nullptr);
        png_destroy_write_struct(&png, &info);
        state.counters["bytes"] = static_cast<double>(std::ftell(f));
        std::fclose(f);
    }
}

void BM_EventmapEncoder(benchmark::State& state) {
    const em::Image& img = picture();
    for (auto _ : state) {
        auto png = em::encode_png(img, static_cast<int>(state.range(0)));
        state.counters["bytes"] = static_cast<double>(png->size());
    }
}

}  // namespace

BENCHMARK(BM_Libpng)->Args({PNG_FILTER_SUB, Z_DEFAULT_STRATEGY})->Args({PNG_FILTER_SUB, Z_RLE})
    ->Args({PNG_FILTER_NONE, Z_DEFAULT_STRATEGY})->Args({PNG_ALL_FILTERS, Z_DEFAULT_STRATEGY})
    ->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_EventmapEncoder)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
