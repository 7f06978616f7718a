#!/usr/bin/env python3
"""Reads render's emitter output back with PyYAML, a YAML 1.1 reader, and checks that
every value is the one render meant (SPEC section 5: strings a YAML 1.1 reader would
take for booleans, numbers or null are quoted).

Optional, outside `swift test` (PyYAML is not a dependency of the package):

    RENDER_EMITTER_CORPUS=/tmp/emitter swift test --filter YAMLEmitterRoundTripTests
    python3 Scripts/check-emitter-yaml11.py /tmp/emitter

The test writes `emitted.yaml` and `expected.json` (mappings as lists of [key, value]
pairs, non-finite floats as {"float": ".inf"}). Exits 1 and lists the differences when
PyYAML reads any value differently. Timestamps are reported separately: PyYAML makes
dates of them, kubectl's reader does not for string fields.
"""
import datetime
import json
import math
import sys

import yaml


def expected_value(value):
    if isinstance(value, dict) and set(value) == {"float"}:
        return float(value["float"].replace(".inf", "inf").replace(".nan", "nan"))
    if isinstance(value, list) and all(
        isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) for item in value
    ) and value:
        return [(key, expected_value(item)) for key, item in value]
    if isinstance(value, list):
        return [expected_value(item) for item in value]
    return value


def read_value(value):
    if isinstance(value, dict):
        return [(key, read_value(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [read_value(item) for item in value]
    return value


def same(want, got):
    if isinstance(want, float) and isinstance(got, float):
        return (math.isnan(want) and math.isnan(got)) or want == got
    if type(want) is not type(got):
        return False
    if isinstance(want, list):
        return len(want) == len(got) and all(same(a, b) for a, b in zip(want, got))
    if isinstance(want, tuple):
        return want[0] == got[0] and same(want[1], got[1])
    return want == got


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/emitter"
    with open(folder + "/emitted.yaml", encoding="utf-8") as f:
        read = read_value(yaml.safe_load(f))
    with open(folder + "/expected.json", encoding="utf-8") as f:
        want = expected_value(json.load(f))
    failures = 0
    dates = 0
    for (key, value), (read_key, read_item) in zip(want, read):
        if same((key, value), (read_key, read_item)):
            continue
        if isinstance(read_item, (datetime.date, datetime.datetime)) or any(
            isinstance(v, (datetime.date, datetime.datetime))
            for v in (read_item if isinstance(read_item, list) else [])
        ):
            dates += 1
            print(f"timestamp: {key}: {value!r} reads as {read_item!r}")
            continue
        failures += 1
        print(f"DIFFERS: {key}: render {value!r}, PyYAML {read_item!r}")
    if len(want) != len(read):
        failures += 1
        print(f"DIFFERS: {len(want)} top-level keys written, {len(read)} read")
    print(f"{len(want) - failures - dates} of {len(want)} values read the same by PyYAML "
          f"{yaml.__version__}; {dates} timestamps; {failures} differ")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
