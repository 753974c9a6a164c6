// The output formats behind make_unit_writer (artalign/output.hpp): a format is one class in
// one source file (src/write/*_unit_writer.cpp) plus its line in the format table of
// src/write/unit_writer.cpp; the pipeline and the command line only see UnitWriter.
#pragma once

#include <memory>

#include "write/tmx_writer.hpp"

#include "artalign/output.hpp"

namespace artalign {

/// The factories behind make_unit_writer, one per format file.
std::unique_ptr<UnitWriter> make_tmx_unit_writer();
std::unique_ptr<UnitWriter> make_tsv_unit_writer();
std::unique_ptr<UnitWriter> make_moses_unit_writer();
std::unique_ptr<UnitWriter> make_jsonl_unit_writer();

}  // namespace artalign
