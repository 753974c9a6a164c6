// Internal: the TMX rules a DTD cannot express, checked on one parsed <header> or <tu>:
// BCP 47 language tags, TMX dates, paired and unique <bpt>/<ept> i numbers, numeric x
// attributes, the srclang rule with <tu srclang> overrides, and what each TMX version allows.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

#include "write/tmx_validator.hpp"

namespace artalign::detail {

/// The TMX versions artalign reads, from <tmx version="...">: 1.1, 1.2, 1.3, 1.4. Returns 0
/// for any other text; a missing attribute is 1.4 (the DTD's fixed value).
int tmx_minor_version(std::string_view version);

/// True when `tag` is a well-formed BCP 47 language tag (as ICU parses it, all of it).
bool is_language_tag(std::string_view tag);

/// True when `date` is a TMX date, YYYYMMDDThhmmssZ, naming a real day and time (UTC).
bool is_tmx_date(std::string_view date);

/// The names of the checks check_header and check_unit make, for `validate` to print.
std::vector<std::string> tmx_check_names(int minor_version);

/// Checks the header's language tags (srclang may be "*all*") and dates.
void check_header(xmlNode* header, std::vector<TmxProblem>& problems);

/// Checks one <tu>: the language of each <tuv> (xml:lang, or lang before TMX 1.3), language
/// tags and dates of it and its children, inline markup in every <seg>, elements the version
/// lacks (<hi> before 1.2), and the srclang rule: unless the unit's srclang (its own srclang
/// attribute, else `header_srclang`) is "*all*", one <tuv> is in that language.
void check_unit(xmlNode* tu, const std::string& header_srclang, int minor_version, std::vector<TmxProblem>& problems);

}  // namespace artalign::detail
