// The floor for batch throughput: reads and parses every HTML page under a directory with bare
// libxml2 (the parser options HtmlDocument uses) and nothing else, on N threads.
// usage: artalign_parse_floor DIR [--jobs N]; prints pages, MB, seconds, pages/s, MB/s.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: artalign_parse_floor DIR [--jobs N]\n", stderr);
        return 2;
    }
    unsigned jobs = 1;
    if (argc == 4 && std::string(argv[2]) == "--jobs") jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[3])));
    std::vector<std::filesystem::path> pages;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
        const auto extension = entry.path().extension();
        if (entry.is_regular_file() && (extension == ".html" || extension == ".htm")) pages.push_back(entry.path());
    }
    std::sort(pages.begin(), pages.end());
    xmlInitParser();
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS;
    std::atomic<std::size_t> next{0}, bytes{0}, failed{0};
    const auto started = std::chrono::steady_clock::now();
    {
        std::vector<std::jthread> workers;
        for (unsigned k = 0; k < jobs; ++k) {
            workers.emplace_back([&] {
                for (std::size_t i = next++; i < pages.size(); i = next++) {
                    std::ifstream in(pages[i], std::ios::binary);
                    const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
                    bytes += html.size();
                    xmlDoc* doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), pages[i].c_str(), nullptr, options);
                    if (doc == nullptr) ++failed;
                    xmlFreeDoc(doc);
                }
            });
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const double megabytes = static_cast<double>(bytes.load()) / 1e6;
    std::printf("pages %zu  MB %.1f  seconds %.2f  pages/s %.1f  MB/s %.1f  failed %zu\n", pages.size(), megabytes, seconds,
                static_cast<double>(pages.size()) / seconds, megabytes / seconds, failed.load());
    xmlCleanupParser();
    return failed.load() == 0 ? 0 : 1;
}
