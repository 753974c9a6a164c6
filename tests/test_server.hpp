// A local HTTP server for fetch tests: starts tests/fetch/http_test_server.py on 127.0.0.1
// (a free port it picks itself) and stops that process, by its id, when the object goes.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <string>

#include "test_support.hpp"

extern char** environ;

namespace artalign::test {

class TestServer {
public:
    /// `robots` picks how /robots.txt is answered: "404" (everything allowed), "rules", "500",
    /// "slow" (see the script's docstring).
    explicit TestServer(std::string robots = "404") {
        int fds[2];
        if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        const std::string script = (kSamples.parent_path() / "tests/fetch/http_test_server.py").string();
        std::string python = "python3";
        char* argv[] = {python.data(), const_cast<char*>(script.c_str()), robots.data(), nullptr};
        const int spawned = posix_spawnp(&pid_, "python3", &actions, nullptr, argv, environ);
        posix_spawn_file_actions_destroy(&actions);
        close(fds[1]);
        if (spawned != 0) {
            close(fds[0]);
            throw std::runtime_error("cannot start python3 for the test server");
        }
        // The first line the server prints is its port.
        std::string line;
        char c = 0;
        while (read(fds[0], &c, 1) == 1 && c != '\n') line.push_back(c);
        close(fds[0]);
        port_ = line.empty() ? 0 : std::stoi(line);
        if (port_ == 0) {
            stop();
            throw std::runtime_error("the test server did not report its port");
        }
    }
    ~TestServer() { stop(); }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    /// "http://127.0.0.1:PORT" + path.
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

private:
    void stop() {
        if (pid_ <= 0) return;
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
    }
    pid_t pid_ = 0;
    int port_ = 0;
};

}  // namespace artalign::test
