#include "events/csv_reader.hpp"

namespace em {

void read_csv(std::string_view text, CsvScan& scan, const std::function<void(CsvRecord&)>& on_record) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
        scan.had_bom = true;
        text.remove_prefix(3);
    }
    const size_t n = text.size();
    size_t i = 0;
    int line = 1;
    CsvRecord rec;  // reused: its fields keep their capacity from one record to the next
    while (i < n) {
        // Skip completely empty lines between records.
        if (text[i] == '\n' || (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n')) {
            if (text[i] == '\r') scan.had_crlf = true, ++i;
            ++i, ++line;
            continue;
        }
        rec.line = line;
        // The fields are reused: a field the reader did not take (move) last time keeps its buffer, so most fields
        // of a long file are copied into existing storage instead of allocated and freed row after row.
        std::size_t used = 0;
        auto next_field = [&]() -> std::string& {
            if (used < rec.fields.size()) {
                std::string& f = rec.fields[used++];
                f.clear();
                return f;
            }
            ++used;
            return rec.fields.emplace_back();
        };
        bool record_bad = false;
        bool end_of_record = false;
        while (!end_of_record) {
            const int field_line = line;
            const int column = static_cast<int>(used) + 1;
            if (i < n && text[i] == '"') {
                std::string& field = next_field();
                ++i;
                bool closed = false;
                while (i < n) {
                    // Copy up to the next quote in one go, counting the line breaks it holds.
                    size_t quote = text.find('"', i);
                    if (quote == std::string_view::npos) quote = n;
                    for (size_t k = i; k < quote; ++k) line += text[k] == '\n';
                    field.append(text.substr(i, quote - i));
                    i = quote;
                    if (i == n) break;
                    if (i + 1 < n && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (!closed) {
                    scan.problems.push_back({field_line, column, "unbalanced quote: the quoted field is never closed"});
                    return;  // nothing after an open quote can be trusted
                }
                // After a closing quote only a separator or the end of the line may follow.
                if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    scan.problems.push_back({line, column, "unexpected character after closing quote"});
                    record_bad = true;
                    while (i < n && text[i] != ',' && text[i] != '\n') ++i;
                }
            } else {
                const size_t start = i;
                while (i < n && text[i] != ',' && text[i] != '\n') {
                    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') break;
                    if (text[i] == '"' && !record_bad) {
                        scan.problems.push_back({line, column, "stray quote inside an unquoted field"});
                        record_bad = true;
                    }
                    ++i;
                }
                next_field().assign(text.substr(start, i - start));
            }
            if (i >= n) {
                end_of_record = true;
            } else if (text[i] == ',') {
                ++i;
            } else {
                if (text[i] == '\r') scan.had_crlf = true, ++i;
                if (i < n && text[i] == '\n') ++i;
                ++line;
                end_of_record = true;
            }
        }
        rec.fields.resize(used);  // a shorter record than the last: drop the rest
        if (!record_bad) on_record(rec);
    }
}

CsvDocument parse_csv(std::string_view text) {
    CsvDocument doc;
    CsvScan scan;
    read_csv(text, scan, [&](CsvRecord& rec) { doc.records.push_back(std::move(rec)); });
    doc.problems = std::move(scan.problems);
    doc.had_bom = scan.had_bom;
    doc.had_crlf = scan.had_crlf;
    return doc;
}

}  // namespace em
