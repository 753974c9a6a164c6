// `artalign extract`: prints the article extracted from one page, as JSON or plain text, so
// users see what the aligner will see.
#include <fmt/format.h>

#include <cstdio>
#include <utility>

#include "arguments.hpp"
#include "util/data_directory.hpp"
#include "util/json_writer.hpp"
#include "artalign/pipeline.hpp"
#include "commands.hpp"
#include "output_checks.hpp"
#include "page_options.hpp"

namespace artalign::cli {
namespace {

std::string as_json(const ExtractedPage& page) {
    const Article& a = page.article;
    JsonWriter json(2);
    json.begin_object();
    for (const auto& [key, value] : {std::pair{"url", &a.url}, std::pair{"language", &a.language},
                                     std::pair{"profile", &a.profile}, std::pair{"title", &a.title},
                                     std::pair{"subtitle", &a.subtitle}, std::pair{"section", &a.section},
                                     std::pair{"byline", &a.byline}, std::pair{"published", &a.published},
                                     std::pair{"modified", &a.modified}, std::pair{"original", &page.original_link},
                                     std::pair{"charset", &page.charset}}) {
        json.key(key).value(*value);
    }
    for (const auto& [key, list] : {std::pair{"paragraphs", &a.paragraphs}, std::pair{"warnings", &a.warnings}}) {
        json.key(key).begin_array();
        for (const std::string& item : *list) json.value(item);
        json.end_array();
    }
    json.end_object();
    return json.str() + "\n";
}

std::string as_text(const ExtractedPage& page) {
    const Article& a = page.article;
    std::string out = a.title + "\n";
    if (!a.subtitle.empty()) out += a.subtitle + "\n";
    out += "\n";
    for (const std::string& paragraph : a.paragraphs) out += paragraph + "\n\n";
    if (!a.byline.empty()) out += a.byline + "\n";
    return out;
}

}  // namespace

int run_extract(const std::vector<std::string>& arguments) {
    ArgumentParser parser("artalign extract PAGE [--text] [options]",
                          "Prints the article artalign extracts from PAGE (a local file or an http(s) URL):\n"
                          "metadata and body paragraphs as JSON, or with --text the title, subtitle and\n"
                          "paragraphs as plain text. Warnings (e.g. the generic extractor was used) go to\n"
                          "stderr.");
    parser.add_flag("text", 't', "print plain text instead of JSON");
    add_page_options(parser);
    parser.parse(arguments, 0, 1);
    if (parser.print_help_if_asked()) return 0;
    if (parser.positional().empty()) throw UsageError("missing PAGE; usage: artalign extract PAGE [--text]");

    PipelineOptions pipeline_options = page_options(parser);
    pipeline_options.allow_page_pipes = true;  // the page named on the command line
    const Pipeline pipeline(Resources::load(resource_options(parser)), std::move(pipeline_options));
    const ExtractedPage page = pipeline.extract_page(parser.positional()[0], mirror_option(parser));
    for (const std::string& warning : page.article.warnings)
        fmt::print(stderr, "artalign: warning: {}: {}\n", parser.positional()[0], warning);
    const std::string output = parser.flag("text") ? as_text(page) : as_json(page);
    write_standard_output(output);
    return 0;
}

}  // namespace artalign::cli
