#include "util/xml_library.hpp"

#include <libxml/parser.h>

namespace artalign {

void prepare_xml_library() {
    // A function-local static is initialised exactly once, and other threads wait for it.
    static const bool prepared = [] {
        xmlInitParser();
        return true;
    }();
    (void)prepared;
}

}  // namespace artalign
