// libcurl opened with dlopen on first use.
#include "read/curl_library.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace artalign {
namespace {

std::string loader_error() {
    const char* message = dlerror();
    return message != nullptr ? message : "unknown error";
}

// Sets `function` to the symbol `name` of `library`, whose type the declaration in curl.h gives.
template <typename Function>
void resolve(void* library, const char* soname, const char* name, Function& function) {
    void* symbol = dlsym(library, name);
    if (symbol == nullptr)
        throw std::runtime_error(std::string(soname) + " has no " + name + " (" + loader_error() +
                                 "): artalign needs libcurl 7.85 or later to fetch URLs");
    function = reinterpret_cast<Function>(symbol);
}

}  // namespace

CurlLibrary CurlLibrary::open(const char* soname) {
    // RTLD_LOCAL: libcurl's symbols stay out of the global namespace, where they would be
    // found before any other library's of the same name.
    void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr)
        throw std::runtime_error("cannot load " + std::string(soname) + " (" + loader_error() +
                                 "), which fetching URLs needs: install libcurl (Debian and Ubuntu: libcurl4)");
    CurlLibrary curl;
    resolve(library, soname, "curl_global_init", curl.global_init);
    resolve(library, soname, "curl_easy_init", curl.easy_init);
    resolve(library, soname, "curl_easy_cleanup", curl.easy_cleanup);
    resolve(library, soname, "curl_easy_setopt", curl.easy_setopt);
    resolve(library, soname, "curl_easy_perform", curl.easy_perform);
    resolve(library, soname, "curl_easy_strerror", curl.easy_strerror);
    resolve(library, soname, "curl_easy_getinfo", curl.easy_getinfo);
    resolve(library, soname, "curl_easy_header", curl.easy_header);
    return curl;
}

const CurlLibrary& system_curl() {
    // A static initialiser that throws is run again at the next call.
    static const CurlLibrary curl = [] {
        CurlLibrary opened = CurlLibrary::open("libcurl.so.4");
        opened.global_init(CURL_GLOBAL_DEFAULT);  // once, before any thread uses libcurl
        return opened;
    }();
    return curl;
}

}  // namespace artalign
