// libxml2's global set-up, done once before any thread parses or writes XML.
#pragma once

namespace artalign {

/// Sets up libxml2's global state (character-encoding handlers, dictionaries) the first time
/// it is called, from whichever thread, and does nothing after. libxml2 2.9 sets that state up
/// lazily and without a lock, so two threads meeting it first race (ThreadSanitizer saw
/// align-text --batch --jobs 2 writing TMX do so). Every entry point into libxml2 calls this:
/// HtmlDocument, the URL functions, TmxElementWriter and scan_tmx; the rest of artalign's
/// libxml2 calls work on what those made.
void prepare_xml_library();

}  // namespace artalign
