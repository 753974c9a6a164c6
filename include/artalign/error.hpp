// The errors artalign throws: one root type, one subtype per stage, each message naming the
// file or URL and what is wrong.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace artalign {

/// `text` with its control characters escaped, so that it prints on one line and cannot start
/// a line of its own (a file named "a\nartalign: error: ..." cannot forge a message): newline,
/// carriage return and tab as \n, \r, \t, the other C0 controls and DEL as \xHH. Other bytes,
/// UTF-8 included, are kept.
std::string escape_control_characters(std::string_view text);

/// Root of every error artalign throws on bad input or failed work. what() is one line,
/// "SUBJECT: what is wrong", where SUBJECT is the file path or URL concerned; control
/// characters in either (a path holding a newline) are escaped (escape_control_characters).
class Error : public std::runtime_error {
public:
    Error(const std::string& subject, const std::string& problem)
        : std::runtime_error(escape_control_characters(subject.empty() ? problem : subject + ": " + problem)) {}
};

/// A page or text could not be read (missing file, unreadable, empty, not HTML).
class InputError : public Error {
    using Error::Error;
};

/// A page was read but the article or the link to its original could not be found in it.
class ParseError : public Error {
    using Error::Error;
};

/// A page that is not a translated article: no site profile recognises its layout, or it has no
/// link to an original. Batch runs skip such pages instead of counting them as failures.
class NotTranslatedArticleError : public ParseError {
    using ParseError::ParseError;
};

/// A URL could not be fetched: network failure, timeout, an HTTP error status, a redirect to
/// a scheme other than http(s), or an answer that is not an HTML page. The subject is the URL.
class FetchError : public Error {
    using Error::Error;
};

/// An output file could not be written; the previous file, if any, is left as it was.
class OutputError : public Error {
    using Error::Error;
};

/// Data that ships with artalign (site profiles, abbreviation lists) is missing or malformed.
class DataError : public Error {
    using Error::Error;
};

}  // namespace artalign
