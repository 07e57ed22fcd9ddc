#pragma once

#include <string>
#include <utility>
#include <variant>

namespace em {

// What went wrong, said so that a user can act on it: names the file (and line or feature) and the reason.
struct Error {
    std::string message;
};

// Either a value or an Error. Deliberately small: has_value / value / error, nothing clever.
template <typename T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}    // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

// Result for operations that return nothing on success.
struct Ok {};
using Status = Result<Ok>;

}  // namespace em
