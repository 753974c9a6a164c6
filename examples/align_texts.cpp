// align_texts: aligns a Korean text with its English translation through artalign's public
// headers only, prints how much of the Korean the English covers and writes a TMX.
//
//     align_texts KO.txt EN.txt OUT.tmx
//
// Each non-empty line of a text is one block (a title or a paragraph), as `artalign extract
// --text` prints an article. examples/CMakeLists.txt builds it against an installed artalign.
#include <artalign/coverage.hpp>   // compute_coverage
#include <artalign/error.hpp>      // artalign::Error, the root of everything the library throws
#include <artalign/resources.hpp>  // Resources: the data directory, loaded once
#include <artalign/segmenter.hpp>  // joined_text
#include <artalign/tmx.hpp>        // write_tmx

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

// The non-empty lines of a UTF-8 text file: the blocks the sentence splitter takes.
static std::vector<std::string> read_blocks(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw artalign::InputError(file.string(), "cannot be read");
    std::vector<std::string> blocks;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) blocks.push_back(line);
    return blocks;
}

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: align_texts KO.txt EN.txt OUT.tmx\n";
        return 2;
    }
    try {
        // The installed data (abbreviations, segmentation rules, lexicon): the directory
        // find_package gave as artalign_DATA_DIR, compiled in by examples/CMakeLists.txt.
        // Loaded once; a program with threads shares it and gives each thread its own splitters
        // and aligner.
        const auto resources = artalign::Resources::load({.data_dir = ALIGN_TEXTS_DATA_DIR});

        // Sentences of each side, each remembering its block; then the alignment, as beads.
        const auto korean = resources->splitter("ko").split(read_blocks(argv[1]));
        const auto english = resources->splitter("en").split(read_blocks(argv[2]));
        const artalign::Alignment alignment = resources->aligner().align(korean, english);

        std::cout << artalign::compute_coverage(korean, alignment.beads).one_line("Korean", "English") << '\n';

        // Each bilingual bead (not a 1-0 or 0-1 one) is a unit of the translation memory.
        std::vector<artalign::TranslationUnit> units;
        for (const artalign::Bead& bead : alignment.beads) {
            if (bead.is_null()) continue;
            units.push_back({.source = artalign::joined_text(korean, bead.source),
                             .target = artalign::joined_text(english, bead.target),
                             .bead_type = bead.type(),
                             .score = bead.score});
        }
        artalign::write_tmx(argv[3], units);  // atomic: a failed run leaves no half-written file
    } catch (const artalign::Error& error) {
        std::cerr << "align_texts: error: " << error.what() << '\n';  // one line, naming the file
        return 1;
    }
}
