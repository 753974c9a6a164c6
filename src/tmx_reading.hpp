// Internal: the parsed document behind validate_tmx, shared with append_tmx.
#pragma once

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "artalign/tmx_validator.hpp"

namespace artalign::detail {

struct FreeXmlDoc {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocument = std::unique_ptr<xmlDoc, FreeXmlDoc>;

/// validate_tmx_text that also hands back the parsed document (null unless the content was
/// well formed and had a <tmx> root), for callers that read the units afterwards.
TmxReport check_tmx_text(std::string_view content, const std::string& name, const std::filesystem::path& dtd,
                         XmlDocument* document);

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
