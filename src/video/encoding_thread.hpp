#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/image.hpp"
#include "core/result.hpp"
#include "video/video_writer.hpp"

namespace em {

// Encodes on a thread of its own while the caller draws the next frame: drawing (GL), reading back and
// encoding overlap. At most `depth` frames wait (a 1080p frame is 8 MB). The writer is finished on this
// thread by finish(); dropped without finish() (an error, a cancel) it removes its temporary file.
class EncodingThread {
public:
    explicit EncodingThread(std::unique_ptr<VideoWriter> writer, int depth = 2);
    ~EncodingThread();
    EncodingThread(const EncodingThread&) = delete;
    EncodingThread& operator=(const EncodingThread&) = delete;

    // Queues a frame to be encoded `copies` times; waits while the queue is full. Returns the encoder's first
    // error, if one happened since (the frame is then dropped).
    Status push(Image frame, int copies = 1);
    // Encodes what is queued, then finishes the clip (flush, index, rename). The encoder's first error, if any.
    Status finish();
    // Frames encoded so far (copies counted).
    int encoded() const;

private:
    struct Item {
        Image frame;
        int copies = 1;
    };
    void run();

    std::unique_ptr<VideoWriter> writer_;
    const std::size_t depth_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Item> queue_;
    bool closing_ = false;
    std::optional<Error> error_;
    int encoded_ = 0;
    std::thread worker_;  // last: starts once everything above exists
};

}  // namespace em
