#pragma once
// A one-thread server on 127.0.0.1 at a port the OS chose, for the issue 20 tests: with `http` it answers every
// GET/HEAD with a one-point GeoJSON (ranges too) and counts the requests; otherwise it only counts the connections
// it accepts and closes them (a stand-in for a database). Bounded waits throughout.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace em::test {

inline const char* const kGeoJson =
    R"({"type":"FeatureCollection","name":"remote","features":[{"type":"Feature","properties":{"name":"Bamako"},)"
    R"("geometry":{"type":"Point","coordinates":[-8.0,12.64]}}]})";

// A one-thread server on 127.0.0.1: `http` answers every GET/HEAD with kGeoJson (ranges too) and counts requests;
// otherwise it only counts accepted connections and closes them (a stand-in for a database).
class LocalServer {
public:
    explicit LocalServer(bool http) : http_(http) {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = 0;
        const int one = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd_, 16) != 0) ADD_FAILURE();
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { run(); });
    }
    ~LocalServer() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    int port() const { return port_; }
    int requests() const { return requests_.load(); }
    int connections() const { return connections_.load(); }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    std::vector<std::string> request_lines() {
        const std::lock_guard lock(mutex_);
        return lines_;
    }

private:
    void run() {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0) continue;
            ++connections_;
            if (http_) serve(c);
            ::close(c);
        }
    }
    // One request per connection (Connection: close), read with a bounded wait.
    void serve(int c) {
        std::string req;
        char buf[4096];
        for (int i = 0; i < 100 && req.find("\r\n\r\n") == std::string::npos; ++i) {
            pollfd p{c, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) break;
            req.append(buf, static_cast<std::size_t>(n));
        }
        if (req.empty()) return;
        ++requests_;
        {
            const std::lock_guard lock(mutex_);
            lines_.push_back(req.substr(0, req.find("\r\n")));
        }
        const std::string body = kGeoJson;
        std::size_t from = 0, to = body.size() - 1;
        bool range = false;
        if (const auto at = req.find("Range: bytes="); at != std::string::npos) {
            range = true;
            from = std::stoul(req.substr(at + 13));
            const auto dash = req.find('-', at + 13);
            const auto eol = req.find("\r\n", at);
            if (dash + 1 < eol) to = std::min(to, static_cast<std::size_t>(std::stoul(req.substr(dash + 1))));
        }
        std::string part = from <= to && from < body.size() ? body.substr(from, to - from + 1) : std::string();
        std::string head = std::string(range ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n") +
                           "Content-Type: application/json\r\nConnection: close\r\nAccept-Ranges: bytes\r\n" +
                           "Content-Length: " + std::to_string(part.size()) + "\r\n";
        if (range)
            head += "Content-Range: bytes " + std::to_string(from) + "-" + std::to_string(from + part.size() - 1) +
                    "/" + std::to_string(body.size()) + "\r\n";
        head += "\r\n";
        if (req.rfind("HEAD ", 0) != 0) head += part;
        ::send(c, head.data(), head.size(), MSG_NOSIGNAL);
    }

    bool http_;
    int fd_ = -1, port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> requests_{0}, connections_{0};
    std::mutex mutex_;
    std::vector<std::string> lines_;
    std::thread thread_;
};


}  // namespace em::test
