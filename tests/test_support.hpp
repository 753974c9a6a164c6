// Helpers shared by unit tests: paths to the samples and data, scratch directories.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

namespace artalign::test {

inline const std::filesystem::path kSamples = ARTALIGN_TEST_SAMPLES;
inline const std::filesystem::path kData = ARTALIGN_TEST_DATA;
inline const std::filesystem::path kEnglishSample =
    kSamples / "mirror/english.hani.co.kr/arti/english_edition/e_international/928034.html";
inline const std::filesystem::path kKoreanSample = kSamples / "mirror/www.hani.co.kr/arti/international/america/927886.html";

inline std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const std::filesystem::path& file, const std::string& content) {
    std::ofstream(file, std::ios::binary) << content;
}

/// A fresh directory under the system temp directory, removed when the object goes.
class ScratchDirectory {
public:
    ScratchDirectory() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("artalign-test-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDirectory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchDirectory(const ScratchDirectory&) = delete;
    ScratchDirectory& operator=(const ScratchDirectory&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace artalign::test
