// libcurl loaded at run time: only a process that fetches a URL maps it, and with it the ~30
// shared libraries it depends on (TLS, HTTP/2, IDN, Kerberos, LDAP, ...), which the dynamic
// loader would otherwise relocate at every start of every command.
#pragma once

#include <curl/curl.h>

#include <string>

namespace artalign {

/// The libcurl functions the fetcher calls, resolved from a library opened with dlopen. The
/// library is never closed. curl.h is included for its types and constants only.
struct CurlLibrary {
    decltype(&curl_global_init) global_init = nullptr;
    decltype(&curl_easy_init) easy_init = nullptr;
    decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
    decltype(&curl_easy_setopt) easy_setopt = nullptr;
    decltype(&curl_easy_perform) easy_perform = nullptr;
    decltype(&curl_easy_strerror) easy_strerror = nullptr;
    decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
    decltype(&curl_easy_header) easy_header = nullptr;

    /// Opens `soname` and resolves every function above, without calling any. Throws
    /// std::runtime_error, one line naming `soname` and what the loader said, when the library
    /// or one of the functions is missing (a libcurl older than 7.83 has no curl_easy_header).
    static CurlLibrary open(const char* soname);
};

/// The system's libcurl (libcurl.so.4, its ABI since 2006), opened and globally initialised on
/// the first call; thread-safe. Throws std::runtime_error as CurlLibrary::open does, again at
/// each call while it cannot be loaded.
const CurlLibrary& system_curl();

}  // namespace artalign
