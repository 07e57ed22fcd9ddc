#include "app/window/clip_preview.hpp"

#include <algorithm>
#include <cmath>

#include "app/headless_map.hpp"

namespace em {

bool PreviewRefresh::should_draw(const std::optional<Project>& first, double now, bool drawing) {
    if (!first) {
        pending_.reset();  // nothing to draw: keep the last thumbnail
        return false;
    }
    if (drawn_ && *first == *drawn_) {
        pending_.reset();  // back to what is shown (or being drawn)
        return false;
    }
    if (!pending_ || !(*first == *pending_)) {
        pending_ = first;  // a change: wait until it settles
        pending_since_ = now;
    }
    if (drawing || now - pending_since_ < settle_) return false;
    drawn_ = std::move(pending_);
    pending_.reset();
    drawing_started_ = true;
    return true;
}

Project thumbnail_document(Project doc, int longest_side) {
    const int w = std::max(doc.output.width, 1), h = std::max(doc.output.height, 1);
    const double k = static_cast<double>(longest_side) / std::max(w, h);
    doc.output.width = std::max(1, static_cast<int>(std::lround(w * k)));
    doc.output.height = std::max(1, static_cast<int>(std::lround(h * k)));
    doc.output.pixel_scale = static_cast<float>(doc.output.pixel_scale * k);
    return doc;
}

ClipPreviewer::ClipPreviewer(DataPaths paths) : thread_([this, paths = std::move(paths)] { run(paths); }) {}

ClipPreviewer::~ClipPreviewer() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void ClipPreviewer::draw(Project doc) {
    {
        std::lock_guard lock(mutex_);
        next_ = std::move(doc);
    }
    wake_.notify_all();
}

bool ClipPreviewer::busy() const {
    std::lock_guard lock(mutex_);
    return drawing_ || next_.has_value();
}

std::optional<Result<Image>> ClipPreviewer::take() {
    std::lock_guard lock(mutex_);
    auto out = std::move(done_);
    done_.reset();
    return out;
}

void ClipPreviewer::run(DataPaths paths) {
    std::unique_ptr<HeadlessMap> map;  // made on this thread at the first drawing: its EGL context is this thread's
    for (;;) {
        Project doc;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || next_.has_value(); });
            if (stop_) return;
            doc = std::move(*next_);
            next_.reset();
            drawing_ = true;
        }
        std::optional<Result<Image>> result;
        if (!map) {
            auto made = HeadlessMap::create(paths);
            if (made) {
                map = std::move(made).value();
            } else {
                result.emplace(Error{"Preview: " + made.error().message});
            }
        }
        if (map) result.emplace(map->render(doc));
        std::lock_guard lock(mutex_);
        done_ = std::move(result);
        drawing_ = false;
    }
}

}  // namespace em
