// Plain text (align-text, learn-lexicon, segment) into lines, paragraphs and segments.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "artalign/types.hpp"
#include "segment/segmenter.hpp"

namespace artalign {

/// How a plain text is cut into segments.
enum class TextLayout {
    sentences,        ///< blank-line-separated paragraphs, split into sentences
    lines,            ///< one segment a line (empty ones too, so that indices are line numbers), all in block 0
    paragraph_lines,  ///< one segment a non-empty line; blank lines end paragraphs (blocks)
};

/// The lines of `text`, split at '\n', each without a trailing '\r'. A final newline ends the
/// last line: "a\nb\n" has two lines.
std::vector<std::string> text_lines(const std::string& text);

/// The paragraphs of `text`: runs of lines that are not blank, each line's white space
/// collapsed (collapse_whitespace) and the lines joined by one space. Blank lines (white space
/// only) separate paragraphs and are not part of any.
std::vector<std::string> text_paragraphs(const std::string& text);

/// The segments of `text` in `layout`, their white space collapsed. TextLayout::sentences
/// splits each paragraph with `splitter` (which must then be given; the others ignore it).
SegmentList text_segments(const std::string& text, TextLayout layout, const SentenceSplitter* splitter);

/// text_segments of the plain-text file `file` (read_text_file: UTF-8, NFC). Throws InputError
/// naming the file when it cannot be read or is not text.
SegmentList read_text_segments(const std::filesystem::path& file, TextLayout layout, const SentenceSplitter* splitter);

}  // namespace artalign
