#include "events/csv_reader.hpp"

namespace em {

CsvDocument parse_csv(std::string_view text) {
    CsvDocument doc;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        doc.had_bom = true;
        text.remove_prefix(3);
    }
    const size_t n = text.size();
    size_t i = 0;
    int line = 1;
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        std::string field;
        bool record_bad = false;
        bool end_of_record = false;
        // Skip completely empty lines between records.
        if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
            if (text[i] == '\r') doc.had_crlf = true, ++i;
            ++i, ++line;
            continue;
        }
        while (!end_of_record) {
            field.clear();
            const int field_line = line;
            const int column = static_cast<int>(rec.fields.size()) + 1;
            if (i < n && text[i] == '"') {
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    doc.problems.push_back({field_line, column, "unbalanced quote: the quoted field is never closed"});
                    return doc;  // nothing after an open quote can be trusted
                }
                // After a closing quote only a separator or the end of the line may follow.
                if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    doc.problems.push_back({line, column, "unexpected character after closing quote"});
                    record_bad = true;
                    while (i < n && text[i] != ',' && text[i] != '\n') ++i;
                }
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n') {
                    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') break;
                    if (text[i] == '"' && !record_bad) {
                        doc.problems.push_back({line, column, "stray quote inside an unquoted field"});
                        record_bad = true;
                    }
                    field += text[i++];
                }
            }
            rec.fields.push_back(field);
            if (i >= n) {
                end_of_record = true;
            } else if (text[i] == ',') {
                ++i;
            } else {
                if (text[i] == '\r') doc.had_crlf = true, ++i;
                if (i < n && text[i] == '\n') ++i;
                ++line;
                end_of_record = true;
            }
        }
        if (!record_bad) doc.records.push_back(std::move(rec));
    }
    return doc;
}

}  // namespace em
