#!/usr/bin/env python3
"""Lists the tests ctest skipped, each with its reason, from ctest's JUnit file (ctest --output-junit).

Usage: tools/list_skipped_tests.py XML...   (ctest --output-junit files, or gtest --gtest_output=xml files)

A skip is never a pass: tools/test.sh prints this list last, so a run that skipped something says what and
why. The reason is the test's own words: gtest's GTEST_SKIP message (the line after "[  SKIPPED ]" or the
"Skipped" line gtest prints), or the "SKIP: ..." lines a script test prints before it exits 77.
Always exits 0 (the list informs; ctest's exit code decides).
"""
import re
import sys
import xml.etree.ElementTree as ET


def reason(output: str) -> str:
    lines = output.splitlines()
    found = [l.strip()[len("SKIP:"):].strip() for l in lines if l.strip().startswith("SKIP:")]
    if found:
        return "; ".join(found)
    for i, line in enumerate(lines):
        # gtest: "path:line: Skipped" then the message on the next line(s).
        if re.search(r": Skipped$", line.strip()) and i + 1 < len(lines):
            return lines[i + 1].strip()
    for line in lines:
        if "[  SKIPPED ]" in line:
            return line.strip()
    return "(no reason printed)"


def main() -> int:
    skipped = []
    for path in sys.argv[1:]:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            print(f"skipped tests: cannot read {path}: {e}")
            continue
        collect(root, skipped)
    print(f"skipped tests: {len(skipped)}")
    for name, why in skipped:
        print(f"  SKIPPED {name}: {why}")
    return 0


def collect(root, skipped):
    for case in root.iter("testcase"):
        if case.find("skipped") is None and case.get("status") not in ("notrun", "disabled"):
            continue
        out = case.find("system-out")
        why = reason(out.text if out is not None and out.text else "")
        message = case.find("skipped").get("message", "") if case.find("skipped") is not None else ""
        if why == "(no reason printed)" and message.strip():
            why = message.strip().splitlines()[-1]  # gtest's own XML: the GTEST_SKIP message
        name = case.get("name")
        if case.get("classname") and case.get("classname") not in name:
            name = f"{case.get('classname')}.{name}"
        skipped.append((name, why))


if __name__ == "__main__":
    sys.exit(main())
