// TEMPORARY stand-in until the splitter/aligner headers land: pairs lines one to one.
#include <artalign/error.hpp>
#include <artalign/types.hpp>
#include <artalign/version.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {
std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    return out;
}
std::vector<std::string> lines_of(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw artalign::InputError(file.string(), "cannot be read");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) { std::cerr << "usage: align_texts KO.txt EN.txt OUT.tmx\n"; return 2; }
    try {
        const std::filesystem::path data_dir = ALIGN_TEXTS_DATA_DIR;
        if (!std::filesystem::exists(data_dir / "tmx" / "tmx14.dtd"))
            throw artalign::DataError(data_dir.string(), "no tmx/tmx14.dtd");
        const auto ko = lines_of(argv[1]);
        const auto en = lines_of(argv[2]);
        artalign::CoverageSummary summary;
        summary.source_sentences = ko.size();
        summary.units = summary.covered_sentences = std::min(ko.size(), en.size());
        std::cout << summary.one_line("Korean", "English") << '\n';
        std::ofstream out(argv[3]);
        out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"align_texts\" creationtoolversion=\""
            << artalign::kVersion << "\" segtype=\"sentence\" o-tmf=\"none\" adminlang=\"en\" srclang=\"ko\" datatype=\"plaintext\"/><body>\n";
        for (std::size_t i = 0; i < summary.units; ++i)
            out << "<tu><tuv xml:lang=\"ko\"><seg>" << escaped(ko[i]) << "</seg></tuv><tuv xml:lang=\"en\"><seg>" << escaped(en[i]) << "</seg></tuv></tu>\n";
        out << "</body></tmx>\n";
    } catch (const artalign::Error& error) {
        std::cerr << "align_texts: error: " << error.what() << '\n';
        return 1;
    }
}
