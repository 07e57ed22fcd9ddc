#include "video/encoding_thread.hpp"

namespace em {

EncodingThread::EncodingThread(std::unique_ptr<VideoWriter> writer, int depth)
    : writer_(std::move(writer)), depth_(static_cast<std::size_t>(depth < 1 ? 1 : depth)), worker_([this] { run(); }) {}

EncodingThread::~EncodingThread() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
        queue_.clear();  // a cancel: nothing more is encoded
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
    writer_.reset();  // not finished: removes the temporary file
}

void EncodingThread::run() {
    for (;;) {
        Item item;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
            if (queue_.empty()) break;  // closing and nothing left
            item = std::move(queue_.front());
            queue_.pop_front();
        }
        changed_.notify_all();  // room in the queue
        Status ok = Ok{};
        int done = 0;
        for (; done < item.copies && ok.ok(); ++done) ok = writer_->add_frame(item.frame);
        std::lock_guard lock(mutex_);
        encoded_ += done;
        if (!ok.ok() && !error_) {
            error_ = ok.error();
            queue_.clear();
        }
    }
}

Status EncodingThread::push(Image frame, int copies) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < depth_ || error_ || closing_; });
    if (error_) return *error_;
    if (closing_) return Error{writer_->path() + ": the clip is already finished"};
    queue_.push_back(Item{std::move(frame), copies});
    lock.unlock();
    changed_.notify_all();
    return Ok{};
}

Status EncodingThread::finish() {
    {
        std::lock_guard lock(mutex_);
        if (closing_) return Error{writer_->path() + ": the clip is already finished"};
        closing_ = true;  // the worker empties the queue, then stops
    }
    changed_.notify_all();
    worker_.join();
    if (error_) return *error_;
    return writer_->finish();
}

int EncodingThread::encoded() const {
    std::lock_guard lock(mutex_);
    return encoded_;
}

}  // namespace em
