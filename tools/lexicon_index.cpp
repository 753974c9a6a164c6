// Build-time tool: writes the lexicon index (Lexicon::write_index) of a lexicon directory, so that
// a run uses the entries in place instead of parsing the TSVs. The index is what the TSV loader
// itself gives, with the fingerprint of the files it read.
//
//     artalign_lexicon_index data/lexicon build/data/lexicon/lexicon.index
#include <exception>
#include <iostream>

#include "anchor/lexicon.hpp"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: artalign_lexicon_index LEXICON_DIRECTORY INDEX_FILE\n";
        return 2;
    }
    try {
        // No index locations: the TSVs are parsed, whatever index already exists.
        artalign::Lexicon::load_directory(argv[1], {}).write_index(argv[2]);
    } catch (const std::exception& error) {
        std::cerr << "artalign_lexicon_index: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
