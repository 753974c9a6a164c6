// Internal: the parsed document behind validate_tmx, shared with append_tmx.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "write/tmx_validator.hpp"

namespace artalign::detail {

struct FreeXmlDoc {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, FreeXmlDoc>;

class ByteSource;

/// validate_tmx on `bytes` (a file or text; messages name bytes.name()), reading them in
/// chunks, that also hands each <tu> element, complete with its subtree, to `on_unit` (when
/// set) after checking it; the node is freed after the call. Throws InputError when reading
/// fails, DataError when the DTD is missing.
TmxReport scan_tmx(ByteSource& bytes, const std::filesystem::path& dtd, const std::function<void(xmlNode*)>& on_unit);

/// The language of a <tuv>: xml:lang, or TMX 1.1's lang ("" when neither is present).
std::string tuv_language(xmlNode* tuv);

/// ASCII case-insensitive equality (language tags are case-insensitive, BCP 47).
bool same_language(std::string_view a, std::string_view b);

/// The element children of `parent` named `name`, in order, via a callback.
template <typename Visit>
void for_each_child(xmlNode* parent, const char* name, Visit visit) {
    for (xmlNode* child = parent->children; child != nullptr; child = child->next) {
        if (child->type == XML_ELEMENT_NODE && xmlStrEqual(child->name, reinterpret_cast<const xmlChar*>(name)))
            visit(child);
    }
}

}  // namespace artalign::detail
